/**
 * Sorting long lists cheaply: every column becomes numeric keys once per sort change (texts
 * become their rank under one Intl.Collator), so the sort itself compares numbers only. Stable:
 * ties keep the input order in both directions. Pure: tested in Node.
 */
import type { DateSpec } from './schema.ts';
import type { Lang } from './dates.ts';

/** A sort direction, named as aria-sort names it. */
export type SortDir = 'ascending' | 'descending';

/** A column and a direction. */
export interface SortState<C extends string> {
  column: C;
  dir: SortDir;
}

/** The sort after a click on a column's header: the same column reverses, a new one starts ascending. */
export function nextSort<C extends string>(current: SortState<C>, column: C): SortState<C> {
  if (current.column !== column) return { column, dir: 'ascending' };
  return { column, dir: current.dir === 'ascending' ? 'descending' : 'ascending' };
}

const collators = new Map<string, Intl.Collator>();

/**
 * One collator per language, made once: pinyin order for Chinese (ICU's default Chinese order,
 * named explicitly), and numeric so "report 2" sorts before "report 10".
 */
export function collatorFor(lang: Lang): Intl.Collator {
  let c = collators.get(lang);
  if (!c) {
    c = new Intl.Collator(lang === 'zh' ? 'zh-Hans-u-co-pinyin' : lang, { numeric: true });
    collators.set(lang, c);
  }
  return c;
}

/**
 * Each text's rank in collation order (equal texts get equal ranks); the empty string is "no
 * value" (NaN), which sorts last. Distinct texts are few even among 100k rows (names repeat),
 * so the collator runs over those only.
 */
export function textRanks(texts: readonly string[], collator: Intl.Collator): Float64Array {
  const distinct = [...new Set(texts)].filter((s) => s !== '').sort(collator.compare);
  const rank = new Map<string, number>();
  distinct.forEach((s, i) => {
    // Texts the collator calls equal ("a" and "a" with another normalisation) share a rank.
    const prev = distinct[i - 1];
    rank.set(s, prev !== undefined && collator.compare(prev, s) === 0 ? (rank.get(prev) as number) : i);
  });
  const out = new Float64Array(texts.length);
  texts.forEach((s, i) => { out[i] = rank.get(s) ?? Number.NaN; });
  return out;
}

/** Largest rank that still packs exactly with a position (2^32 × 2^21 = 2^53). */
const MAX_RANK = 2 ** 31;

/**
 * Non-negative integer ranks (in ascending order, equal values equal) of numbers; NaN stays NaN.
 * Values that already are such integers (text ranks, counts) are their own ranks; others (days
 * since 1970, -Infinity for "by") are ranked by binary search in their sorted distinct values.
 * Typed arrays and the native numeric sort only: a Map of 100k numbers costs more than the sort.
 */
function intRanks(values: Float64Array): Float64Array {
  let plain = true;
  for (const v of values) if (!Number.isNaN(v) && !(Number.isInteger(v) && v >= 0 && v < MAX_RANK)) { plain = false; break; }
  if (plain) return values;
  const sorted = values.slice().sort(); // NaN sorts to the end
  let d = 0;
  for (let i = 0; i < sorted.length; i++) {
    const v = sorted[i] as number;
    if (Number.isNaN(v)) break;
    if (d === 0 || v !== sorted[d - 1]) sorted[d++] = v;
  }
  return values.map((v) => {
    if (Number.isNaN(v)) return v;
    let lo = 0, hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as number) < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
}

/** Room for the position in a packed sort value: datasets stay under a million links. */
const POS = 2 ** 21;

/**
 * The order of n items by their keys (the first key, then the next on a tie …). NaN in the
 * first key means "no value": such items go last whichever the direction. Ties keep input order.
 * Returns positions 0..n-1. The keys fold into one dense rank per item, packed with the item's
 * position into one number, so the sort is the typed array's native numeric sort: no comparator
 * calls, which matters at 100k rows.
 */
export function sortPositions(n: number, keys: readonly Float64Array[], dir: SortDir): Uint32Array {
  if (n > POS) throw new Error(`cannot sort more than ${POS} rows`);
  const [head, ...rest] = keys;
  // Items whose first key is NaN have no value: last in both directions.
  const first = head ? intRanks(head.subarray(0, n)) : new Float64Array(n);
  let rank = first;
  for (const k of rest) {
    const r = intRanks(k.subarray(0, n));
    let width = 0;
    for (const v of r) if (v >= width) width = v + 1;
    // Lexicographic: (rank so far, this key's rank) as one integer, re-ranked if it grows too big.
    rank = intRanks(rank.map((v, i) => (Number.isNaN(v) ? v : v * (width + 1) + (Number.isNaN(r[i] as number) ? width : (r[i] as number)))));
  }
  let max = 0;
  for (const v of rank) if (v > max) max = v;
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = rank[i] as number;
    const r = Number.isNaN(first[i] as number) ? max + 1 : dir === 'ascending' ? v : max - v;
    packed[i] = r * POS + i;
  }
  packed.sort();
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = (packed[i] as number) % POS;
  return order;
}

const DAY = 86_400_000;

// Dates repeat across links: each distinct partial date is worked out once.
const dayBoundsCache = new Map<string, readonly [number, number]>();

/** First and last day (days since 1970) a partial date (YYYY, YYYY-MM, YYYY-MM-DD) covers. */
export function partialDayBounds(partial: string): readonly [number, number] {
  let b = dayBoundsCache.get(partial);
  if (!b) {
    const [y = 0, m, d] = partial.split('-').map(Number);
    if (d !== undefined && m !== undefined) b = [Date.UTC(y, m - 1, d) / DAY, Date.UTC(y, m - 1, d) / DAY];
    else if (m !== undefined) b = [Date.UTC(y, m - 1, 1) / DAY, Date.UTC(y, m, 1) / DAY - 1];
    else b = [Date.UTC(y, 0, 1) / DAY, Date.UTC(y + 1, 0, 1) / DAY - 1];
    dayBoundsCache.set(partial, b);
  }
  return b;
}

/**
 * A date's sort keys: its earliest possible day, then its latest (so "2018" sorts before
 * "between 2018 and 2020", and "by 2018" before "by 2020"). "By" has no earliest day, so it
 * comes first among dated items; unknown dates have no keys (null) and always go last.
 */
export function dateSortKeys(d: DateSpec): readonly [number, number] | null {
  switch (d.precision) {
    case 'day':
    case 'month':
    case 'year':
      return partialDayBounds(d.value);
    case 'range':
      return [partialDayBounds(d.from)[0], partialDayBounds(d.to)[1]];
    case 'before':
      return [Number.NEGATIVE_INFINITY, partialDayBounds(d.to)[1]];
    case 'unknown':
      return null;
  }
}

/** The two key arrays for a list of dates (NaN for unknown dates, which sort last). */
export function dateKeyArrays(dates: readonly DateSpec[]): [Float64Array, Float64Array] {
  const first = new Float64Array(dates.length);
  const last = new Float64Array(dates.length);
  dates.forEach((d, i) => {
    const k = dateSortKeys(d);
    first[i] = k ? k[0] : Number.NaN;
    last[i] = k ? k[1] : Number.NaN;
  });
  return [first, last];
}
