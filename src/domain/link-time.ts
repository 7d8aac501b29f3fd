/**
 * When a link can have been, in whole years, and whether it is certainly or only possibly inside
 * a window of years. One rule for every count, drawing, table and export:
 *
 * - An *event* happened at one moment between its earliest and latest possible dates, which
 *   follow from the precision the source states (a day, a month, a year, a range, "by").
 * - A *tie* started at such a moment and lasted until its end: a stated end, or at least until
 *   the date of the latest source saying it was still running, or an unknown end.
 *
 * A link is *certain* in a window when every reading of its dates puts it there, and *possible*
 * when some reading does. Nothing here supplies a date the sources do not give: an unknown end
 * stays open, an unknown start stays open, and a link with no bound at all is undated.
 */
import type { DateSpec, Link } from './schema.ts';

/** Whole years; ±Infinity where nothing bounds that side. */
export interface LinkSpan {
  /** The earliest and latest year the event happened, or the tie started. */
  startFirst: number;
  startLast: number;
  /** The earliest and latest year of the end (an event ends when it happens). */
  endFirst: number;
  endLast: number;
}

const yearOf = (partial: string) => Number(partial.slice(0, 4));

/** The earliest and latest year a date can mean; ±Infinity for an open side. */
export function yearBounds(d: DateSpec): { first: number; last: number } {
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
      return { first: Number.NEGATIVE_INFINITY, last: Number.POSITIVE_INFINITY };
  }
}

/** The span of a link; see the module comment. */
export function linkSpan(link: Pick<Link, 'kind' | 'date' | 'end' | 'ongoingAsOf'>): LinkSpan {
  const start = yearBounds(link.date);
  if (link.kind === 'event') return { startFirst: start.first, startLast: start.last, endFirst: start.first, endLast: start.last };
  const end = link.end ? yearBounds(link.end) : { first: Number.NEGATIVE_INFINITY, last: Number.POSITIVE_INFINITY };
  let startLast = start.last;
  let endFirst = end.first;
  if (link.ongoingAsOf) {
    // A source saying the tie was running on a date shows it had started by then and had not ended before.
    const seen = yearOf(link.ongoingAsOf.date);
    startLast = Math.min(startLast, seen);
    endFirst = Math.max(endFirst, seen);
  }
  // A tie ends no earlier than it starts, and starts no later than it ends.
  return {
    startFirst: start.first,
    startLast: Math.min(startLast, end.last),
    endFirst: Math.max(endFirst, start.first),
    endLast: end.last,
  };
}

/** Undated: nothing bounds when it happened or started, so it can be put in no year at all. */
export function isUndated(s: LinkSpan): boolean {
  return s.startFirst === Number.NEGATIVE_INFINITY && s.startLast === Number.POSITIVE_INFINITY;
}

/**
 * A window of years, inclusive. `from` is -Infinity for "up to": a link dated before the
 * timeline's first year is still "by" any of its years.
 */
export interface Years {
  from: number;
  to: number;
}

export type Presence = 'certain' | 'possible' | 'outside';

/**
 * Whether a link is in a window under every reading of its dates (certain), under some (possible),
 * or under none. In "up to Y" that is: latest possible date by Y (certain), only the earliest
 * (possible). In "in Y": an event certainly in Y, possibly in Y; a tie certainly or possibly active in Y.
 * Undated links are never in a window (the caller counts them apart).
 */
export function presence(s: LinkSpan, w: Years): Presence {
  if (isUndated(s)) return 'outside';
  if (s.startLast <= w.to && s.endFirst >= w.from) return 'certain';
  if (s.startFirst <= w.to && s.endLast >= w.from) return 'possible';
  return 'outside';
}

/**
 * The years between which the event happened or the tie started, for exports: both null only when
 * nothing bounds it; one null for an open side ("by 2019": earliest empty).
 */
export function startYears(s: LinkSpan): { earliest: number | null; latest: number | null } {
  const f = (y: number) => (Number.isFinite(y) ? y : null);
  return { earliest: f(s.startFirst), latest: f(s.startLast) };
}
