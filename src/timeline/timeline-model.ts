/**
 * The timeline without a DOM: where each year sits for a given width, which year a pointer is
 * over, what a key does, how the two range handles stay ordered, how playback advances, and
 * the per-year histogram stacked by category. The React shell (Timeline.tsx) only draws what
 * these functions return, so everything here is tested in Node.
 */
import { ticks as d3ticks } from 'd3-array';
import { TIMELINE_FIRST_YEAR as FIRST, TIMELINE_LAST_YEAR as LAST } from '../domain/dates.ts';
import { LINK_TYPES, YEARS, YEAR_COUNT } from '../domain/aggregate.ts';
import { CATEGORIES, CATEGORY_OF_TYPE, type Category } from '../domain/categories.ts';
import type { TimelineMode } from '../url/view-state.ts';

export { FIRST as FIRST_YEAR, LAST as LAST_YEAR };

/** Years moved by PageUp / PageDown: three, so the eleven years are crossed in about four presses. */
export const PAGE_STEP = 3;

/** Keeps a year on the axis (whole years only). */
export function clampYear(year: number): number {
  return Math.min(LAST, Math.max(FIRST, Math.round(year)));
}

/** The year `delta` years away, clamped to the axis. */
export function step(year: number, delta: number): number {
  return clampYear(year + delta);
}

// ---------------------------------------------------------------- geometry

/** Horizontal space left and right of the first and last year's band, in px. */
export const TRACK_MARGIN = { left: 12, right: 12 } as const;
/** Below this a year label (~30 px at 12 px type) would collide with its neighbours. */
const MIN_LABEL_SPACING = 44;

/** Year ↔ x for one track width. Each year owns an equal band; its handle sits at the band's centre. */
export interface TimelineScale {
  width: number;
  /** Width of one year's slot (bar plus gap). */
  step: number;
  /** Width of one year's bar. */
  bandwidth: number;
  /** x of the centre of a year's band (the handle position). */
  x(year: number): number;
  /** Left edge of a year's bar. */
  barX(year: number): number;
  /** The year whose slot contains x; positions outside the track clamp to the first or last year. */
  positionToYear(x: number): number;
  /** Years to label: every year when there is room, fewer (d3 ticks) when narrow. */
  ticks(): number[];
}

/**
 * A band scale whose outer padding is half its inner padding, so the eleven slots tile the
 * track exactly: slot i spans [left + i·step, left + (i+1)·step) and positionToYear is a floor.
 * (d3's scaleBand with those paddings gives the same numbers; written out, it keeps d3-scale and
 * its interpolators out of the first download.)
 * `rtl`: the years run right to left (Arabic), the first year's slot at the right end.
 */
export function timelineScale(width: number, barPadding = 0.25, rtl = false): TimelineScale {
  const w = Math.max(width, TRACK_MARGIN.left + TRACK_MARGIN.right + YEAR_COUNT);
  const left = TRACK_MARGIN.left;
  const right = w - TRACK_MARGIN.right;
  const slot = (right - left) / YEAR_COUNT;
  const bandwidth = slot * (1 - barPadding);
  const slotIndex = (year: number) => (rtl ? LAST - year : year - FIRST);
  const band = (year: number) => left + slot * (barPadding / 2) + slot * slotIndex(year);
  return {
    width: w,
    step: slot,
    bandwidth,
    barX: (year) => band(clampYear(year)) ?? left,
    x: (year) => (band(clampYear(year)) ?? left) + bandwidth / 2,
    positionToYear: (x) => clampYear(rtl ? LAST - Math.floor((x - left) / slot) : FIRST + Math.floor((x - left) / slot)),
    ticks: () => {
      const room = Math.floor((right - left) / MIN_LABEL_SPACING);
      if (room >= YEAR_COUNT) return [...YEARS];
      // d3 picks round steps (2, 5, 10) and may return more ticks than asked for, so ask for
      // fewer until they fit.
      for (let count = Math.max(1, room); count >= 1; count--) {
        const t = d3ticks(FIRST, LAST, count);
        if (t.length <= Math.max(1, room) || count === 1) return t;
      }
      return [FIRST];
    },
  };
}

// ---------------------------------------------------------------- keyboard

