/**
 * What is under the pointer, worked out on the CPU in Mercator units: arcs against their
 * precomputed sample polylines (via a quadtree of segment midpoints), points by distance.
 * Pure (no map, no DOM), so the maths is tested in Node; the controller feeds it the pointer's
 * Mercator position and the world's size in pixels at the current zoom.
 */
import { quadtree, type Quadtree } from 'd3-quadtree';
import { ARC_SEGMENTS } from './arc-buffer.ts';

/** How near (CSS px) the pointer must come to a thin arc to pick it: about a fingertip's slack on a mouse. */
export const ARC_PICK_TOLERANCE = 6;

interface Segment {
  arc: number;
  seg: number;
  x: number;
  y: number;
}

export interface ArcPicker {
  tree: Quadtree<Segment>;
  samples: Float64Array;
  /** Half the longest segment (Mercator): a segment's midpoint is at most this far from any point on it. */
  reach: number;
}

/** Indexes every segment of every arc once per dataset. */
export function buildArcPicker(samples: Float64Array): ArcPicker {
  const per = 2 * (ARC_SEGMENTS + 1);
  const arcs = samples.length / per;
  const segments: Segment[] = [];
  let reach = 0;
  for (let a = 0; a < arcs; a++) {
    for (let s = 0; s < ARC_SEGMENTS; s++) {
      const o = a * per + 2 * s;
      const x0 = samples[o] as number, y0 = samples[o + 1] as number, x1 = samples[o + 2] as number, y1 = samples[o + 3] as number;
      segments.push({ arc: a, seg: s, x: (x0 + x1) / 2, y: (y0 + y1) / 2 });
      reach = Math.max(reach, Math.hypot(x1 - x0, y1 - y0) / 2);
    }
  }
  const tree = quadtree<Segment>().x((d) => d.x).y((d) => d.y).addAll(segments);
  return { tree, samples, reach };
}

/** Distance from (px, py) to the segment (x0, y0)–(x1, y1). */
export function segmentDistance(px: number, py: number, x0: number, y0: number, x1: number, y1: number): number {
  const dx = x1 - x0, dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2));
  return Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
}

/**
 * The nearest drawn arc within reach of the pointer, or -1. `width[arc]` is its width in CSS px
 * (0 = not drawn in this window, never picked); a wide arc is picked anywhere on its body.
 * `wraps` lists the world copies to try (Mercator x offsets), since arcs are unwrapped.
 */
export function pickArc(
  picker: ArcPicker, mx: number, my: number, worldPx: number, width: ArrayLike<number>,
  wraps: readonly number[] = [0, -1, 1],
): number {
  const per = 2 * (ARC_SEGMENTS + 1);
  let best = -1;
  let bestDist = Infinity;
  const maxTolPx = ARC_PICK_TOLERANCE + 12;
  for (const wrap of wraps) {
    const px = mx - wrap;
    const r = maxTolPx / worldPx + picker.reach;
    picker.tree.visit((node, x0, y0, x1, y1) => {
      if (x0 > px + r || x1 < px - r || y0 > my + r || y1 < my - r) return true;
      if (node.length) return false;
      for (let leaf: typeof node | undefined = node; leaf; leaf = leaf.next) {
        const d = leaf.data;
        const w = width[d.arc] ?? 0;
        if (w <= 0) continue;
        const o = d.arc * per + 2 * d.seg;
        const distPx = worldPx * segmentDistance(px, my, picker.samples[o] as number, picker.samples[o + 1] as number,
          picker.samples[o + 2] as number, picker.samples[o + 3] as number);
        const tol = Math.max(ARC_PICK_TOLERANCE, w / 2 + 2);
        if (distPx <= tol && distPx < bestDist) {
          bestDist = distPx;
          best = d.arc;
        }
      }
      return false;
    });
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
