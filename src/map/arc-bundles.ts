/**
 * Arc bundles: a level of detail for datasets of many arcs, seen zoomed out. Arcs whose two ends
 * each lie within BUNDLE_TOLERANCE_PX of one place at the widest zoom the bundles are drawn at
 * (BUNDLE_MAX_WORLD_PX) would be drawn on top of one another, within a pixel or two; a bundle
 * draws them once, as its widest member. Without a GPU (SwiftShader) every arc drawn costs CPU
 * time in every frame, so at 40,000 arcs (a million links) a year step drew for seconds on both
 * cores of the bench machine; bundled, the same view draws about a thousand.
 *
 * What a bundle shows, in each window: the look of its widest member (solid with its certain
 * count if any member has a certain link, else faint with its other count) in that member's
 * colour; highlighted if a highlighted member is drawn, and then drawn as its widest highlighted
 * member; grown in only if nothing was drawn there before. Folded straight from the per-pair
 * tallies, in the frame that draws the bundles (foldBundles). Picking,
 * the tooltip and the camera keep using every arc's own line (arc-buffer.ts): at the zooms
 * bundles are drawn, each lies within the tolerance of its bundle.
 *
 * Pure: tested in Node.
 */
import type { Pair } from '../domain/aggregate.ts';
import { buildArcBuffers, type ArcBuffers, type ArcEnds } from './arc-buffer.ts';
import { ARC_COUNTS, ARC_STATIC, packArcStatic, type ArcData, type CountsHistory } from './arc-data.ts';
import type { ShownTallies } from './window-tally.ts';
import { mercatorX, mercatorY } from './mercator.ts';

/** Bundles are built only above this many arcs: below it every arc is drawn as itself at every zoom. */
export const BUNDLE_ABOVE_ARCS = 4000;
/** Bundles are drawn while the world is at most this many CSS px wide (zoom ≈ 1.64: a laptop's first view). */
export const BUNDLE_MAX_WORLD_PX = 1600;
/** How far (CSS px, at BUNDLE_MAX_WORLD_PX) an arc's end may lie from its bundle's. */
export const BUNDLE_TOLERANCE_PX = 1.5;
/** That tolerance in Mercator units (the world is 1 wide). */
export const BUNDLE_TOLERANCE = BUNDLE_TOLERANCE_PX / BUNDLE_MAX_WORLD_PX;

type LonLat = [number, number];

/**
 * Greedy clustering of points (Mercator distance): the point with the most `weight` not yet taken
 * becomes a centre and takes every free point within `radius` of it; and so on. Every point is
 * within `radius` of its centre, which is one of the points. Returns each point's centre index.
 */
export function clusterPoints(points: readonly (readonly [number, number])[], weight: ArrayLike<number>, radius: number): Int32Array {
  const n = points.length;
  const xs = new Float64Array(n), ys = new Float64Array(n);
  points.forEach(([lon, lat], i) => { xs[i] = mercatorX(lon); ys[i] = mercatorY(lat); });
  // A grid of cells `radius` wide: a point's neighbours within radius are in its 3 × 3 cells.
  const cellKey = (cx: number, cy: number) => `${cx},${cy}`;
  const cells = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const k = cellKey(Math.floor((xs[i] as number) / radius), Math.floor((ys[i] as number) / radius));
    const list = cells.get(k);
    if (list) list.push(i);
    else cells.set(k, [i]);
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => (weight[b] ?? 0) - (weight[a] ?? 0) || a - b);
  const centre = new Int32Array(n).fill(-1);
  for (const c of order) {
    if (centre[c] !== -1) continue;
    centre[c] = c;
    const cx = Math.floor((xs[c] as number) / radius), cy = Math.floor((ys[c] as number) / radius);
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        for (const j of cells.get(cellKey(cx + dx, cy + dy)) ?? []) {
          if (centre[j] === -1 && Math.hypot((xs[j] as number) - (xs[c] as number), (ys[j] as number) - (ys[c] as number)) <= radius) centre[j] = c;
        }
      }
    }
  }
  return centre;
}

