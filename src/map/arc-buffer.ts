/**
 * Builds the arc layer's GPU data once per dataset: every pair with a place at both ends becomes
 * one triangle strip (the body, extruded to its width in the vertex shader) plus one arrowhead
 * triangle, all joined by degenerate triangles into a single draw call. Nothing here depends on
 * the time window: a year change only sets the arc layer's window uniforms (arc-data.ts).
 */
import { greatCircle } from '../domain/arc-geometry.ts';
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

/** The bowed great circle of one pair in Mercator units: ARC_SEGMENTS + 1 points, or null if degenerate. */
export function arcPolyline(from: readonly [number, number], to: readonly [number, number]): Float64Array | null {
  const ll = greatCircle([from[0], from[1]], [to[0], to[1]], ARC_SEGMENTS);
  const out = new Float64Array(2 * ll.length);
  ll.forEach(([lon, lat], i) => {
    out[2 * i] = mercatorX(lon);
    out[2 * i + 1] = mercatorY(lat);
  });
  const x0 = out[0] as number, y0 = out[1] as number;
  const dx = (out[2 * ARC_SEGMENTS] as number) - x0;
  const dy = (out[2 * ARC_SEGMENTS + 1] as number) - y0;
  const chord = Math.hypot(dx, dy);
  if (chord < 1e-9) return null;
  // Bow to the right of the direction of travel (screen y points down): a consistent, clockwise
  // bend, so A→B and B→A never overlap and the bend itself hints at the direction.
  const nx = -dy / chord, ny = dx / chord;
  for (let i = 1; i < ARC_SEGMENTS; i++) {
    const s = i / ARC_SEGMENTS;
    const lift = ARC_BOW * chord * 4 * s * (1 - s);
    out[2 * i] = (out[2 * i] as number) - nx * lift;
    // Never above the top of the world (or below its bottom): the map cannot show past Mercator's
    // limit, so a bow there (an arc between nearly opposite points, as China–Argentina, runs over
    // the pole) would leave every frame; it runs along the edge instead.
    out[2 * i + 1] = Math.min(1, Math.max(0, (out[2 * i + 1] as number) - ny * lift));
  }
  return out;
}

/**
 * Lays out every drawable pair. `order` (e.g. all-time count, descending) decides the draw
 * order: the widest arcs go first, so thin ones stay visible on top; domestic arcs last.
 */
export function buildArcBuffers(pairs: readonly Pair[], weight: ArrayLike<number>, step?: 1 | 2): ArcBuffers {
  const drawable: { pair: Pair; line: Float64Array }[] = [];
  for (const pair of pairs) {
    if (!pair.to) continue;
    const line = arcPolyline(pair.from, pair.to);
    if (line) drawable.push({ pair, line });
  }
  drawable.sort((a, b) => {
    const da = a.pair.partnerKind === 'domestic' ? 1 : 0, db = b.pair.partnerKind === 'domestic' ? 1 : 0;
    return da - db || (weight[b.pair.index] ?? 0) - (weight[a.pair.index] ?? 0) || a.pair.index - b.pair.index;
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
  let tx = 0, ty = 0;
  const tangent = (line: Float64Array, i: number) => {
    const a = Math.max(0, i - 1), b = Math.min(ARC_SEGMENTS, i + 1);
    const dx = (line[2 * b] as number) - (line[2 * a] as number), dy = (line[2 * b + 1] as number) - (line[2 * a + 1] as number);
    const d = Math.hypot(dx, dy) || 1;
    tx = dx / d;
    ty = dy / d;
  };

  drawable.forEach(({ pair, line }, arc) => {
    pairOfArc[arc] = pair.index;
    arcOfPair[pair.index] = arc;
    samples.set(line, arc * 2 * (ARC_SEGMENTS + 1));
    // Cumulative length gives t, so the fade, the dashes and the grow-in animation run evenly.
    for (let i = 1; i <= ARC_SEGMENTS; i++) {
      cum[i] = (cum[i - 1] as number) + Math.hypot((line[2 * i] as number) - (line[2 * i - 2] as number), (line[2 * i + 1] as number) - (line[2 * i - 1] as number));
    }
    const length = cum[ARC_SEGMENTS] as number;
    const domestic = pair.partnerKind === 'domestic';
    staticData[arc * STATIC_STRIDE] = domestic ? DOMESTIC_CATEGORY : CATEGORIES.indexOf(CATEGORY_OF_TYPE[pair.dominantType]);
    staticData[arc * STATIC_STRIDE + 1] = domestic ? 1 : 0;
    staticData[arc * STATIC_STRIDE + 2] = length;

    const first = v;
    for (let i = 0; i <= ARC_SEGMENTS; i += every) {
      const x = line[2 * i] as number, y = line[2 * i + 1] as number;
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x);
      tangent(line, i);
      const t = (cum[i] as number) / length;
      if (i === 0) put(x, y, tx, ty, t, -1, 0, arc); // the join into this arc
      put(x, y, tx, ty, t, -1, 0, arc);
      put(x, y, tx, ty, t, 1, 0, arc);
    }
    copyLast();
    // Arrowhead at the partner end, shaped in pixels by the shader.
    const ex = line[2 * ARC_SEGMENTS] as number, ey = line[2 * ARC_SEGMENTS + 1] as number;
    tangent(line, ARC_SEGMENTS);
    put(ex, ey, tx, ty, 1, -1, 1, arc);
    put(ex, ey, tx, ty, 1, -1, 1, arc);
    put(ex, ey, tx, ty, 1, 1, 1, arc);
    put(ex, ey, tx, ty, 1, 0, 1, arc);
    copyLast(); // the join out of this arc
    if (v - first !== perArc) throw new Error(`arc ${arc}: ${v - first} vertices, expected ${perArc}`);
  });
  return { vertices, vertexCount, pairOfArc, arcOfPair, staticData, samples, xMin: n ? xMin : 0, xMax: n ? xMax : 1 };
}
