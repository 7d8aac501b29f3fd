/**
 * What the presenter keys drive: a sequence of steps. The timeline's years are one (this file's
 * yearStepper); a guided story is another, and wins when present. Pure: no React, no DOM.
 */
import { TIMELINE_FIRST_YEAR as FIRST, TIMELINE_LAST_YEAR as LAST } from '../domain/dates.ts';
import type { TimelineMode } from '../url/view-state.ts';

/** The contract between the presenter keys and whatever they step through. */
export interface Stepper {
  next(): void;
  prev(): void;
  first(): void;
  last(): void;
}

/** The part of the view a year step reads. */
export interface YearWindowView {
  mode: TimelineMode;
  year: number;
  from: number;
}

/**
 * The window after moving by `delta` years (±1), or to the first/last year. "Up to" and "in"
 * move the year; a range moves as a whole, keeping its width, and stops at either end.
 */
export function movedWindow(v: YearWindowView, to: number | 'first' | 'last'): { year: number; from: number } {
  const width = v.mode === 'range' ? v.year - v.from : 0;
  let year: number;
  if (to === 'first') year = FIRST + width;
  else if (to === 'last') year = LAST;
  else year = Math.min(LAST, Math.max(FIRST + width, v.year + to));
  return { year, from: v.mode === 'range' ? year - width : v.from };
}

/** Steps through the timeline's years: `get` reads the view now, `set` applies a change (only when something moves). */
export function yearStepper(get: () => YearWindowView, set: (patch: { year: number; from: number }) => void): Stepper {
  const go = (to: number | 'first' | 'last') => {
    const v = get();
    const next = movedWindow(v, to);
    if (next.year !== v.year || next.from !== v.from) set(next);
  };
  return { next: () => go(1), prev: () => go(-1), first: () => go('first'), last: () => go('last') };
}