export interface ArcBundles {
  /** The bundles' own geometry; its "pairs" are bundle indexes (`pairOfArc[slot]` is a bundle). */
  buffers: ArcBuffers;
  /** Per arc slot of the arcs drawn one by one: the bundle's slot in `buffers`, or -1 (drawn only one by one). */
  slotOfArc: Int32Array;
  /** Static data per bundle slot, as packArcStatic packs it; the category is rewritten by foldBundles. */
  statics: ArcData;
  /** The members of bundle slot s: arc slots `members[memberStart[s] … memberStart[s + 1])`, in draw order. */
  memberStart: Uint32Array;
  members: Uint32Array;
}

/**
 * Bundles the drawable arcs of `arcs` (laid out from `pairs`), or null when there are too few to
 * need it (BUNDLE_ABOVE_ARCS) or bundling would not draw fewer. `weight`: per pair, its all-time
 * count (the draw order: a bundle is placed as its widest member). Domestic and foreign arcs are
 * never bundled together (they are drawn in another colour). O(arcs), once per dataset.
 */
export function bundleArcs(pairs: readonly Pair[], arcs: ArcBuffers, weight: ArrayLike<number>, above = BUNDLE_ABOVE_ARCS): ArcBundles | null {
  const n = arcs.pairOfArc.length;
  if (n <= above) return null;
  // Every distinct end, weighted by the arcs that touch it, so busy places become centres.
  const pointOf = new Map<string, number>();
  const points: LonLat[] = [];
  const touches: number[] = [];
  const point = (p: LonLat) => {
    const k = `${p[0]},${p[1]}`;
    let i = pointOf.get(k);
    if (i === undefined) {
      i = points.length;
      pointOf.set(k, i);
      points.push(p);
      touches.push(0);
    }
    touches[i] = (touches[i] as number) + 1;
    return i;
  };
  const ends = new Int32Array(2 * n);
  for (let a = 0; a < n; a++) {
    const pair = pairs[arcs.pairOfArc[a] as number] as Pair;
    ends[2 * a] = point(pair.from);
    ends[2 * a + 1] = point(pair.to as LonLat);
  }
  const centre = clusterPoints(points, touches, BUNDLE_TOLERANCE);
  // One bundle per (centre of the Chinese end, centre of the partner end, domestic or not).
  const bundleOf = new Map<string, number>();
  const ends2: ArcEnds[] = [];
  const bundleWeight: number[] = [];
  const bundleOfArc = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const pair = pairs[arcs.pairOfArc[a] as number] as Pair;
    const from = centre[ends[2 * a] as number] as number, to = centre[ends[2 * a + 1] as number] as number;
    const domestic = pair.partnerKind === 'domestic';
    const k = `${from}>${to}${domestic ? 'd' : ''}`;
    let b = bundleOf.get(k);
    if (b === undefined) {
      b = ends2.length;
      bundleOf.set(k, b);
      ends2.push({ index: b, from: points[from] as LonLat, to: points[to] as LonLat, partnerKind: pair.partnerKind, dominantType: pair.dominantType });
      bundleWeight.push(0);
    }
    bundleOfArc[a] = b;
    bundleWeight[b] = Math.max(bundleWeight[b] as number, weight[pair.index] ?? 0);
  }
  if (ends2.length >= n) return null;
  // Drawn only zoomed out, where 16 chords stray from the curve by well under a pixel.
  const buffers = buildArcBuffers(ends2, bundleWeight, 2);
  const slotOfArc = new Int32Array(n);
  for (let a = 0; a < n; a++) slotOfArc[a] = buffers.arcOfPair[bundleOfArc[a] as number] as number;
  const slots = buffers.pairOfArc.length;
  const memberStart = new Uint32Array(slots + 1);
  for (let a = 0; a < n; a++) {
    const s = slotOfArc[a] as number;
    if (s >= 0) memberStart[s + 1] = (memberStart[s + 1] as number) + 1;
  }
  for (let s = 0; s < slots; s++) memberStart[s + 1] = (memberStart[s + 1] as number) + (memberStart[s] as number);
  const fill = memberStart.slice(0, slots);
  const members = new Uint32Array(memberStart[slots] as number);
  for (let a = 0; a < n; a++) {
    const s = slotOfArc[a] as number;
    if (s < 0) continue;
    members[fill[s] as number] = a;
    fill[s] = (fill[s] as number) + 1;
  }
  return { buffers, slotOfArc, statics: packArcStatic(buffers), memberStart, members };
}

