/**
 * The arc layer's per-arc data, in two RGBA32F textures of one texel per arc slot (row-major,
 * DATA_TEXTURE_WIDTH texels a row). Pure: tested in Node.
 *
 * - Static, packed once per dataset: category index (DOMESTIC_CATEGORY for domestic arcs),
 *   domestic flag, length in Mercator units.
 * - Counts, packed on the CPU at every window step and uploaded with one texSubImage2D:
 *     x  links of the arc's pair certain in the window
 *     y  the other links the window draws (possible; undated and planned when included)
 *     z  the links drawn (x + y) in the window before   } for the grow-in animation: kept here on
 *     w  the links drawn in the window before that      } the CPU and rotated at every step
 *   A step counts the per-pair tallies (window-tally.ts shownTallies) and the arc layer packs
 *   them in the frame that draws them (packArcCounts): O(code entries of the pairs + arcs), no
 *   allocation.
 * Counts are exact in float32 up to 2^24 links per pair.
 *
 * An arc with certain links is drawn solid, its width by the certain count; one with none but
 * some other drawn links is drawn faint and dashed, its width by that count (arc-shaders.ts).
 */
import type { YearWindow } from '../domain/aggregate.ts';
import { STATIC_STRIDE, type ArcBuffers } from './arc-buffer.ts';
import { emptyShownTallies, type ShownTallies } from './window-tally.ts';

/** How long an arc takes to grow from its Chinese end to its partner (ms). */
export const GROW_MS = 600;
/** A change time that is simply long past: nothing animates. */
export const LONG_AGO = -1e9;

/** Texels per row of the data textures; 2048 is WebGL2's guaranteed minimum MAX_TEXTURE_SIZE. */
export const DATA_TEXTURE_WIDTH = 2048;
/** Float offsets inside an arc's static texel. */
export const ARC_STATIC = { category: 0, domestic: 1, length: 2 } as const;
/** Float offsets inside an arc's counts texel. */
export const ARC_COUNTS = { certain: 0, other: 1, prev: 2, prev2: 3 } as const;

/** Rows of a one-texel-per-arc texture for `arcs` arcs. */
export const textureRows = (arcs: number) => Math.max(1, Math.ceil(arcs / DATA_TEXTURE_WIDTH));

export interface ArcData {
  /** rows × DATA_TEXTURE_WIDTH texels × 4 floats, ready for texImage2D. */
  data: Float32Array;
  rows: number;
}

/** Packs every arc slot's static attributes. O(arcs), once per dataset. */
export function packArcStatic(buffers: Pick<ArcBuffers, 'pairOfArc' | 'staticData'>): ArcData {
  const arcs = buffers.pairOfArc.length;
  const rows = textureRows(arcs);
  const data = new Float32Array(rows * DATA_TEXTURE_WIDTH * 4);
  for (let a = 0; a < arcs; a++) {
    const o = a * 4;
    data[o + ARC_STATIC.category] = buffers.staticData[a * STATIC_STRIDE] ?? 0;
    data[o + ARC_STATIC.domestic] = buffers.staticData[a * STATIC_STRIDE + 1] ?? 0;
    data[o + ARC_STATIC.length] = buffers.staticData[a * STATIC_STRIDE + 2] ?? 0;
  }
  return { data, rows };
}

/** The counts the arcs are drawn from, and the per-pair tallies behind them (reused at every step). */
export interface ArcCounts extends ArcData {
  /** Per pair (not per arc): certain and other drawn links in the window shown. */
  pairs: ShownTallies;
}

export function emptyArcCounts(pairs: number, arcs: number): ArcCounts {
  const rows = textureRows(arcs);
  return { data: new Float32Array(rows * DATA_TEXTURE_WIDTH * 4), rows, pairs: emptyShownTallies(pairs) };
}

/**
 * What a repack does with the counts' history: `rotate` (a step: the window shown until now
 * becomes the previous one), `settle` (nothing grows in: the previous windows' counts become
 * those shown now) or `keep` (left as they are).
 */
