/**
 * How much of a programme the atlas maps, set beside the figures its official reports give
 * ("paired hospitals: 31 of 46 reported"). What is counted follows each figure's `measure`, over
 * the programme's links that are more than planned (an announced team that may never have left is
 * not a mapped one). Pure and O(links of the dataset): the About dialog and the programme's panel
 * both show it.
 */
import type { DatasetIndex } from './dataset-index.ts';
import type { InstitutionKind, Link, OfficialFigure, Programme } from './schema.ts';

/** Chinese institutions that can be "a hospital paired" or "a university that built a centre": not a province's health commission or a place. */
const COUNTED_INSTITUTION_KINDS: ReadonlySet<InstitutionKind> = new Set(['hospital', 'university', 'research']);

export interface CoverageLine {
  figure: OfficialFigure;
  /** What the atlas maps of the same measure. */
  mapped: number;
}

export interface ProgrammeCoverage {
  programme: Programme;
  /** One line per official figure, in the file's order. */
  lines: CoverageLine[];
  /** The programme's links, all of them, and those left out of the mapped counts because they are only planned. */
  links: number;
  planned: number;
  /** Links whose lead institution is a government body or a place (a province that sends a team): mapped, but not counted as institutions. */
  notInstitutions: number;
}

/** What one measure counts among the given links. */
export function countMeasure(index: DatasetIndex, links: readonly Link[], measure: OfficialFigure['measure']): number {
  const seen = new Set<string>();
  for (const l of links) {
    if (measure === 'institutions') {
      const kind = index.institutions.get(l.institution)?.kind;
      if (kind && COUNTED_INSTITUTION_KINDS.has(kind)) seen.add(l.institution);
      continue;
    }
    const partner = index.partnerOf(l);
    if (measure === 'partner-institutions') {
      if (partner.kind === 'institution') seen.add(partner.key);
      continue;
    }
    // A group of countries ("22 Arabic-speaking countries") names no country: it cannot be counted as one.
    const iso3 = partner.iso3;
    if (!iso3) continue;
    seen.add(measure === 'countries' ? iso3 : `${l.institution}|${iso3}`);
  }
  return seen.size;
}

/** The coverage of one programme; undefined when the dataset has no such programme. */
export function programmeCoverage(index: DatasetIndex, id: string): ProgrammeCoverage | undefined {
  const programme = index.programmes.get(id);
  if (!programme) return undefined;
  const all = index.dataset.links.filter((l) => l.programme === id);
  const counted = all.filter((l) => l.status !== 'planned');
  const notInstitutions = counted.filter((l) => !COUNTED_INSTITUTION_KINDS.has(index.institutions.get(l.institution)?.kind ?? 'place')).length;
  return {
    programme,
    lines: (programme.official ?? []).map((figure) => ({ figure, mapped: countMeasure(index, counted, figure.measure) })),
    links: all.length,
    planned: all.length - counted.length,
    notInstitutions,
  };
}

/** Every programme with official figures, in the file's order: the About dialog's coverage table. */
export function coverageOfAll(index: DatasetIndex): ProgrammeCoverage[] {
  return index.dataset.programmes.filter((p) => p.official?.length).map((p) => programmeCoverage(index, p.id) as ProgrammeCoverage);
}
