/**
 * Text folding for search and alias checks: one normal form, so that "São Tomé", "sao tome" and
 * "ＳＲＲＳＨ" compare equal to what a reader types.
 */

const MARKS = /\p{M}+/gu;
// Apostrophes join rather than split a word: "Xi'an" is typed "xian" far more often than "xi an".
const APOSTROPHES = /['’ʼ‘`´]/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;

/**
 * Lowercase, compatibility-decomposed (NFKD: full-width letters become ASCII), without diacritics
 * or apostrophes, every run of punctuation and spaces one space, trimmed.
 */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(APOSTROPHES, '').replace(SEPARATORS, ' ').trim();
}

/** Whether the text contains Chinese characters (matched as substrings, without word boundaries). */
export function hasHan(s: string): boolean {
  return HAN.test(s);
}
