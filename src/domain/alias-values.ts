/**
 * What the atlas needs of the alias list (`data/aliases.json`) without its schema: the file name,
 * the programme prefix and the partner countries search matches. The zod schema and the checks
 * are in aliases.ts, which loads only when a dataset is validated in the browser (or by data:check).
 */
import { isCountryRef } from './schema-values.ts';
import type { Link, Partner } from './schema.ts';

export type { Alias } from './aliases.ts';

export const ALIASES_FILE = 'aliases.json';

/** `programme:` + a programme id (see programmes.ts) names a programme as an alias target. */
export const PROGRAMME_PREFIX = 'programme:';

/** Partner countries in the data: those linked directly and those of partner institutions. */
export function partnerCountries(links: readonly Pick<Link, 'partner'>[], partners: readonly Partner[]): Set<string> {
  const out = new Set<string>();
  for (const l of links) if (isCountryRef(l.partner)) out.add(l.partner);
  for (const p of partners) if (p.kind === 'institution') out.add(p.country);
  return out;
}
