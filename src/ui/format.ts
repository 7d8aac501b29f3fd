/** Locale-aware formatting for the UI. The language is an argument; Intl objects are cached. */
import type { Lang } from '../url/view-state.ts';
import type { Bilingual, Participants } from '../domain/schema.ts';
import { htmlLang } from '../i18n/i18n.ts';
import { dataLang, intlLocale } from '../domain/dates.ts';
import { countryName } from '../domain/countries.ts';
import { shownInEnglish } from '../domain/english-fallback.ts';

const numberFormats = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(intlLocale(lang));
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** The data's text in the current language; Arabic and Russian read the English (the data has no other). */
export const pick = (b: Bilingual, lang: Lang): string => b[dataLang(lang)];

/**
 * The `lang` attribute for an element holding data text: "en" where that text is shown in English on
 * a page of another language (english-fallback.ts: always on Arabic and Russian pages; on Chinese ones
 * when `text` is an imported record's English standing in), so screen readers switch voice.
 */
export const dataTextLang = (lang: Lang, text?: Bilingual): 'en' | undefined => (shownInEnglish(text, lang) ? 'en' : undefined);

/** "more than 50 surgical trainees", "约 30,000 人次/年…" — the number at its stated precision, then its unit. */
export function formatParticipants(p: Participants, lang: Lang, qualifier: (q: Participants['qualifier'], value: string) => string): string {
  const value = qualifier(p.qualifier, formatNumber(p.value, lang));
  return lang === 'zh' ? `${value}${p.unit.zh}` : `${value} ${p.unit.en}`; // the unit is data: English in ar/ru
}

/** Human names for BCP 47 language codes of sources, in the UI language. */
export function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([htmlLang(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * A partner's name: a country's from the country list, in every interface language; any other
 * partner's from the data (English on Arabic and Russian pages).
 */
export function partnerName(p: { kind: string; iso3?: string | undefined; name: Bilingual }, lang: Lang): string {
  return p.kind === 'country' && p.iso3 ? countryName(p.iso3, lang) : pick(p.name, lang);
}

/** The `lang` attribute for a partner's name: a country's is in the interface language, others are data. */
export const partnerNameLang = (p: { kind: string }, lang: Lang): 'en' | undefined => (p.kind === 'country' ? undefined : dataTextLang(lang));

/** Between the items of a list of interface words: "、" in Chinese, the Arabic comma in Arabic. */
export const listSep = (lang: Lang): string => ({ en: ', ', zh: '、', ar: '، ', ru: ', ' })[lang];
