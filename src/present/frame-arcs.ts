/**
 * A camera that holds every drawn arc. Arcs are polylines in Web Mercator units with unwrapped x
 * (an arc across the Pacific runs past x = 1), and the map repeats the world sideways, so the
 * frame is a window on a circle: each arc may be seen in any world copy. The narrowest window
 * that holds one copy of every arc starts at some arc's west end; sorting those ends makes
 * finding it O(n log n). Pure: tested in Node.
 */
import { latOfY, lonOfX, TILE_SIZE } from '../map/mercator.ts';

/** A box in Mercator units (0–1 per world); `west` may be below 0 and `east` above 1. */
export interface MercatorBox {
  west: number;
  east: number;
  north: number;
  south: number;
}

/** One arc's extent: its west and east x (unwrapped) and its top and bottom y. */
interface Extent {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** The extent of each listed arc, from `samples` (`pointsPerArc` x,y pairs per arc slot). */
export function arcExtents(samples: ArrayLike<number>, pointsPerArc: number, arcs: Iterable<number>): Extent[] {
  const out: Extent[] = [];
  for (const arc of arcs) {
    let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    const base = arc * 2 * pointsPerArc;
    for (let i = 0; i < pointsPerArc; i++) {
      const x = samples[base + 2 * i] as number, y = samples[base + 2 * i + 1] as number;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    if (x0 <= x1) out.push({ x0, x1, y0, y1 });
  }
  return out;
}

/**
 * The narrowest box that holds one world copy of every arc, or null for none. West is in [0, 1);
 * an arc that falls west of it is counted one world east (where the map draws it too).
 */
export function boxHoldingArcs(extents: readonly Extent[]): MercatorBox | null {
  if (!extents.length) return null;
  // Each arc's west end wrapped into [0, 1), and its width; sorted by the wrapped west end.
  const arcs = extents.map((e) => {
    const a = e.x0 - Math.floor(e.x0);
    return { a, end: a + (e.x1 - e.x0) };
  }).sort((p, q) => p.a - q.a);
  const n = arcs.length;
  // suffix[i]: the furthest east end among arcs i…n-1; prefix[i]: among 0…i-1, each moved one world east.
  const suffix = new Float64Array(n + 1).fill(-Infinity);
  for (let i = n - 1; i >= 0; i--) suffix[i] = Math.max(suffix[i + 1] as number, (arcs[i] as { end: number }).end);
  let best = Infinity, west = 0;
  let prefix = -Infinity;
  for (let i = 0; i < n; i++) {
    const a = (arcs[i] as { a: number }).a;
    const width = Math.max(suffix[i] as number, prefix) - a;
    if (width < best) { best = width; west = a; }
    prefix = Math.max(prefix, (arcs[i] as { end: number }).end + 1);
  }
  let north = Infinity, south = -Infinity;
  for (const e of extents) {
    north = Math.min(north, e.y0);
    south = Math.max(south, e.y1);
  }
  return { west, east: west + best, north, south };
}

export interface FramedCamera {
  /** [lon, lat]; lon may be past ±180 (the map wraps it). */
  center: [number, number];
  zoom: number;
}

/**
 * The camera that shows `box` whole in a `width` × `height` px view with `padding` px kept clear
 * on every side (arc widths and arrowheads reach a few px past the centre line), no closer than `maxZoom`.
 */
export function cameraForBox(box: MercatorBox, width: number, height: number, padding: number | { top: number; right: number; bottom: number; left: number }, maxZoom = 5): FramedCamera {
  const p = typeof padding === 'number' ? { top: padding, right: padding, bottom: padding, left: padding } : padding;
  const w = Math.max(1, width - p.left - p.right), h = Math.max(1, height - p.top - p.bottom);
  const dx = Math.max(1e-6, box.east - box.west), dy = Math.max(1e-6, box.south - box.north);
  const zoom = Math.max(0, Math.min(maxZoom, Math.log2(Math.min(w / (dx * TILE_SIZE), h / (dy * TILE_SIZE)))));
  const world = TILE_SIZE * 2 ** zoom;
  // The box's centre, moved so the padded area (not the whole view) is centred on it.
  const cx = (box.west + box.east) / 2 + (p.right - p.left) / 2 / world;
  const cy = (box.north + box.south) / 2 + (p.bottom - p.top) / 2 / world;
  return { center: [lonOfX(cx), latOfY(cy)], zoom };
}
