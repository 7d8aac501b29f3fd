/**
 * Chinese institutions as a MapLibre custom layer: one instanced quad per institution, its
 * cumulative per-year counts uploaded once, the time window as uniforms. A year change costs
 * O(1) here, like the arcs; as a circle layer sized by feature state it cost O(institutions)
 * through MapLibre's feature-state bookkeeping on every step (the larger part of a step at 1M
 * links). A selection rewrites one byte per institution. Radius and outline mirror scales.ts
 * (institutionRadius) and the former circle style.
 */
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import { YEAR_COUNT, type EntityCounts } from '../domain/aggregate.ts';
import { rgb } from '../style/palette.ts';
import { packedWindowCount, type WindowUniforms } from './arc-data.ts';
import { INSTITUTION_COLOR, SELECTION_COLOR } from './layer-styles.ts';
import { INSTITUTION_MAX_RADIUS, INSTITUTION_MIN_RADIUS } from './scales.ts';
import { mercatorX, mercatorY } from './mercator.ts';
import { GLSL_WINDOW_COUNT, glslFloat, linkProgram, viewSpan, visibleWraps } from './gl-util.ts';

/** Floats per institution: x, y (Mercator 0–1), C[0..11] cumulative counts, undated, selected. */
export const INSTITUTION_STRIDE = 4 + 4 * 3;
// The shader reads C[0..11] from three vec4s: the timeline's 11 years and a zero.
if (YEAR_COUNT + 1 > 12) throw new Error(`institution layer: ${YEAR_COUNT} years do not fit its 12 count slots`);
const STRIDE_BYTES = INSTITUTION_STRIDE * 4;

const VERTEX = /* glsl */ `#version 300 es
precision highp float;
layout(location = 0) in vec2 a_corner;   // per vertex: (-1,-1) … (1,1)
layout(location = 1) in vec4 a_pos;      // per institution: x, y, undated, selected
layout(location = 2) in vec4 a_c0;       // C[0..3]
layout(location = 3) in vec4 a_c1;       // C[4..7]
layout(location = 4) in vec4 a_c2;       // C[8..11]
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_px_ratio;
uniform float u_wrap;
uniform ivec3 u_win;
uniform float u_ref;
out vec2 v_px;
out float v_r;
out float v_stroke;
out float v_sel;
${GLSL_WINDOW_COUNT}
void main() {
  float count = windowCount(a_c0, a_c1, a_c2, a_pos.z, u_win);
  if (count <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  // institutionRadius() of scales.ts.
  v_r = min(${glslFloat(INSTITUTION_MAX_RADIUS)}, ${glslFloat(INSTITUTION_MIN_RADIUS)} + ${glslFloat(INSTITUTION_MAX_RADIUS - INSTITUTION_MIN_RADIUS)} * sqrt(count / u_ref));
  v_sel = a_pos.w;
  v_stroke = v_sel > 0.5 ? 3.0 : 1.0;
  float extent = v_r + v_stroke + 1.0;
  v_px = a_corner * extent;
  vec4 clip = u_matrix * vec4(a_pos.x + u_wrap, a_pos.y, 0.0, 1.0);
  clip.xy += a_corner * extent * u_px_ratio / (0.5 * u_viewport) * clip.w;
  gl_Position = clip;
}
`;

const FRAGMENT = /* glsl */ `#version 300 es
precision highp float;
in vec2 v_px;
in float v_r;
in float v_stroke;
in float v_sel;
uniform vec3 u_fill;
uniform vec3 u_sel_color;
out vec4 color;
void main() {
  float d = length(v_px);
  float outer = v_r + v_stroke;
  float a = clamp(outer + 0.5 - d, 0.0, 1.0);          // antialiased outer edge
  if (a <= 0.0) discard;
  float inFill = clamp(v_r + 0.5 - d, 0.0, 1.0);       // 1 inside the fill, 0 in the outline
  vec3 stroke = v_sel > 0.5 ? u_sel_color : vec3(1.0);
  vec4 fill = vec4(u_fill, 0.88);
  vec4 c = mix(vec4(stroke, 1.0), fill, inFill);
  color = vec4(c.rgb * c.a * a, c.a * a);             // premultiplied
}
`;

