/**
 * Chinese text that is really English: an imported CSV (csv-import.ts) fills each Chinese field it
 * leaves empty with the English, so every record stays bilingual. The app shows such text marked as
 * English on the Chinese page rather than passing it off as a translation.
 */
import type { Bilingual } from './schema.ts';
import type { Lang } from './dates.ts';

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;

/** Whether `b` in `lang` is English text standing in for Chinese: the Chinese is the English, word for word, with no Chinese character. */
export function shownInEnglish(b: Bilingual, lang: Lang): boolean {
  return lang === 'zh' && b.zh === b.en && /[A-Za-z]/.test(b.en) && !HAN.test(b.en);
}
