/**
 * The filters in words, in the reader's language: each option's name, and the sentence that says
 * what is active ("Training · Kazakhstan · 2015–2023: 7 links"). Shared by the filter bar, the
 * panel, the downloads (file names and the PNG's caption) and the live region.
 */
import type { TFunction } from 'i18next';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { countryName } from '../domain/countries.ts';
import { ALL_OF, chosen, FILTER_DIMENSIONS, isEvidenceOption, isLinkStatus, type FilterDimension, type Filters } from '../domain/filters.ts';
import { evidenceOptionLabel, statusLabel } from '../domain/link-words.ts';
import type { Bilingual } from '../domain/schema.ts';
import type { Lang } from '../url/view-state.ts';
import { dataLang } from '../domain/dates.ts';

export interface WordsContext {
  index: DatasetIndex;
  programmeNames: ReadonlyMap<string, Bilingual>;
  lang: Lang;
  t: TFunction;
}

/** An option's name: institutions, partners, programmes and sources by their names in the language. */
export function optionName(d: FilterDimension, key: string, c: WordsContext): string {
  const { index, lang, t } = c;
  switch (d) {
    case 'cat': return t(`category.${key}`);
    case 'type': return t(`type.${key}`);
    case 'inst': return index.institutions.get(key)?.name[dataLang(lang)] ?? key;
    case 'country': return countryName(key, lang);
    case 'partner': return (index.partners.get(key) ?? index.institutions.get(key))?.name[dataLang(lang)] ?? key;
    case 'prog': return c.programmeNames.get(key)?.[dataLang(lang)] ?? key;
    case 'scope': return t(`filters.scope_${key}`);
    case 'online': return t(key === '1' ? 'filters.online_yes' : 'filters.online_no');
    case 'status': return isLinkStatus(key) ? statusLabel(key, lang) : key;
    case 'evidence': return isEvidenceOption(key) ? evidenceOptionLabel(key, lang) : key;
    case 'source': {
      const s = index.sources.get(key);
      return s ? t('filters.sourceNamed', { title: s.title[dataLang(lang)] }) : key;
    }
  }
}

/** One phrase per active dimension: its options' names joined by "or" (by "and" where all must hold). */
export function filterPhrases(f: Filters, c: WordsContext): string[] {
  return FILTER_DIMENSIONS.flatMap((d) => {
    const keys = chosen(f, d);
    if (!keys.length) return [];
    return [keys.map((k) => optionName(d, k, c)).join(c.t(ALL_OF.has(d) ? 'filters.and' : 'filters.or'))];
  });
}

/** File-name words for the evidence options: what they mean, not their short keys. */
const EVIDENCE_SLUG: Record<string, string> = { partner: 'partner-confirmed', stated: 'stated', multi: 'multi-source' };

/** Slug-safe words for a download's file name: ids and codes, never a translated name. */
export function fileSubject(f: Filters, c: Pick<WordsContext, 'index'>): string[] {
  return FILTER_DIMENSIONS.flatMap((d) => chosen(f, d).map((k) => {
    if (d === 'country') return countryName(k, 'en');
    if (d === 'inst') return c.index.institutions.get(k)?.name.en ?? k;
    if (d === 'online') return k === '1' ? 'online' : 'not-online';
    if (d === 'evidence') return EVIDENCE_SLUG[k] ?? k;
    return k;
  }));
}
