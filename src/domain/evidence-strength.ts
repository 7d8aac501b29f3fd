/**
 * How strongly the sources support a link, read off the data and nothing else: how many documents
 * cite it and how many of those are independent of one another, whose voice they are (the Chinese
 * side, the partner side, a third party), whether a source states the tie or it is inferred from
 * framing, and how exact its date and place are. Pure: tested in Node; the panel, the table, the
 * filters and the exports all read it from here.
 *
 * Whose voice confirms a link is decided per link: a partner-side source (a Kazakh ministry, a
 * university's own site) confirms links with *its* country or partner record only. For any other
 * link it is a third party: a Kazakh ministry's page about a Chinese hospital's work in Laos
 * confirms nothing on the Lao side.
 */
import type { DatasetIndex, ResolvedPartner } from './dataset-index.ts';
import { linkSourceIds } from './evidence.ts';
import { SOURCE_SIDE_OPTIONS } from './schema-values.ts';
import type { Bilingual, Institution, Link, Source, SourceSide } from './schema.ts';

/** How exact a point is: the building, its city, or its province. */
export type PlacePrecision = Institution['precision'];

/** The sides in the order they are listed (the schema's): Chinese, partner, third party. */
export const SIDES: readonly SourceSide[] = SOURCE_SIDE_OPTIONS;

/** The filter options of evidence strength (URL `evidence=`). */
export const EVIDENCE_OPTIONS = ['partner', 'stated', 'multi'] as const;
export type EvidenceOption = (typeof EVIDENCE_OPTIONS)[number];
export const isEvidenceOption = (s: string): s is EvidenceOption => (EVIDENCE_OPTIONS as readonly string[]).includes(s);

/** How exact a link's date is; `by` is the schema's `before` ("known only to have happened by"). */
export type DatePrecisionWord = 'day' | 'month' | 'year' | 'range' | 'by' | 'unknown';

/** A link's evidence, for one link. */
export interface EvidenceStrength {
  /** Documents cited (a document cited at two places is one). */
  sources: number;
  /** Documents left when each republication and what it republishes count once. */
  independent: number;
  /** The sides that confirm this link, each once, in SIDES order (Chinese, partner, third party). */
  sides: SourceSide[];
  /** The reason, when no source states the tie and it is inferred from framing; null when stated. */
  inferred: Bilingual | null;
  datePrecision: DatePrecisionWord;
  /** How exact the Chinese institution's point is. */
  institutionPlace: PlacePrecision;
  /**
   * How the partner's point was chosen: its own precision when a partner institution has a point
   * (site, city, province); `country-anchor`, `schematic-region` or `none` (no place) otherwise.
   */
  partnerPlace: PlacePrecision | 'country-anchor' | 'schematic-region' | 'none';
}

/**
 * The side a source speaks for *on this link*: a partner-side source is the partner side only when
 * its country is the partner's country or its partner record is the link's partner.
 */
export function sideForLink(source: Pick<Source, 'side' | 'country' | 'partner'>, partner: Pick<ResolvedPartner, 'key' | 'iso3'>): SourceSide {
  if (source.side !== 'partner') return source.side;
  const sameCountry = source.country !== undefined && partner.iso3 !== undefined && source.country === partner.iso3;
  const samePartner = source.partner !== undefined && source.partner === partner.key;
  return sameCountry || samePartner ? 'partner' : 'third-party';
}

/**
 * The document a source ultimately republishes: the end of its `copyOf` chain (itself when it copies
 * nothing). Two sources with the same original are not independent of each other either. A chain
 * that loops (which data:check does not forbid) ends at the loop's smallest id, whichever member
 * it starts from, so every member has the same original.
 */
export function originalOf(id: string, sources: ReadonlyMap<string, Pick<Source, 'copyOf'>>): string {
  const path = [id];
  for (;;) {
    const next = sources.get(path[path.length - 1] as string)?.copyOf;
    if (next === undefined) return path[path.length - 1] as string;
    const at = path.indexOf(next);
    if (at >= 0) return path.slice(at).sort()[0] as string;
    path.push(next);
  }
}

// Each source's original, worked out once per dataset's sources: facets ask for every link's at load.
const originals = new WeakMap<ReadonlyMap<string, Pick<Source, 'copyOf'>>, Map<string, string>>();

function originalCached(id: string, sources: ReadonlyMap<string, Pick<Source, 'copyOf'>>): string {
  let cache = originals.get(sources);
  if (!cache) originals.set(sources, (cache = new Map()));
  let o = cache.get(id);
  if (o === undefined) cache.set(id, (o = originalOf(id, sources)));
  return o;
}

