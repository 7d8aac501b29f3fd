/**
 * The alias list (`data/aliases.json`): the short names people actually use for an institution,
 * country, partner or programme (SRRSH, 邵逸夫, 中山五院, Laos …), which search matches besides the
 * record's own names. Optional: without the file there are no aliases.
 */
import { z } from 'zod';
import { isCountryRef, type Dataset } from './schema.ts';
import { ALIASES_FILE, PROGRAMME_PREFIX, partnerCountries } from './alias-values.ts';
import type { Problem } from './validate.ts';
import { countryNames } from './countries.ts';
import { foldText } from './fold.ts';

// The zod-free part lives in alias-values.ts (the first view needs it); re-exported for the checks' users.
export { ALIASES_FILE, PROGRAMME_PREFIX, partnerCountries };

const slug = '[a-z0-9]+(?:-[a-z0-9]+)*';
const TARGET = new RegExp(`^(?:${slug}|[A-Z]{3}|${PROGRAMME_PREFIX}${slug})$`);

/** One target and its aliases. */
export const Alias = z.strictObject({
  /** An institution id, a partner id, an ISO 3166-1 alpha-3 code, or `programme:<programme id>`. */
  target: z.string().regex(TARGET, 'must be an institution or partner id, an ISO3 country code or programme:<id>'),
  aliases: z.array(z.string().trim().min(1, 'must not be empty').max(120, 'is too long for a short name')).min(1, 'list at least one alias'),
});
export type Alias = z.infer<typeof Alias>;

/** Parses the file entry by entry, so one bad entry does not hide the others' problems. */
export function parseAliases(raw: unknown, file: string = ALIASES_FILE): { aliases: Alias[]; problems: Problem[] } {
  if (!Array.isArray(raw)) return { aliases: [], problems: [{ file, id: '(file)', field: '', message: 'must be a JSON array of { target, aliases }' }] };
  const aliases: Alias[] = [];
  const problems: Problem[] = [];
  raw.forEach((entry: unknown, i) => {
    const parsed = Alias.safeParse(entry);
    if (parsed.success) {
      aliases.push(parsed.data);
      return;
    }
    const target = entry && typeof entry === 'object' && 'target' in entry && typeof entry.target === 'string' && entry.target ? entry.target : `#${i}`;
    for (const issue of parsed.error.issues) problems.push({ file, id: target, field: issue.path.map(String).join('.'), message: issue.message });
  });
  return { aliases, problems };
}

/**
 * The names a target already has, which search matches without an alias; undefined when the
 * target is not in the data. Countries count every name the country list gives. Ids are not
 * names: they often happen to be the abbreviation (srrsh), which still belongs in the list.
 */
function ownNames(d: Dataset, countries: ReadonlySet<string>, programmes: ReadonlyMap<string, string[]>): (target: string) => string[] | undefined {
  const institutions = new Map(d.institutions.map((i) => [i.id, i]));
  const partners = new Map(d.partners.map((p) => [p.id, p]));
  return (target) => {
    if (target.startsWith(PROGRAMME_PREFIX)) {
      const id = target.slice(PROGRAMME_PREFIX.length);
      const names = programmes.get(id);
      return names;
    }
    if (isCountryRef(target)) return countries.has(target) ? [...countryNames(target, 'en'), ...countryNames(target, 'zh')] : undefined;
    const r = institutions.get(target) ?? partners.get(target);
    return r ? [r.name.en, r.name.zh] : undefined;
  };
}

/**
 * The checks `data:check` runs on the alias list: every target exists (an institution, a
 * partner, a partner country of the data, or a programme), no alias is empty, none is given to two
 * targets or twice to one, and none repeats a name the target already has (search finds those).
 * Aliases compare folded: case, accents and punctuation aside.
 */
export function checkAliases(raw: unknown, d: Dataset, file: string = ALIASES_FILE): Problem[] {
  const { aliases, problems } = parseAliases(raw, file);
  // Only programmes some link names are targets: search lists no others.
  const named = new Set(d.links.map((l) => l.programme));
  const programmes = new Map(d.programmes.filter((p) => named.has(p.id)).map((p) => [p.id, [p.name.en, p.name.zh]]));
  const namesOf = ownNames(d, partnerCountries(d.links, d.partners), programmes);
  const owner = new Map<string, string>();
  const seenTargets = new Set<string>();
  for (const entry of aliases) {
    const at = (field: string, message: string) => problems.push({ file, id: entry.target, field, message });
    if (seenTargets.has(entry.target)) at('target', 'is listed twice: give all its aliases in one entry');
    seenTargets.add(entry.target);
    const names = namesOf(entry.target);
    if (!names) at('target', unknownTarget(entry.target));
    const own = new Set((names ?? []).map(foldText));
    entry.aliases.forEach((alias, k) => {
      const key = foldText(alias);
      if (!key) return at(`aliases.${k}`, `"${alias}" has no letters or digits`);
      if (own.has(key)) return at(`aliases.${k}`, `"${alias}" is already a name of ${entry.target}; search finds it without an alias`);
      const prior = owner.get(key);
      if (prior === entry.target) at(`aliases.${k}`, `"${alias}" is given twice`);
      else if (prior) at(`aliases.${k}`, `"${alias}" is also an alias of ${prior}: an alias names one target`);
      else owner.set(key, entry.target);
    });
  }
  return problems;
}

function unknownTarget(target: string): string {
  if (target.startsWith(PROGRAMME_PREFIX)) return `no link names a programme with id "${target.slice(PROGRAMME_PREFIX.length)}"`;
  if (isCountryRef(target)) return `${target} is not a partner country of any link or partner institution`;
  return `unknown target "${target}" (not an institution or partner id)`;
}