/**
 * Draw order: institutions with more links over the whole timeline first, so that small ones are
 * drawn on top and stay visible. Returns the slots in that order.
 */
export function institutionDrawOrder(entityOf: Int32Array, counts: EntityCounts): number[] {
  const stride = YEAR_COUNT + 1;
  const total = (slot: number) => {
    const e = entityOf[slot] ?? -1;
    return e < 0 ? 0 : (counts.cumulative[e * stride + YEAR_COUNT] ?? 0) + (counts.undated[e] ?? 0);
  };
  return Array.from(entityOf, (_, i) => i).sort((a, b) => total(b) - total(a) || a - b);
}

/**
 * Packs, row by row in `order` (slots), each institution's point and cumulative counts
 * (entity `entityOf[slot]` of `counts`; -1 = no links). Pure: tested in Node.
 */
export function packInstitutions(points: readonly { point: readonly [number, number] }[], entityOf: Int32Array, counts: EntityCounts, order: readonly number[]): Float32Array {
  const out = new Float32Array(order.length * INSTITUTION_STRIDE);
  const stride = YEAR_COUNT + 1;
  order.forEach((slot, row) => {
    const p = points[slot];
    if (!p) return;
    const i = slot;
    const o = row * INSTITUTION_STRIDE;
    out[o] = mercatorX(p.point[0]);
    out[o + 1] = mercatorY(p.point[1]);
    const e = entityOf[i] ?? -1;
    if (e < 0) return;
    out[o + 2] = counts.undated[e] ?? 0;
    for (let k = 0; k < stride; k++) out[o + 4 + k] = counts.cumulative[e * stride + k] ?? 0;
  });
  return out;
}

/** The shader's count for one row (its reference in JS, for tests). */
export function institutionCountAt(data: ArrayLike<number>, row: number, u: WindowUniforms): number {
  const o = row * INSTITUTION_STRIDE;
  return packedWindowCount(data, o + 4, o + 2, u);
}

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  corners: WebGLBuffer;
  instances: WebGLBuffer;
  uniforms: Record<string, WebGLUniformLocation | null>;
}