export type CountsHistory = 'rotate' | 'settle' | 'keep';

/**
 * Packs the arcs' counts from the per-pair tallies of the window shown (`pairs`, from
 * shownTallies) into `data` (arc-data layout). O(arcs), no allocation.
 */
export function packArcCounts(pairs: ShownTallies, pairOfArc: Int32Array, data: Float32Array, history: CountsHistory): void {
  const { certain, other } = pairs;
  const d = data;
  const rotate = history === 'rotate', settle = history === 'settle';
  for (let a = 0; a < pairOfArc.length; a++) {
    const o = a * 4;
    const p = pairOfArc[a] as number;
    if (rotate) {
      d[o + ARC_COUNTS.prev2] = d[o + ARC_COUNTS.prev] as number;
      d[o + ARC_COUNTS.prev] = (d[o + ARC_COUNTS.certain] as number) + (d[o + ARC_COUNTS.other] as number);
    }
    const c = certain[p] as number, x = other[p] as number;
    d[o + ARC_COUNTS.certain] = c;
    d[o + ARC_COUNTS.other] = x;
    if (settle) {
      d[o + ARC_COUNTS.prev] = c + x;
      d[o + ARC_COUNTS.prev2] = c + x;
    }
  }
}

/**
 * How an arc slot is drawn, in JS over the packed counts (the vertex shader's reference, for
 * tests): `count` sets the width (the certain count, or the other count when nothing is
 * certain), `possible` is true when the arc is drawn faint and dashed; count 0: not drawn.
 */
export function arcLook(data: ArrayLike<number>, arc: number): { count: number; possible: boolean } {
  const certain = data[arc * 4 + ARC_COUNTS.certain] ?? 0;
  const other = data[arc * 4 + ARC_COUNTS.other] ?? 0;
  return certain > 0 ? { count: certain, possible: false } : { count: other, possible: other > 0 };
}

/** The count a pair's arc is drawn with now (certain, or other when nothing is certain; 0: not drawn). */
export function drawnCount(t: ShownTallies, pair: number): number {
  const c = t.certain[pair] ?? 0;
  return c > 0 ? c : (t.other[pair] ?? 0);
}

export function sameWindow(a: YearWindow, b: YearWindow): boolean {
  return a.from === b.from && a.to === b.to && a.includeUndated === b.includeUndated && !!a.includePlanned === !!b.includePlanned;
}

/**
 * When the window shown and the one before it changed (ms, the layer's clock). An arc grows in
 * from the change that took it from no drawn links to some; two steps of history let an arc
 * that appeared one quick step ago finish growing instead of jumping to full length.
 */
export interface WindowTimes {
  /** When the previous window became the one shown. */
  changed: number;
  /** When the one before became the previous one. */
  prevChanged: number;
}

/** Times at which nothing animates. */
export function stillTimes(): WindowTimes {
  return { changed: LONG_AGO, prevChanged: LONG_AGO };
}

/** Updates `h` for a step at `now` (in place: a step allocates nothing); without `animate` (first view, reduced motion) nothing grows in. */
export function stepTimes(h: WindowTimes, now: number, animate: boolean): WindowTimes {
  h.prevChanged = animate ? h.changed : LONG_AGO;
  h.changed = animate ? now : LONG_AGO;
  return h;
}

/** The arc shader's grow-in start for one arc slot, in JS (LONG_AGO: drawn in full). For tests. */
export function arcAppearTime(data: ArrayLike<number>, arc: number, h: WindowTimes, now: number): number {
  if (now - h.changed >= GROW_MS) return LONG_AGO;
  if ((data[arc * 4 + ARC_COUNTS.prev] ?? 0) <= 0) return h.changed;
  if (now - h.prevChanged < GROW_MS && (data[arc * 4 + ARC_COUNTS.prev2] ?? 0) <= 0) return h.prevChanged;
  return LONG_AGO;
}
