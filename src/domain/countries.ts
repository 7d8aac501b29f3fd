/**
 * Country names in both languages from i18n-iso-countries (never hand-typed), and ISO numeric
 * lookups for the Natural Earth shapes that world-atlas ships.
 */
import countries from 'i18n-iso-countries';
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import zh from 'i18n-iso-countries/langs/zh.json' with { type: 'json' };
import type { Lang } from './dates.ts';

countries.registerLocale(en);
countries.registerLocale(zh);

/**
 * Adds a language's country names (Arabic, Russian: loaded with that language's chunk, so the
 * first download carries only English and Chinese). Until then that language reads English.
 */
export function registerCountryNames(locale: countries.LocaleData): void {
  countries.registerLocale(locale);
  names.clear();
}

/** Names already looked up, by language and code: the map labels every lit country at every step. */
const names = new Map<string, string>();

/** The country's short name in the language, e.g. PAK → "Pakistan" / "巴基斯坦" / "باكستان" / "Пакистан". */
export function countryName(iso3: string, lang: Lang): string {
  const key = `${lang}:${iso3}`;
  let name = names.get(key);
  if (name === undefined) {
    name = lookUpName(iso3, lang);
    names.set(key, name);
  }
  return name;
}

function lookUpName(iso3: string, lang: Lang): string {
  const official = countries.getName(iso3, lang, { select: 'official' }) ?? (lang === 'en' ? iso3 : countryName(iso3, 'en'));
  // Long official English forms ("Russian Federation") read badly on a map; take the common
  // alias when it is shorter and not an inverted "Korea, Republic of" form.
  const alias = countries.getName(iso3, lang, { select: 'alias' });
  if (official.length > 16 && alias && alias.length < official.length && !alias.includes(',') && !sharedAliases(lang).has(alias)) return alias;
  return official;
}

const shared = new Map<string, Set<string>>();
/** Aliases two countries share in a language ("Congo" for both Congos): never a name on their own. */
function sharedAliases(lang: Lang): Set<string> {
  let out = shared.get(lang);
  if (out) return out;
  const seen = new Set<string>();
  out = new Set<string>();
  for (const code of Object.keys(countries.getAlpha3Codes())) {
    const alias = countries.getName(code, lang, { select: 'alias' });
    if (!alias) continue;
    if (seen.has(alias)) out.add(alias);
    seen.add(alias);
  }
  // Only cached once the language's names are registered (Arabic and Russian arrive later).
  if (seen.size > 0) shared.set(lang, out);
  return out;
}

/** ISO 3166-1 numeric code (as world-atlas feature ids use) → alpha-3; undefined for unassigned shapes. */
export function numericToIso3(numeric: string): string | undefined {
  return countries.numericToAlpha3(numeric);
}

export function isCountryCode(code: string): boolean {
  return countries.isValid(code);
}

/** Every name the country list gives in the language (official, short and common forms), for search. */
export function countryNames(iso3: string, lang: Lang): string[] {
  const all = countries.getName(iso3, lang, { select: 'all' }) ?? [];
  return [...new Set([countryName(iso3, lang), ...all])];
}
