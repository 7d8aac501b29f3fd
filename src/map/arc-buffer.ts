/**
 * Builds the arc layer's GPU data once per dataset: every pair with a place at both ends becomes
 * one triangle strip (the body, extruded to its width in the vertex shader) plus one arrowhead
 * triangle, all joined by degenerate triangles into a single draw call. Nothing here depends on
 * the time window: a year change only sets the arc layer's window uniforms (arc-data.ts).
 */
import { greatCircleInto } from '../domain/arc-geometry.ts';
import type { Pair } from '../domain/aggregate.ts';
import { CATEGORY_OF_TYPE, CATEGORIES } from '../domain/categories.ts';
import { mercatorX, mercatorY } from './mercator.ts';

/** Segments per arc: smooth at world zoom, and 66 vertices keep 100k arcs within GPU memory. */
export const ARC_SEGMENTS = 32;
/** Sideways bow as a share of the chord, so arcs between the same two places in opposite directions part. */
export const ARC_BOW = 0.12;

/**
 * One vertex, interleaved (20 bytes):
 *  0  pos    float32×2  Mercator x, y (x unwrapped, may leave 0–1)
 *  8  tan    int16×2    unit tangent along the arc, normalised
 * 12  t      uint16     position along the arc by length, 0 at the Chinese end, 1 at the partner
 * 14  side   int8       -1 / +1 edges of the body or arrowhead base; 0 the arrow tip
 * 15  role   int8       0 body, 1 arrowhead
 * 16  arc    uint32     arc slot: the texel of its per-arc data
 */
export const VERTEX_BYTES = 20;
/** Vertices of one arc drawn with every `step`-th sample: body + head (3) + two degenerate joins between them + two to the next arc. */
export const verticesPerArc = (step = 1) => 2 * (ARC_SEGMENTS / step + 1) + 3 + 4;
/** Vertices of one arc drawn with every sample. */
export const VERTICES_PER_ARC = verticesPerArc(1);
/**
 * Above this many arcs, each is drawn with every other sample (16 segments): the arcs' vertex
 * work is most of a frame's cost without a GPU (SwiftShader: 34,000 arcs took 4 s a frame with 32
 * segments), and a body of 16 chords strays from the 32-chord curve by well under a pixel at
 * world zoom. Picking and framing keep using all 33 samples.
 */
export const FEWER_SEGMENTS_ABOVE_ARCS = 4000;
/** Per-arc static data, 4 floats: category index, domestic flag, Mercator length, unused. */
export const STATIC_STRIDE = 4;
/** Category index the shader draws in the neutral "domestic" colour. */
export const DOMESTIC_CATEGORY = CATEGORIES.length;

export interface ArcBuffers {
  vertices: ArrayBuffer;
  vertexCount: number;
  /** Drawn arcs in draw order; `pairOfArc[slot]` is the pair. */
  pairOfArc: Int32Array;
  /** Per pair: its arc slot, or -1 when it has no place at one end (or both ends coincide). */
  arcOfPair: Int32Array;
  staticData: Float32Array;
  /** `(ARC_SEGMENTS + 1)` Mercator points per arc slot, for picking. */
  samples: Float64Array;
  /** Mercator x extent of all arcs (unwrapped), to know which world copies to draw. */
  xMin: number;
  xMax: number;
}

/** What the layout needs of a pair (or of a bundle of pairs: arc-bundles.ts). */
export type ArcEnds = Pick<Pair, 'index' | 'from' | 'to' | 'partnerKind' | 'dominantType'>;

/** The bowed great circle of one pair in Mercator units: ARC_SEGMENTS + 1 points, or null if degenerate. */
export function arcPolyline(from: readonly [number, number], to: readonly [number, number]): Float64Array | null {
  const out = new Float64Array(2 * (ARC_SEGMENTS + 1));
  return arcPolylineInto(from, to, out, 0) ? out : null;
}

/**
 * arcPolyline's points into `out` from index `at`, allocating nothing; false (and the points
 * left unbowed) when both ends coincide.
 */
