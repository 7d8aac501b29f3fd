/**
 * Programmes: records of programmes.json, named by links through their ids. A dataset written
 * before programmes had records names them in full on each link; their ids are then derived from
 * the English name by one fixed rule, which is also how the ids of programmes.json were first made
 * (so shared `prog=` links kept working).
 */
import type { Bilingual, Link, Programme } from './schema.ts';
import { alikeGroups } from './link-columns.ts';

/**
 * The programme's id: the English name lowercased, every run of characters other than a–z and
 * 0–9 replaced by one hyphen, hyphens trimmed at both ends, cut to 80 characters and a trailing
 * hyphen trimmed again. "China–CEEC Hospital Cooperation Alliance" → "china-ceec-hospital-cooperation-alliance".
 */
export function programmeId(name: { en: string }): string {
  return name.en
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
}

/** One programme: its id, its name (the first spelling met in the links) and how many links name it. */
export interface ProgrammeSummary {
  id: string;
  name: Bilingual;
  links: number;
}

/** Every programme the links name, in order of first appearance, with how many links name it. */
export function listProgrammes(d: { links: readonly Pick<Link, 'programme'>[]; programmes: readonly Programme[] }): ProgrammeSummary[] {
  const records = new Map(d.programmes.map((p) => [p.id, p]));
  const byId = new Map<string, ProgrammeSummary>();
  // Once per distinct programme (alikeGroups, whose groups come in the order of their first links).
  const { first, size } = alikeGroups(d.links as readonly Link[], ['programme']);
  for (let g = 0; g < first.length; g++) {
    const programme = d.links[first[g] as number]!.programme;
    if (!programme) continue;
    const n = size[g] as number;
    const p = byId.get(programme);
    if (p) p.links += n;
    else byId.set(programme, { id: programme, name: records.get(programme)?.name ?? { en: programme, zh: programme }, links: n });
  }
  return [...byId.values()];
}