/** How many of the cited sources are independent: those with the same original count once. */
export function independentCount(ids: readonly string[], sources: ReadonlyMap<string, Pick<Source, 'copyOf'>>): number {
  if (ids.length <= 1) return ids.length;
  return new Set(ids.map((id) => originalCached(id, sources))).size;
}

const DATE_WORD: Record<Link['date']['precision'], DatePrecisionWord> = {
  day: 'day', month: 'month', year: 'year', range: 'range', before: 'by', unknown: 'unknown',
};

function partnerPlace(index: DatasetIndex, partner: ResolvedPartner): EvidenceStrength['partnerPlace'] {
  if (!partner.point) return 'none';
  if (partner.pointBasis === 'country-anchor' || partner.pointBasis === 'schematic-region') return partner.pointBasis;
  const record = index.partners.get(partner.key);
  if (record?.kind === 'institution' && record.precision) return record.precision;
  // An organisation's seat and a place in China are known sites.
  return partner.kind === 'domestic' ? index.institutions.get(partner.key)?.precision ?? 'site' : 'site';
}

/** Who confirms a link and how independently: the part of its strength the filters need. O(sources of the link). */
export function confirmation(index: DatasetIndex, link: Link): Pick<EvidenceStrength, 'sources' | 'independent' | 'sides' | 'inferred'> {
  // Most links cite one document: no set is made for them (facets code every link at load).
  const ids = link.evidence.length === 1 ? [link.evidence[0]!.source] : linkSourceIds(link);
  const partner = index.partnerOf(link);
  let found = 0;
  for (const id of ids) {
    const s = index.sources.get(id);
    if (s) found |= SIDE_BIT[sideForLink(s, partner)];
  }
  return {
    sources: ids.length,
    independent: independentCount(ids, index.sources),
    sides: SIDES.filter((side) => found & SIDE_BIT[side]),
    inferred: link.inferred ?? null,
  };
}

const SIDE_BIT: Record<SourceSide, number> = { chinese: 1, partner: 2, 'third-party': 4 };

/** A link's evidence strength. O(sources of the link). */
export function evidenceStrength(index: DatasetIndex, link: Link): EvidenceStrength {
  return {
    ...confirmation(index, link),
    datePrecision: DATE_WORD[link.date.precision],
    institutionPlace: index.institutionOf(link).precision,
    partnerPlace: partnerPlace(index, index.partnerOf(link)),
  };
}

/** The evidence filter options a link meets (every one must hold when several are chosen). */
export function evidenceOptions(e: Pick<EvidenceStrength, 'sides' | 'inferred' | 'independent'>): EvidenceOption[] {
  const out: EvidenceOption[] = [];
  if (e.sides.includes('partner')) out.push('partner');
  if (!e.inferred) out.push('stated');
  if (e.independent >= 2) out.push('multi');
  return out;
}

/**
 * One number per link that orders by strength, weakest first: stated before inferred matters most,
 * then a partner-side confirmation, then independent sources, then how many sides confirm it.
 */
export function strengthRank(e: Pick<EvidenceStrength, 'sides' | 'inferred' | 'independent'>): number {
  const independent = Math.min(e.independent, 999);
  return (e.inferred ? 0 : 1) * 1e7 + (e.sides.includes('partner') ? 1 : 0) * 1e6 + independent * 1e3 + e.sides.length;
}

/** What "About the data" says of the whole dataset's statuses and evidence. */
export interface EvidenceSummary {
  links: number;
  byStatus: Record<Link['status'], number>;
  /** Links confirmed by the partner side, with two or more independent sources, and inferred. */
  partner: number;
  multi: number;
  inferred: number;
}

/** Counts for "About the data". O(links × their sources): worked out when the dialog opens. */
export function evidenceSummary(index: DatasetIndex): EvidenceSummary {
  const byStatus: EvidenceSummary['byStatus'] = { planned: 0, agreed: 0, active: 0, completed: 0, ended: 0, unknown: 0 };
  let partner = 0, multi = 0, inferred = 0;
  for (const link of index.dataset.links) {
    byStatus[link.status] += 1;
    const c = confirmation(index, link);
    if (c.sides.includes('partner')) partner++;
    if (c.independent >= 2) multi++;
    if (c.inferred) inferred++;
  }
  return { links: index.dataset.links.length, byStatus, partner, multi, inferred };
}