export function arcPolylineInto(from: readonly [number, number], to: readonly [number, number], out: Float64Array, at: number): boolean {
  greatCircleInto(from, to, ARC_SEGMENTS, out, at);
  for (let i = 0; i <= ARC_SEGMENTS; i++) {
    out[at + 2 * i] = mercatorX(out[at + 2 * i] as number);
    out[at + 2 * i + 1] = mercatorY(out[at + 2 * i + 1] as number);
  }
  const x0 = out[at] as number, y0 = out[at + 1] as number;
  const dx = (out[at + 2 * ARC_SEGMENTS] as number) - x0;
  const dy = (out[at + 2 * ARC_SEGMENTS + 1] as number) - y0;
  const chord = Math.hypot(dx, dy);
  if (chord < 1e-9) return false;
  // Bow to the right of the direction of travel (screen y points down): a consistent, clockwise
  // bend, so A→B and B→A never overlap and the bend itself hints at the direction.
  const nx = -dy / chord, ny = dx / chord;
  for (let i = 1; i < ARC_SEGMENTS; i++) {
    const s = i / ARC_SEGMENTS;
    const lift = ARC_BOW * chord * 4 * s * (1 - s);
    out[at + 2 * i] = (out[at + 2 * i] as number) - nx * lift;
    // Never above the top of the world (or below its bottom): the map cannot show past Mercator's
    // limit, so a bow there (an arc between nearly opposite points, as China–Argentina, runs over
    // the pole) would leave every frame; it runs along the edge instead.
    out[at + 2 * i + 1] = Math.min(1, Math.max(0, (out[at + 2 * i + 1] as number) - ny * lift));
  }
  return true;
}

/**
 * Lays out every drawable pair. `order` (e.g. all-time count, descending) decides the draw
 * order: the widest arcs go first, so thin ones stay visible on top; domestic arcs last.
 */