/**
 * The year a key moves a slider to, following the WAI-ARIA slider pattern; null for any other
 * key (so the caller lets it through). `min`/`max` narrow the slider, e.g. the range handles.
 * `rtl`: the years run right to left, so Left and Right swap to follow what the eye sees (as the
 * pattern asks for right-to-left sliders); Up and Down, PageUp and PageDown keep their meaning.
 */
export function keyToYear(key: string, year: number, min: number = FIRST, max: number = LAST, rtl = false): number | null {
  const within = (y: number) => Math.min(max, Math.max(min, clampYear(y)));
  if (rtl && key === 'ArrowLeft') key = 'ArrowRight';
  else if (rtl && key === 'ArrowRight') key = 'ArrowLeft';
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowDown':
      return within(year - 1);
    case 'ArrowRight':
    case 'ArrowUp':
      return within(year + 1);
    case 'PageDown':
      return within(year - PAGE_STEP);
    case 'PageUp':
      return within(year + PAGE_STEP);
    case 'Home':
      return within(min);
    case 'End':
      return within(max);
    default:
      return null;
  }
}

// ---------------------------------------------------------------- window and range handles

/** The part of the view the timeline reads and writes. */
export interface TimelineView {
  mode: TimelineMode;
  year: number;
  from: number;
}

/** Which of the two range handles: `from` is the first year, `year` the last. */
export type Handle = 'from' | 'year';

/** The inclusive span of years the window covers in a mode. */
export function windowYears(v: TimelineView): { first: number; last: number } {
  if (v.mode === 'upto') return { first: FIRST, last: v.year };
  if (v.mode === 'in') return { first: v.year, last: v.year };
  return { first: Math.min(v.from, v.year), last: Math.max(v.from, v.year) };
}

/** Slider bounds per handle: in range mode each handle stops at the other (WAI-ARIA multi-thumb slider). */
export function handleBounds(v: TimelineView, handle: Handle): { min: number; max: number } {
  if (v.mode !== 'range') return { min: FIRST, max: LAST };
  return handle === 'from' ? { min: FIRST, max: v.year } : { min: v.from, max: LAST };
}

/**
 * Dragging a range handle to `target`. A handle dragged past the other swaps roles with it
 * (the pointer keeps "holding" the moving end), so from ≤ year always; the returned `handle`
 * is the one now under the pointer. The keyboard instead stops at the other handle (handleBounds).
 */
export function dragRangeHandle(range: { from: number; year: number }, handle: Handle, target: number): { from: number; year: number; handle: Handle } {
  const t = clampYear(target);
  if (handle === 'from') {
    return t <= range.year ? { from: t, year: range.year, handle: 'from' } : { from: range.year, year: t, handle: 'year' };
  }
  return t >= range.from ? { from: range.from, year: t, handle: 'year' } : { from: t, year: range.from, handle: 'from' };
}

/** Which range handle a press at `target` should grab: the nearer one; on a tie, the side it lies on. */
export function nearestHandle(range: { from: number; year: number }, target: number): Handle {
  const dFrom = Math.abs(target - range.from);
  const dYear = Math.abs(target - range.year);
  if (dFrom !== dYear) return dFrom < dYear ? 'from' : 'year';
  return target < range.year ? 'from' : 'year';
}

/** The patch for switching mode; entering range mode makes sure from ≤ year. */
export function switchMode(v: TimelineView, mode: TimelineMode): Partial<TimelineView> {
  if (mode === 'range' && v.from > v.year) return { mode, from: v.year };
  return { mode };
}

// ---------------------------------------------------------------- playback

export type PlaybackSpeed = 'slow' | 'normal' | 'fast';
export const PLAYBACK_SPEEDS: readonly PlaybackSpeed[] = ['slow', 'normal', 'fast'];
/** Milliseconds each year stays on screen. */
export const SPEED_MS: Record<PlaybackSpeed, number> = { slow: 1600, normal: 900, fast: 450 };

export interface PlaybackState extends TimelineView {
  playing: boolean;
}

export type PlaybackAction = { type: 'play' } | { type: 'pause' } | { type: 'toggle' } | { type: 'tick' };

/**
 * Whether playback can move the window at all: a range that already spans every year cannot
 * slide, so there is nothing to play.
 */
