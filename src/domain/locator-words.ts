/**
 * Where in a source a link is stated ("¶3 (speech by Huo Yong), ¶5 — counted from the headline"),
 * in the reader's language. The data writes locators in English: the paragraph marks, the common
 * words around them and the notes on how paragraphs were counted ("no headline") are put into the
 * interface language here; what is left — the notes in brackets describing the passage, in the data
 * authors' own words — stays English and is returned marked as such, so the page can say so
 * (lang="en") rather than pass it off as translated. Pure.
 */
import type { Lang } from './dates.ts';

export interface LocatorPart {
  text: string;
  /** Set when the text is the data's English, not the interface language. */
  lang?: 'en';
}

export type Rule = [RegExp, string];
export type LocatorWords = { rules: Rule[]; open: string; close: string };

// Filled by locator-words-intl.ts, which comes with the Chinese, Arabic and Russian chunks: until a
// language's words are here its locators show as written (English).
const WORDS: Partial<Record<Lang, LocatorWords>> = {};

export function registerLocatorWords(lang: Lang, words: LocatorWords): void {
  WORDS[lang] = words;
}

const LATIN = /[A-Za-z]{2,}/;
/** Names written in capitals in every language (an organisation, a system): not English words. */
const ACRONYMS = /\b[A-Z]{2,}\b/g;

/** Splits at top-level brackets: [outside, inside, outside, …] (inside = odd indexes). */
function splitBrackets(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of s) {
    if (ch === '(' && depth++ === 0) { out.push(cur); cur = ''; continue; }
    if (ch === ')' && depth > 0 && --depth === 0) { out.push(cur); cur = ''; continue; }
    cur += ch;
  }
  if (depth > 0) return [s]; // unbalanced: leave it whole
  out.push(cur);
  return out;
}

const apply = (s: string, rules: Rule[]) => rules.reduce((x, [re, to]) => x.replace(re, to), s);

/** The locator in the language, as parts; English data left in it is marked `lang: 'en'`. */
export function locatorParts(locator: string, lang: Lang): LocatorPart[] {
  const w = WORDS[lang];
  if (!w) return [{ text: locator }];
  const parts: LocatorPart[] = [];
  const push = (text: string, english: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && (last.lang === 'en') === english) last.text += text;
    else parts.push(english ? { text, lang: 'en' } : { text });
  };
  // Clauses are translated one by one, so a counting note ("no headline") is put into the language
  // even when a description beside it stays English. Inside brackets clauses end at "; " only
  // (a description may list names with commas); outside, at ", " too.
  const clauses = (piece: string, inside: boolean) => {
    for (const clause of piece.split(inside ? /(; )/ : /(; |, )/)) {
      const text = apply(clause, w.rules);
      const english = LATIN.test(text.replace(ACRONYMS, ''));
      push(english ? clause : text, english);
    }
  };
  splitBrackets(locator).forEach((piece, i) => {
    if (i % 2 === 1) {
      const last = parts.at(-1);
      if (last) last.text = last.text.trimEnd(); // the bracket brings its own spacing
      push(w.open, false);
      clauses(piece, true);
      push(w.close, false);
    } else clauses(piece, false);
  });
  return parts;
}
