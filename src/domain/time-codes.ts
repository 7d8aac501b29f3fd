/**
 * Links' spans coded for counting: each side of a span (link-time.ts) falls in one of 100 buckets —
 * before 1971 (or open), one of the 98 years 1971–2068 (YEAR_LIMITS, the widest timeline a dataset
 * can have, so codes do not depend on the dataset's own span), after them (or open) — and a link's four
 * buckets plus whether it is undated or planned make its *time code*. A dataset has few distinct
 * codes, so a window's question "certain, possible, undated, planned or outside?" is answered
 * once per code, and every count is a sum of per-code counts. The bucketing is exact for the
 * windows the timeline offers (whole years, from open or a timeline year, to a timeline year).
 */
import { YEAR_LIMITS } from './dates.ts';
import { isUndated, linkSpan } from './link-time.ts';
import type { Link } from './schema.ts';

const FIRST = YEAR_LIMITS.first;
const LAST = YEAR_LIMITS.last;
/** 100: four buckets and two flags stay below 2^32 (100^4 × 4), as the Uint32Array of codes needs. */
export const BUCKETS = LAST - FIRST + 3;

/** 0: before 1971 or open; 1…98: 1971…2068; 99: after 2068 or open. */
export function bucketOf(year: number): number {
  if (year < FIRST) return 0;
  if (year > LAST) return BUCKETS - 1;
  return year - FIRST + 1;
}

export const FLAG_UNDATED = 1;
export const FLAG_PLANNED = 2;

/** A code as one integer: four buckets and two flags. */
export function timeCode(link: Pick<Link, 'kind' | 'date' | 'end' | 'ongoingAsOf' | 'status'>): number {
  const s = linkSpan(link);
  const flags = (isUndated(s) ? FLAG_UNDATED : 0) | (link.status === 'planned' ? FLAG_PLANNED : 0);
  return bucketOf(s.startFirst) + BUCKETS * (bucketOf(s.startLast) + BUCKETS * (bucketOf(s.endFirst) + BUCKETS * (bucketOf(s.endLast) + BUCKETS * flags)));
}

export function decodeTimeCode(code: number): { s1: number; s2: number; e1: number; e2: number; flags: number } {
  const s1 = code % BUCKETS; code = Math.floor(code / BUCKETS);
  const s2 = code % BUCKETS; code = Math.floor(code / BUCKETS);
  const e1 = code % BUCKETS; code = Math.floor(code / BUCKETS);
  const e2 = code % BUCKETS;
  return { s1, s2, e1, e2, flags: Math.floor(code / BUCKETS) };
}

/** What a window makes of a code. */
export const OUTSIDE = 0;
export const CERTAIN = 1;
export const POSSIBLE = 2;
export const UNDATED = 3;
export const PLANNED = 4;
export type CodePresence = typeof OUTSIDE | typeof CERTAIN | typeof POSSIBLE | typeof UNDATED | typeof PLANNED;

/** A window of years: `from` −Infinity for "up to". */
export interface YearsWindow {
  from: number;
  to: number;
}

/**
 * Per code, its presence in the window. Planned links are PLANNED when their dates reach the window
 * (or they are undated), whatever their certainty: they are counted apart, never as links.
 */
export function codePresence(codes: ArrayLike<number>, w: YearsWindow, out = new Uint8Array(codes.length)): Uint8Array {
  const A = w.from === Number.NEGATIVE_INFINITY ? -1 : bucketOf(w.from);
  const B = bucketOf(w.to);
  for (let k = 0; k < codes.length; k++) {
    const { s1, s2, e1, e2, flags } = decodeTimeCode(codes[k] as number);
    let p: CodePresence;
    if (flags & FLAG_UNDATED) p = UNDATED;
    else if (s2 <= B && e1 >= A) p = CERTAIN;
    else if (s1 <= B && e2 >= A) p = POSSIBLE;
    else p = OUTSIDE;
    if (flags & FLAG_PLANNED) p = p === OUTSIDE ? OUTSIDE : PLANNED;
    out[k] = p;
  }
  return out;
}

const presenceCache = new WeakMap<Uint32Array, Map<string, Uint8Array>>();

/** Per code of `codes`, its presence in the window (CERTAIN, POSSIBLE …); cached per code list and window, so one window gives one array. */
export function presenceFor(codes: Uint32Array, w: YearsWindow): Uint8Array {
  let byWindow = presenceCache.get(codes);
  if (!byWindow) presenceCache.set(codes, (byWindow = new Map()));
  const key = `${w.from},${w.to}`;
  let p = byWindow.get(key);
  if (!p) byWindow.set(key, (p = codePresence(codes, w)));
  return p;
}