export function canPlay(v: TimelineView): boolean {
  return !(v.mode === 'range' && Math.min(v.from, v.year) === FIRST && Math.max(v.from, v.year) === LAST);
}

/**
 * The window one tick later, or null when it already ends at the last year (playback stops).
 * upto / in: the year moves on by one. range: the whole window slides right, keeping its width.
 */
export function nextPlaybackYear(v: TimelineView): { year: number; from: number } | null {
  if (v.year >= LAST) return null;
  return v.mode === 'range' ? { year: v.year + 1, from: v.from + 1 } : { year: v.year + 1, from: v.from };
}

/**
 * Where pressing play starts: from the current position, or, when the window already ends at
 * the last year, from the beginning (range mode: the same width, starting at the first year).
 */
export function playbackStart(v: TimelineView): { year: number; from: number } {
  if (v.year < LAST) return { year: v.year, from: v.from };
  if (v.mode !== 'range') return { year: FIRST, from: v.from };
  const width = Math.max(0, v.year - v.from);
  return { year: FIRST + width, from: FIRST };
}

/** play / pause / toggle / tick. A tick that lands on the last year stops playback there. */
export function playbackReducer(s: PlaybackState, a: PlaybackAction): PlaybackState {
  switch (a.type) {
    case 'toggle':
      return playbackReducer(s, { type: s.playing ? 'pause' : 'play' });
    case 'pause':
      return s.playing ? { ...s, playing: false } : s;
    case 'play': {
      if (s.playing || !canPlay(s)) return s;
      return { ...s, ...playbackStart(s), playing: true };
    }
    case 'tick': {
      if (!s.playing) return s;
      const next = nextPlaybackYear(s);
      if (!next) return { ...s, playing: false };
      return { ...s, ...next, playing: next.year < LAST };
    }
  }
}

// ---------------------------------------------------------------- histogram

/** One category's layer of the stacked histogram: per year, the bottom and top of its segment. */
export interface StackedLayer {
  category: Category;
  /** Indexed like YEARS: [bottom, top] in link counts. */
  segments: [number, number][];
}

export interface StackedHistogram {
  layers: StackedLayer[];
  /** Links certainly in each year (all categories), indexed like YEARS. */
  totals: number[];
  /** Links only possibly in each year, drawn on top of the certain ones. */
  possible: number[];
  /** The largest yearly certain + possible (0 for an empty histogram). */
  max: number;
}

const CATEGORY_INDEX = new Map(CATEGORIES.map((c, i) => [c, i]));

/**
 * Per-year certain counts summed into categories, stacked in CATEGORIES order (bottom first). A running
 * sum per year: d3-shape's stack() did the same, but brought 4 KB (gzip) into the first download.
 */
export function stackHistogram(histogram: Uint32Array, possibleByYear: ArrayLike<number> = []): StackedHistogram {
  const T = LINK_TYPES.length;
  const rows = YEARS.map((_, y) => {
    const row = CATEGORIES.map(() => 0);
    LINK_TYPES.forEach((type, t) => {
      const c = CATEGORY_INDEX.get(CATEGORY_OF_TYPE[type]) ?? CATEGORIES.length - 1;
      row[c]! += histogram[y * T + t] ?? 0;
    });
    return row;
  });
  const base = rows.map(() => 0);
  const layers = CATEGORIES.map((category, i) => ({
    category,
    segments: rows.map((row, y): [number, number] => {
      const bottom = base[y] as number;
      base[y] = bottom + (row[i] ?? 0);
      return [bottom, base[y] as number];
    }),
  }));
  const totals = rows.map((r) => r.reduce((a, b) => a + b, 0));
  const possible = YEARS.map((_, y) => possibleByYear[y] ?? 0);
  return { layers, totals, possible, max: Math.max(0, ...totals.map((t, y) => t + (possible[y] as number))) };
}

/** Count → bar height for a plot `height` px tall; the tallest year fills it. */
export function countScale(max: number, height: number): (count: number) => number {
  const k = height / Math.max(1, max);
  return (n) => n * k;
}

/** Sum of a per-type count array (e.g. undatedByType). */
export function total(counts: ArrayLike<number>): number {
  let n = 0;
  for (let i = 0; i < counts.length; i++) n += counts[i] ?? 0;
  return n;
}
