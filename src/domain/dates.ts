/**
 * Dates at their true precision: the year a link belongs to on the timeline (only when the
 * source pins it to one year), a machine-readable code for exports, and a readable label.
 */
import type { DateSpec, Link } from './schema.ts';
import { alikeGroups } from './link-columns.ts';

/** The atlas's own scope: the bundled data's timeline, and the least any dataset's timeline shows. */
export const ATLAS_FIRST_YEAR = 2015;
export const ATLAS_LAST_YEAR = 2025;
/** The widest timeline any dataset can have (time-codes.ts counts exactly within it). */
export const YEAR_LIMITS = { first: 1971, last: 2068 } as const;

export interface TimelineSpan {
  first: number;
  last: number;
}

/**
 * The years the timeline spans for a dataset: 2015–2025, widened to every year a link's date can
 * fall in (a dataset with links in 2012 or 2027 reaches them), within YEAR_LIMITS. A link whose
 * `outsideTimelineReason` says it lies outside the atlas's years does not widen it.
 */
export function timelineSpanOf(links: readonly { date: DateSpec; outsideTimelineReason?: unknown }[]): TimelineSpan {
  let first = ATLAS_FIRST_YEAR;
  let last = ATLAS_LAST_YEAR;
  // Once per distinct date (alikeGroups), not once per link.
  const { first: firstOf } = alikeGroups(links as unknown as readonly Link[], ['date', 'outsideTimelineReason']);
  for (let g = 0; g < firstOf.length; g++) {
    const l = links[firstOf[g] as number]!;
    if (l.outsideTimelineReason) continue;
    const b = dateBounds(l.date);
    if (!b) continue;
    // "By 2012" reaches back to 2012 at least; its open start adds nothing.
    first = Math.min(first, Number.isFinite(b.first) ? b.first : b.last);
    last = Math.max(last, b.last);
  }
  return { first: Math.max(YEAR_LIMITS.first, first), last: Math.min(YEAR_LIMITS.last, last) };
}

/*
 * The span of the dataset on screen. Live bindings, set by setTimelineSpan when a dataset is shown,
 * so the many readers of these (the timeline, the URL's defaults and bounds, the histogram) stay
 * as they were written. Everything else about time (time codes, counts) does not depend on them.
 */
export let TIMELINE_FIRST_YEAR: number = ATLAS_FIRST_YEAR;
export let TIMELINE_LAST_YEAR: number = ATLAS_LAST_YEAR;
/** The timeline's years, first to last. */
export let TIMELINE_YEARS: readonly number[] = yearsOf(ATLAS_FIRST_YEAR, ATLAS_LAST_YEAR);
export let TIMELINE_YEAR_COUNT: number = TIMELINE_YEARS.length;

function yearsOf(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Makes `span` the timeline's years (idempotent; cheap when unchanged). */
export function setTimelineSpan(span: TimelineSpan): void {
  if (span.first === TIMELINE_FIRST_YEAR && span.last === TIMELINE_LAST_YEAR) return;
  TIMELINE_FIRST_YEAR = span.first;
  TIMELINE_LAST_YEAR = span.last;
  TIMELINE_YEARS = yearsOf(span.first, span.last);
  TIMELINE_YEAR_COUNT = TIMELINE_YEARS.length;
}

const yearOf = (partial: string) => Number(partial.slice(0, 4));

/** The earliest and latest year a date can fall in; `null` when nothing is known. */
export function dateBounds(d: DateSpec): { first: number; last: number } | null {
  switch (d.precision) {
    case 'day':
    case 'month':
    case 'year':
      return { first: yearOf(d.value), last: yearOf(d.value) };
    case 'range':
      return { first: yearOf(d.from), last: yearOf(d.to) };
    case 'before':
      return { first: Number.NEGATIVE_INFINITY, last: yearOf(d.to) };
    case 'unknown':
      return null;
  }
}

/**
 * The single year the source places the event in, or `null` when it does not
 * (undated, "by 2023", "between 2016 and 2018"). Such links are never put on a guessed year.
 */
export function knownYear(d: DateSpec): number | null {
  const b = dateBounds(d);
  return b && b.first === b.last ? b.first : null;
}

/**
 * A compact code for CSV and JSON exports: ISO 8601 for exact dates, `from/to` for a range,
 * `../to` (EDTF open start) for "by", and empty for unknown.
 */
export function dateCode(d: DateSpec): string {
  switch (d.precision) {
    case 'day':
    case 'month':
    case 'year':
      return d.value;
    case 'range':
      return `${d.from}/${d.to}`;
    case 'before':
      return `../${d.to}`;
    case 'unknown':
      return '';
  }
}

/** The interface languages. Arabic is written right to left. */
export type Lang = 'en' | 'zh' | 'ar' | 'ru';
/** The languages the data itself is written in (names, summaries): every other language shows English. */
export type DataLang = 'en' | 'zh';

/** The language a data text is shown in for an interface language: its own when the data has it, else English. */
export const dataLang = (lang: Lang): DataLang => (lang === 'zh' ? 'zh' : 'en');

/** BCP 47 tag for Intl: Arabic with Western digits, the same digits as the years on the timeline and in the data. */
export const intlLocale = (lang: Lang): string => ({ en: 'en-GB', zh: 'zh-CN', ar: 'ar-u-nu-latn', ru: 'ru' })[lang];

export interface DateWords { unknown: string; before: (x: string) => string; range: (a: string, b: string) => string }

// Arabic and Russian come with their language's chunk (registerDateWords, from link-words-ar/ru.ts).
const WORDS: { en: DateWords; zh: DateWords } & Partial<Record<Lang, DateWords>> = {
  en: { unknown: 'date not stated', before: (x: string) => `by ${x}`, range: (a: string, b: string) => `between ${a} and ${b}` },
  zh: { unknown: '日期未说明', before: (x: string) => `${x}或之前`, range: (a: string, b: string) => `${a}至${b}之间` },
};

export function registerDateWords(lang: Lang, words: DateWords): void {
  WORDS[lang] = words;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(lang: Lang, parts: 'day' | 'month' | 'year'): Intl.DateTimeFormat {
  const key = `${lang}:${parts}`;
  let f = formatters.get(key);
  if (!f) {
    const opts: Intl.DateTimeFormatOptions = { year: 'numeric', timeZone: 'UTC' };
    if (parts !== 'year') opts.month = lang === 'en' ? 'short' : 'long';
    if (parts === 'day') opts.day = 'numeric';
    f = new Intl.DateTimeFormat(intlLocale(lang), opts);
    formatters.set(key, f);
  }
  return f;
}

/** Formats a partial date (YYYY, YYYY-MM, YYYY-MM-DD) at exactly its own precision. */
export function formatPartial(partial: string, lang: Lang): string {
  const [y, m = 1, d = 1] = partial.split('-').map(Number);
  const parts = partial.length === 10 ? 'day' : partial.length === 7 ? 'month' : 'year';
  return formatter(lang, parts).format(new Date(Date.UTC(y ?? 0, m - 1, d)));
}

/** A readable date at its true precision, e.g. "6 Sept 2018", "by Aug 2025", "date not stated". */
export function formatDate(d: DateSpec, lang: Lang): string {
  const w = WORDS[lang] ?? WORDS.en;
  switch (d.precision) {
    case 'day':
    case 'month':
    case 'year':
      return formatPartial(d.value, lang);
    case 'range':
      return w.range(formatPartial(d.from, lang), formatPartial(d.to, lang));
    case 'before':
      return w.before(formatPartial(d.to, lang));
    case 'unknown':
      return w.unknown;
  }
}
