/**
 * What is under the pointer, worked out on the CPU in Mercator units: arcs against their
 * precomputed sample polylines, points by distance. Arcs' segments sit in a uniform grid (built
 * with two passes over typed arrays: ~1M segments in tens of ms, where a quadtree of objects
 * took over a second). Pure (no map, no DOM), so the maths is tested in Node; the controller
 * feeds it the pointer's Mercator position and the world's size in pixels at the current zoom.
 */
import { ARC_SEGMENTS } from './arc-buffer.ts';

/** How near (CSS px) the pointer must come to a thin arc to pick it: a fingertip's slack on a mouse. */
export const ARC_PICK_TOLERANCE = 6;
/** Grid cells per Mercator unit: about 4° of longitude a cell. */
const CELLS_PER_UNIT = 96;
/** Widest pick distance (px) for the widest arc, so a query knows how far to look. */
const MAX_PICK_PX = ARC_PICK_TOLERANCE + 12;

export interface ArcPicker {
  samples: Float64Array;
  x0: number;
  y0: number;
  cols: number;
  rows: number;
  /** CSR layout: segments of cell c are `items[start[c] .. start[c + 1])`, as arc * ARC_SEGMENTS + seg. */
  start: Int32Array;
  items: Int32Array;
}

/** Indexes every segment of every arc once per dataset. */
export function buildArcPicker(samples: Float64Array): ArcPicker {
  const per = 2 * (ARC_SEGMENTS + 1);
  const arcs = samples.length / per;
  let xMin = 0, xMax = 1;
  for (let i = 0; i < samples.length; i += 2) {
    xMin = Math.min(xMin, samples[i] as number);
    xMax = Math.max(xMax, samples[i] as number);
  }
  const x0 = Math.floor(xMin * CELLS_PER_UNIT) / CELLS_PER_UNIT, y0 = 0;
  const cols = Math.ceil((xMax - x0) * CELLS_PER_UNIT) + 1, rows = CELLS_PER_UNIT + 1;
  const cell = (v: number, origin: number, n: number) => Math.max(0, Math.min(n - 1, Math.floor((v - origin) * CELLS_PER_UNIT)));
  // Pass 1 counts each cell's segments, pass 2 fills them; a segment goes in every cell its box touches.
  const start = new Int32Array(cols * rows + 1);
  const visit = (fn: (c: number, item: number) => void) => {
    for (let a = 0; a < arcs; a++) {
      for (let s = 0; s < ARC_SEGMENTS; s++) {
        const o = a * per + 2 * s;
        const xa = samples[o] as number, ya = samples[o + 1] as number, xb = samples[o + 2] as number, yb = samples[o + 3] as number;
        const c0 = cell(Math.min(xa, xb), x0, cols), c1 = cell(Math.max(xa, xb), x0, cols);
        const r0 = cell(Math.min(ya, yb), y0, rows), r1 = cell(Math.max(ya, yb), y0, rows);
        for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) fn(r * cols + c, a * ARC_SEGMENTS + s);
      }
    }
  };
  visit((c) => { start[c + 1]! += 1; });
  for (let c = 0; c < cols * rows; c++) start[c + 1]! += start[c] as number;
  const items = new Int32Array(start[cols * rows] as number);
  const fill = start.slice(0, cols * rows);
  visit((c, item) => { items[fill[c]!++] = item; });
  return { samples, x0, y0, cols, rows, start, items };
}

/** Distance from (px, py) to the segment (x0, y0)–(x1, y1). */
export function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0, dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/**
 * The nearest drawn arc within reach of the pointer, or -1. `widthOf(arc)` is its width in CSS px
 * (0 = not drawn in this window, never picked), asked only for arcs with a segment near the
 * pointer, so the window's counts are never worked out for all arcs; a wide arc is picked
 * anywhere on its body. `wraps` lists the world copies to try (Mercator x offsets), since arcs
 * are unwrapped. `tolerance` (CSS px) is the slack around a thin arc; 0 picks only its drawn body.
 */
export function pickArc(
  picker: ArcPicker, mx: number, my: number, worldPx: number, widthOf: (arc: number) => number,
  wraps: readonly number[] = [0, -1, 1], tolerance = ARC_PICK_TOLERANCE,
): number {
  const per = 2 * (ARC_SEGMENTS + 1);
  const { samples, x0, y0, cols, rows, start, items } = picker;
  const r = MAX_PICK_PX / worldPx;
  let best = -1;
  let bestDist = Infinity;
  for (const wrap of wraps) {
    const px = mx - wrap;
    const c0 = Math.max(0, Math.floor((px - r - x0) * CELLS_PER_UNIT)), c1 = Math.min(cols - 1, Math.floor((px + r - x0) * CELLS_PER_UNIT));
    const r0 = Math.max(0, Math.floor((my - r - y0) * CELLS_PER_UNIT)), r1 = Math.min(rows - 1, Math.floor((my + r - y0) * CELLS_PER_UNIT));
    for (let row = r0; row <= r1; row++) {
      for (let col = c0; col <= c1; col++) {
        const c = row * cols + col;
        for (let k = start[c] as number; k < (start[c + 1] as number); k++) {
          const item = items[k] as number;
          const arc = Math.floor(item / ARC_SEGMENTS);
          const w = widthOf(arc);
          if (w <= 0) continue;
          const o = arc * per + 2 * (item % ARC_SEGMENTS);
          const distPx = worldPx * segmentDistance(px, my, samples[o] as number, samples[o + 1] as number, samples[o + 2] as number, samples[o + 3] as number);
          if (distPx <= Math.max(tolerance, w / 2 + Math.min(2, tolerance)) && distPx < bestDist) {
            bestDist = distPx;
            best = arc;
          }
        }
      }
    }
  }
  return best;
}

/**
 * The nearest point whose disc (radius in CSS px, plus `slack`) holds the pointer, or -1.
 * `xy` holds Mercator x, y per point; a radius of 0 means "not drawn now".
 */
export function pickPoint(
  xy: Float64Array, radius: ArrayLike<number>, mx: number, my: number, worldPx: number, slack = 3,
  wraps: readonly number[] = [0, -1, 1],
): number {
  let best = -1;
  let bestDist = Infinity;
  for (let i = 0; i < xy.length / 2; i++) {
    const r = radius[i] ?? 0;
    if (r <= 0) continue;
    for (const wrap of wraps) {
      const d = worldPx * Math.hypot(mx - wrap - (xy[2 * i] as number), my - (xy[2 * i + 1] as number));
      if (d <= r + slack && d < bestDist) {
        bestDist = d;
        best = i;
      }
    }
  }
  return best;
}