/** Whether an arc of `c` certain and `o` other links is drawn wider than one of `bc` and `bo` (arcLook: certain counts set the width first). */
const wider = (c: number, o: number, bc: number, bo: number): boolean => (c > 0 ? c > bc : bc === 0 && o > bo);

/**
 * The bundles' counts (arc-data.ts layout), highlight and colour for the window shown, straight
 * from the per-pair tallies (`pairs`; `pairOfArc`, `arcStatic` and `arcHighlight` are those of
 * the arcs drawn one by one). Each bundle takes the look of its widest member now (a member with
 * a certain link beats one without; then the larger count; then the earlier arc, which has more
 * links in all) and that member's category. A bundle with a highlighted member drawn now is
 * highlighted and drawn as its widest highlighted member, so a selected arc's bundle is drawn as
 * that arc; one whose highlighted members have nothing in the window is drawn as its other
 * members, not highlighted. The history (`rotate`) keeps each bundle's own drawn counts, so a
 * bundle grows in only where nothing was drawn before. `out`, `outHighlight` and the bundles'
 * static categories are rewritten in place; returns whether the categories or the highlight
 * changed (what must be uploaded again). `arcHighlight` is null when no arc is highlighted (most
 * steps): the members' loop, which runs over every arc of a large dataset in every step, then
 * reads no highlight at all. O(arcs), no allocation.
 */
export function foldBundles(
  pairs: ShownTallies, pairOfArc: Int32Array, arcStatic: Float32Array, arcHighlight: Uint8Array | null, b: ArcBundles,
  out: Float32Array, outHighlight: Uint8Array, history: CountsHistory,
): { statics: boolean; highlight: boolean } {
  const { certain, other } = pairs;
  const st = b.statics.data;
  const { memberStart, members } = b;
  const rotate = history === 'rotate', settle = history === 'settle';
  let staticsChanged = false, highlightChanged = false;
  const slots = memberStart.length - 1;
  for (let s = 0; s < slots; s++) {
    let bc = 0, bo = 0, ba = -1, hc = 0, ho = 0, ha = -1;
    const end = memberStart[s + 1] as number;
    for (let j = memberStart[s] as number; j < end; j++) {
      const a = members[j] as number;
      const p = pairOfArc[a] as number;
      const c = certain[p] as number;
      // wider(), inlined: a certain count beats any count without one, then the larger count.
      if (c > 0) {
        if (c > bc) { bc = c; bo = other[p] as number; ba = a; }
      } else if (bc === 0) {
        const o = other[p] as number;
        if (o > bo) { bo = o; ba = a; }
      }
      if (arcHighlight && (arcHighlight[a] as number) > 0) {
        const o = other[p] as number;
        if (wider(c, o, hc, ho)) { hc = c; ho = o; ha = a; }
      }
    }
    const lit = ha >= 0;
    const c = lit ? hc : bc, o = lit ? ho : bo, a = lit ? ha : ba;
    const so = s * 4;
    if (rotate) {
      out[so + ARC_COUNTS.prev2] = out[so + ARC_COUNTS.prev] as number;
      out[so + ARC_COUNTS.prev] = (out[so + ARC_COUNTS.certain] as number) + (out[so + ARC_COUNTS.other] as number);
    }
    out[so + ARC_COUNTS.certain] = c;
    out[so + ARC_COUNTS.other] = o;
    if (settle) {
      out[so + ARC_COUNTS.prev] = c + o;
      out[so + ARC_COUNTS.prev2] = c + o;
    }
    if (a >= 0) {
      const category = arcStatic[a * 4 + ARC_STATIC.category] as number;
      if (st[so + ARC_STATIC.category] !== category) { st[so + ARC_STATIC.category] = category; staticsChanged = true; }
    }
    const h = lit ? 255 : 0;
    if (outHighlight[s] !== h) { outHighlight[s] = h; highlightChanged = true; }
  }
  return { statics: staticsChanged, highlight: highlightChanged };
}
