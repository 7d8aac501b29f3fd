/**
 * The arc layer's per-arc data, packed once per dataset into one RGBA32F texture, and the
 * mapping from a time window to the shader's uniforms. The texture holds each arc's cumulative
 * per-year counts, so the shader works out any window's count itself: a year change sets a few
 * uniforms and touches no per-arc data at all. Pure: tested in Node.
 *
 * Per arc slot, TEXELS_PER_ARC texels (16 floats), in one texture row:
 *   0–11  C[0..11]: links of the arc's pair among the first k timeline years (C[0] = 0)
 *   12    undated links (no single known year)
 *   13    category index (DOMESTIC_CATEGORY for domestic arcs)
 *   14    domestic flag
 *   15    length in Mercator units
 * Counts are exact in float32 up to 2^24 links per pair.
 */
import { YEAR_COUNT, type Aggregates, type YearWindow } from '../domain/aggregate.ts';
import { TIMELINE_FIRST_YEAR } from '../domain/dates.ts';
import { STATIC_STRIDE, type ArcBuffers } from './arc-buffer.ts';

/** How long an arc takes to grow from its Chinese end to its partner (ms). */
export const GROW_MS = 600;
/** A change time that is simply long past: nothing animates. */
export const LONG_AGO = -1e9;

/** Texels per row of the data textures; 2048 is WebGL2's guaranteed minimum MAX_TEXTURE_SIZE. */
export const DATA_TEXTURE_WIDTH = 2048;
export const TEXELS_PER_ARC = 4;
/** Floats per arc slot in the packed data. */
export const ARC_DATA_STRIDE = 4 * TEXELS_PER_ARC;
/** Float offsets inside an arc's slot. */
export const ARC_DATA = { undated: 12, category: 13, domestic: 14, length: 15 } as const;

if (YEAR_COUNT + 1 > ARC_DATA.undated) throw new Error(`the arc data texture holds 12 cumulative counts, the timeline needs ${YEAR_COUNT + 1}`);

export interface ArcData {
  /** rows × DATA_TEXTURE_WIDTH texels × 4 floats, ready for texImage2D. */
  data: Float32Array;
  rows: number;
}

/** Packs every arc slot's cumulative counts, undated count and static attributes. O(arcs), once per dataset. */
export function packArcData(aggregates: Pick<Aggregates, 'cumulative' | 'undated'>, buffers: Pick<ArcBuffers, 'pairOfArc' | 'staticData'>): ArcData {
  const arcs = buffers.pairOfArc.length;
  const rows = Math.max(1, Math.ceil((arcs * TEXELS_PER_ARC) / DATA_TEXTURE_WIDTH));
  const data = new Float32Array(rows * DATA_TEXTURE_WIDTH * 4);
  const stride = YEAR_COUNT + 1;
  for (let a = 0; a < arcs; a++) {
    const p = buffers.pairOfArc[a] as number;
    const o = a * ARC_DATA_STRIDE;
    data.set(aggregates.cumulative.subarray(p * stride, (p + 1) * stride), o);
    data[o + ARC_DATA.undated] = aggregates.undated[p] ?? 0;
    data[o + ARC_DATA.category] = buffers.staticData[a * STATIC_STRIDE] ?? 0;
    data[o + ARC_DATA.domestic] = buffers.staticData[a * STATIC_STRIDE + 1] ?? 0;
    data[o + ARC_DATA.length] = buffers.staticData[a * STATIC_STRIDE + 2] ?? 0;
  }
  return { data, rows };
}

/** A window as the shader reads it: count = C[hi] − C[lo] (when hi > lo) + undated × `undated`. */
export interface WindowUniforms {
  lo: number;
  hi: number;
  undated: 0 | 1;
}

/** The uniforms for a window of inclusive years; years outside the timeline are clamped to it. */
export function windowUniforms(w: YearWindow): WindowUniforms {
  const clamp = (k: number) => Math.max(0, Math.min(YEAR_COUNT, k));
  return { lo: clamp(w.from - TIMELINE_FIRST_YEAR), hi: clamp(w.to - TIMELINE_FIRST_YEAR + 1), undated: w.includeUndated ? 1 : 0 };
}

export function sameWindow(a: YearWindow, b: YearWindow): boolean {
  return a.from === b.from && a.to === b.to && a.includeUndated === b.includeUndated;
}

/**
 * Links in a window from packed cumulative counts: C[k] at `data[cumulative + k]`, the undated
 * count at `data[undated]`. The JS twin of GLSL_WINDOW_COUNT (gl-util.ts).
 */
export function packedWindowCount(data: ArrayLike<number>, cumulative: number, undated: number, u: WindowUniforms): number {
  const dated = u.hi > u.lo ? (data[cumulative + u.hi] ?? 0) - (data[cumulative + u.lo] ?? 0) : 0;
  return dated + (u.undated ? data[undated] ?? 0 : 0);
}

/** The arc shader's count for one arc slot, in JS over the packed data (the shader's reference, for tests). */
export function arcCountAt(data: ArrayLike<number>, arc: number, u: WindowUniforms): number {
  const o = arc * ARC_DATA_STRIDE;
  return packedWindowCount(data, o, o + ARC_DATA.undated, u);
}

/**
 * The windows the arc shader knows: the one shown, the one before and the one before that, and
 * when each change happened (ms, the layer's clock). An arc grows in from the change that took it
 * from 0 links to some; two steps of history let an arc that appeared one quick step ago finish
 * growing instead of jumping to full length.
 */
export interface WindowHistory {
  win: WindowUniforms;
  prev: WindowUniforms;
  prev2: WindowUniforms;
  /** When `prev` became `win`. */
  changed: number;
  /** When `prev2` became `prev`. */
  prevChanged: number;
}

/** The history after showing `win` at `now`; without `animate` (first view, reduced motion) nothing grows in. */
export function showWindow(h: WindowHistory | null, win: WindowUniforms, now: number, animate: boolean): WindowHistory {
  if (!animate || !h) return { win, prev: win, prev2: win, changed: LONG_AGO, prevChanged: LONG_AGO };
  return { win, prev: h.win, prev2: h.prev, changed: now, prevChanged: h.changed };
}

/** The arc shader's grow-in start for one arc slot, in JS (LONG_AGO: drawn in full). For tests. */
export function arcAppearTime(data: ArrayLike<number>, arc: number, h: WindowHistory, now: number): number {
  if (now - h.changed >= GROW_MS) return LONG_AGO;
  if (arcCountAt(data, arc, h.prev) <= 0) return h.changed;
  if (now - h.prevChanged < GROW_MS && arcCountAt(data, arc, h.prev2) <= 0) return h.prevChanged;
  return LONG_AGO;
}
