/**
 * When the data's text is shown in English on a page of another language, and how that is said.
 * One rule for every case, so a reader is never handed English as if it were their language:
 * - 'page': the interface language has no data text of its own (Arabic, Russian: the data is written
 *   in English and Chinese only). Every data text is English; each panel says so once
 *   (DataFallbackNote) and each text carries lang="en".
 * - 'text': a Chinese field that is really English: an imported CSV (csv-import.ts) fills each
 *   Chinese field it leaves empty with the English, so every record stays bilingual. That one text
 *   is marked "EN" where it stands (LocalText), and carries lang="en".
 * - 'none': the text is in the page's language.
 */
import type { Bilingual } from './schema.ts';
import { dataLang, type Lang } from './dates.ts';

export type EnglishFallback = 'none' | 'page' | 'text';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** How `b` (or, without `b`, any data text) stands on a `lang` page. */
export function englishFallback(b: Bilingual | undefined, lang: Lang): EnglishFallback {
  if (dataLang(lang) !== lang) return 'page';
  return lang === 'zh' && b && b.zh === b.en && /[A-Za-z]/.test(b.en) && !HAN.test(b.en) ? 'text' : 'none';
}

/** Whether `b` in `lang` is English text standing in for the page's language. */
export const shownInEnglish = (b: Bilingual | undefined, lang: Lang): boolean => englishFallback(b, lang) !== 'none';

/** The data's text as the page shows it: Chinese on Chinese pages, English on all others. */
export const dataText = (b: Bilingual, lang: Lang): string => b[dataLang(lang)];