export class InstitutionLayer implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MapLibreMap | undefined;
  private gpu: Gpu | undefined;
  private dirty = true;
  private win: WindowUniforms = { lo: 0, hi: 0, undated: 0 };
  private readonly count: number;
  private readonly xMin: number;
  private readonly xMax: number;

  private readonly rowOfSlot: Map<number, number>;

  /** `data` from packInstitutions in `order`; `ref` = the count drawn at the largest radius (institutionRadiusReference). */
  constructor(readonly id: string, private readonly data: Float32Array, order: readonly number[], private readonly ref: number) {
    this.count = data.length / INSTITUTION_STRIDE;
    this.rowOfSlot = new Map(order.map((slot, row) => [slot, row]));
    let lo = 1, hi = 0;
    for (let i = 0; i < this.count; i++) {
      const x = data[i * INSTITUTION_STRIDE] as number;
      lo = Math.min(lo, x);
      hi = Math.max(hi, x);
    }
    this.xMin = lo;
    this.xMax = hi;
  }

  /** O(1): the shader works out every institution's count. */
  setWindow(win: WindowUniforms): void {
    this.win = win;
    this.map?.triggerRepaint();
  }

  /** New counts for the same institutions, in the same row order (a filter changed); the selection stays. */
  setCounts(data: Float32Array): void {
    if (data.length !== this.data.length) throw new Error('institution counts for another set of institutions');
    for (let i = 0; i < this.count; i++) data[i * INSTITUTION_STRIDE + 3] = this.data[i * INSTITUTION_STRIDE + 3] ?? 0;
    this.data.set(data);
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  /** Outlines one institution slot as selected (or none). O(institutions), on selection only. */
  setSelected(slot: number | null): void {
    const row = slot === null ? -1 : (this.rowOfSlot.get(slot) ?? -1);
    for (let i = 0; i < this.count; i++) this.data[i * INSTITUTION_STRIDE + 3] = i === row ? 1 : 0;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap): void {
    this.map = map;
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    const g = this.gpu;
    if (g && !gl.isContextLost()) {
      gl.deleteProgram(g.program);
      gl.deleteVertexArray(g.vao);
      gl.deleteBuffer(g.corners);
      gl.deleteBuffer(g.instances);
    }
    this.gpu = undefined;
    this.map = undefined;
  }

  resetGpu(): void {
    this.gpu = undefined;
    this.dirty = true;
  }

  private init(gl: WebGL2RenderingContext): Gpu {
    const program = linkProgram(gl, VERTEX, FRAGMENT, 'institution');
    const vao = gl.createVertexArray();
    const corners = gl.createBuffer();
    const instances = gl.createBuffer();
    if (!vao || !corners || !instances) throw new Error('could not create GL objects for the institutions');
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, corners);
    gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 8, 0);
    gl.bindBuffer(gl.ARRAY_BUFFER, instances);
    gl.bufferData(gl.ARRAY_BUFFER, this.data, gl.DYNAMIC_DRAW);
    for (let k = 0; k < 4; k++) {
      gl.enableVertexAttribArray(1 + k);
      gl.vertexAttribPointer(1 + k, 4, gl.FLOAT, false, STRIDE_BYTES, 16 * k);
      gl.vertexAttribDivisor(1 + k, 1);
    }
    gl.bindVertexArray(null);
    const names = ['u_matrix', 'u_viewport', 'u_px_ratio', 'u_wrap', 'u_win', 'u_ref', 'u_fill', 'u_sel_color'];
    this.dirty = false;
    return { program, vao, corners, instances, uniforms: Object.fromEntries(names.map((n) => [n, gl.getUniformLocation(program, n)])) };
  }

  render(gl: WebGL2RenderingContext, options: { defaultProjectionData: { mainMatrix: ArrayLike<number> } }): void {
    const map = this.map;
    if (!map || this.count === 0) return;
    this.gpu ??= this.init(gl);
    const g = this.gpu;
    if (this.dirty) {
      gl.bindBuffer(gl.ARRAY_BUFFER, g.instances);
      gl.bufferSubData(gl.ARRAY_BUFFER, 0, this.data);
      this.dirty = false;
    }
    const u = g.uniforms;
    gl.useProgram(g.program);
    gl.bindVertexArray(g.vao);
    gl.uniformMatrix4fv(u.u_matrix ?? null, false, Float32Array.from(options.defaultProjectionData.mainMatrix));
    gl.uniform2f(u.u_viewport ?? null, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(u.u_px_ratio ?? null, gl.drawingBufferWidth / Math.max(1, map.getCanvas().clientWidth));
    gl.uniform3i(u.u_win ?? null, this.win.lo, this.win.hi, this.win.undated);
    gl.uniform1f(u.u_ref ?? null, this.ref);
    gl.uniform3fv(u.u_fill ?? null, rgb(INSTITUTION_COLOR));
    gl.uniform3fv(u.u_sel_color ?? null, rgb(SELECTION_COLOR));
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    // A point's circle reaches up to 14 px beyond its centre: keep copies whose points are just off-screen.
    const span = viewSpan(map.getZoom(), map.getCenter().lng, map.getCanvas().clientWidth, 14);
    for (const w of visibleWraps(span, this.xMin, this.xMax)) {
      gl.uniform1f(u.u_wrap ?? null, w);
      gl.drawArraysInstanced(gl.TRIANGLE_STRIP, 0, 4, this.count);
    }
    gl.bindVertexArray(null);
  }
}
