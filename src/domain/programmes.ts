/**
 * Programmes: a link's optional `programme` has a name but no id, so the id is derived from the
 * English name by one fixed rule. Other parts of the atlas (aliases, search, URLs) rely on it.
 */
import type { Bilingual, Link } from './schema.ts';

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

/** Every programme the links name, in order of first appearance; spellings with one id are one programme. */
export function listProgrammes(links: readonly Pick<Link, 'programme'>[]): ProgrammeSummary[] {
  const byId = new Map<string, ProgrammeSummary>();
  for (const l of links) {
    if (!l.programme) continue;
    const id = programmeId(l.programme);
    // A name of only punctuation has no id; it cannot be addressed, so it is left out.
    if (!id) continue;
    const p = byId.get(id);
    if (p) p.links += 1;
    else byId.set(id, { id, name: l.programme, links: 1 });
  }
  return [...byId.values()];
}
