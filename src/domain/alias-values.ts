/**
 * What the atlas needs of the alias list (`data/aliases.json`) without its schema: the file name,
 * the programme prefix and the partner countries search matches. The zod schema and the checks
 * are in aliases.ts, which loads only when a dataset is validated in the browser (or by data:check).
 */
import { isCountryRef } from './schema-values.ts';
import { alikeGroups } from './link-columns.ts';
import type { Link, Partner } from './schema.ts';

export type { Alias } from './aliases.ts';

export const ALIASES_FILE = 'aliases.json';

/** `programme:` + a programme id (see programmes.ts) names a programme as an alias target. */
export const PROGRAMME_PREFIX = 'programme:';

/** Partner countries in the data: those linked directly and those of partner institutions. */
export function partnerCountries(links: readonly Pick<Link, 'partner'>[], partners: readonly Partner[]): Set<string> {
  const out = new Set<string>();
  // Once per distinct partner (alikeGroups), not once per link.
  const { first } = alikeGroups(links as readonly Link[], ['partner']);
  for (let g = 0; g < first.length; g++) {
    const partner = links[first[g] as number]!.partner;
    if (isCountryRef(partner)) out.add(partner);
  }
  for (const p of partners) if (p.kind === 'institution') out.add(p.country);
  return out;
}