export function buildArcBuffers(pairs: readonly ArcEnds[], weight: ArrayLike<number>, step?: 1 | 2): ArcBuffers {
  // Which pairs can be drawn (a place at both ends, apart), worked out in one scratch line:
  // tens of thousands of arcs, and not one small array or buffer each for the next full collection.
  const scratch = new Float64Array(2 * (ARC_SEGMENTS + 1));
  const drawable: ArcEnds[] = [];
  for (const pair of pairs) {
    if (pair.to && arcPolylineInto(pair.from, pair.to, scratch, 0)) drawable.push(pair);
  }
  drawable.sort((a, b) => {
    const da = a.partnerKind === 'domestic' ? 1 : 0, db = b.partnerKind === 'domestic' ? 1 : 0;
    return da - db || (weight[b.index] ?? 0) - (weight[a.index] ?? 0) || a.index - b.index;
  });

  const n = drawable.length;
  const every = step ?? (n > FEWER_SEGMENTS_ABOVE_ARCS ? 2 : 1);
  const perArc = verticesPerArc(every);
  const vertexCount = n * perArc;
  const vertices = new ArrayBuffer(vertexCount * VERTEX_BYTES);
  // Typed views in the platform's byte order, which is the order WebGL reads (DataView is ~3× slower).
  const f32 = new Float32Array(vertices), i16 = new Int16Array(vertices), u16 = new Uint16Array(vertices);
  const i8 = new Int8Array(vertices), u32 = new Uint32Array(vertices);
  const W = VERTEX_BYTES / 4, H = VERTEX_BYTES / 2;
  const pairOfArc = new Int32Array(n);
  const arcOfPair = new Int32Array(pairs.length).fill(-1);
  const staticData = new Float32Array(n * STATIC_STRIDE);
  const samples = new Float64Array(n * 2 * (ARC_SEGMENTS + 1));
  const cum = new Float64Array(ARC_SEGMENTS + 1);
  let xMin = Infinity, xMax = -Infinity;
  let v = 0;
  const put = (x: number, y: number, tx: number, ty: number, t: number, side: number, role: number, arc: number) => {
    f32[v * W] = x;
    f32[v * W + 1] = y;
    i16[v * H + 4] = Math.round(tx * 32767);
    i16[v * H + 5] = Math.round(ty * 32767);
    u16[v * H + 6] = Math.round(t * 65535);
    i8[v * VERTEX_BYTES + 14] = side;
    i8[v * VERTEX_BYTES + 15] = role;
    u32[v * W + 4] = arc;
    v++;
  };
  const copyLast = () => {
    u32.copyWithin(v * W, (v - 1) * W, v * W);
    v++;
  };
  // The tangent at a sample, into `tan` (a double kept in a closure would be boxed at each write).
  const tan = new Float64Array(2);
  const tangent = (at: number, i: number) => {
    const a = at + 2 * Math.max(0, i - 1), b = at + 2 * Math.min(ARC_SEGMENTS, i + 1);
    const dx = (samples[b] as number) - (samples[a] as number), dy = (samples[b + 1] as number) - (samples[a + 1] as number);
    const d = Math.hypot(dx, dy) || 1;
    tan[0] = dx / d;
    tan[1] = dy / d;
  };

  for (let arc = 0; arc < n; arc++) {
    const pair = drawable[arc]!;
    pairOfArc[arc] = pair.index;
    arcOfPair[pair.index] = arc;
    // The line is laid out again, in its place among the samples (cheaper than keeping every one).
    const at = arc * 2 * (ARC_SEGMENTS + 1);
    arcPolylineInto(pair.from, pair.to!, samples, at);
    // Cumulative length gives t, so the fade, the dashes and the grow-in animation run evenly.
    for (let i = 1; i <= ARC_SEGMENTS; i++) {
      const p = at + 2 * i;
      cum[i] = (cum[i - 1] as number) + Math.hypot((samples[p] as number) - (samples[p - 2] as number), (samples[p + 1] as number) - (samples[p - 1] as number));
    }
    const length = cum[ARC_SEGMENTS] as number;
    const domestic = pair.partnerKind === 'domestic';
    staticData[arc * STATIC_STRIDE] = domestic ? DOMESTIC_CATEGORY : CATEGORIES.indexOf(CATEGORY_OF_TYPE[pair.dominantType]);
    staticData[arc * STATIC_STRIDE + 1] = domestic ? 1 : 0;
    staticData[arc * STATIC_STRIDE + 2] = length;

    const first = v;
    for (let i = 0; i <= ARC_SEGMENTS; i += every) {
      const x = samples[at + 2 * i] as number, y = samples[at + 2 * i + 1] as number;
      if (x < xMin) xMin = x;
      if (x > xMax) xMax = x;
      tangent(at, i);
      const t = (cum[i] as number) / length;
      if (i === 0) put(x, y, tan[0]!, tan[1]!, t, -1, 0, arc); // the join into this arc
      put(x, y, tan[0]!, tan[1]!, t, -1, 0, arc);
      put(x, y, tan[0]!, tan[1]!, t, 1, 0, arc);
    }
    copyLast();
    // Arrowhead at the partner end, shaped in pixels by the shader.
    const ex = samples[at + 2 * ARC_SEGMENTS] as number, ey = samples[at + 2 * ARC_SEGMENTS + 1] as number;
    tangent(at, ARC_SEGMENTS);
    put(ex, ey, tan[0]!, tan[1]!, 1, -1, 1, arc);
    put(ex, ey, tan[0]!, tan[1]!, 1, -1, 1, arc);
    put(ex, ey, tan[0]!, tan[1]!, 1, 1, 1, arc);
    put(ex, ey, tan[0]!, tan[1]!, 1, 0, 1, arc);
    copyLast(); // the join out of this arc
    if (v - first !== perArc) throw new Error(`arc ${arc}: ${v - first} vertices, expected ${perArc}`);
  }
  return { vertices, vertexCount, pairOfArc, arcOfPair, staticData, samples, xMin: n ? xMin : 0, xMax: n ? xMax : 1 };
}
