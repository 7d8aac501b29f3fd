/**
 * Chinese institutions as a MapLibre custom layer: one instanced quad per institution. A year
 * change writes each institution's radius and look (window-state.ts works them out from the
 * window's counts) into a small instance buffer, uploaded in the next frame: O(institutions)
 * floats, no feature-state bookkeeping (as a circle layer sized by feature state it cost
 * O(institutions) through MapLibre on every step, the larger part of a step at 1M links).
 * An institution with links certain in the window is a filled disc sized by them; one with
 * only possible (or included undated/planned) links is a hollow, dashed, fainter ring sized by
 * those. A selection rewrites one flag per institution.
 */
import type { CustomLayerInterface, Map as MapLibreMap } from 'maplibre-gl';
import type { EntityCounts } from '../domain/aggregate.ts';
import { FirstDrawGate } from './first-draw-gate.ts';
import { rgb } from '../style/palette.ts';
import { INSTITUTION_COLOR, SELECTION_COLOR } from './layer-styles.ts';
import { mercatorX, mercatorY } from './mercator.ts';
import { finishProgram, startProgram, viewSpan, visibleWraps, type PendingProgram } from './gl-util.ts';
import { keyTotal } from './window-tally.ts';

/** Floats per institution: x, y (Mercator 0–1), radius (CSS px; 0 = not drawn), flags. */
export const INSTITUTION_STRIDE = 4;
/** Flags: outlined as selected; drawn as possible (no certain link in the window). */
export const INSTITUTION_SELECTED = 1;
export const INSTITUTION_POSSIBLE = 2;
const STRIDE_BYTES = INSTITUTION_STRIDE * 4;

const VERTEX = /* glsl */ `#version 300 es
precision highp float;
layout(location = 0) in vec2 a_corner;   // per vertex: (-1,-1) … (1,1)
layout(location = 1) in vec4 a_inst;     // per institution: x, y, radius, flags
uniform mat4 u_matrix;
uniform vec2 u_viewport;
uniform float u_px_ratio;
uniform float u_wrap;
out vec2 v_px;
out float v_r;
out float v_stroke;
out float v_sel;
out float v_possible;
void main() {
  v_r = a_inst.z;
  if (v_r <= 0.0) { gl_Position = vec4(2.0, 2.0, 2.0, 1.0); return; }
  int flags = int(a_inst.w + 0.5);
  v_sel = (flags & ${1}) != 0 ? 1.0 : 0.0;
  v_possible = (flags & ${2}) != 0 ? 1.0 : 0.0;
  v_stroke = v_sel > 0.5 ? 3.0 : (v_possible > 0.5 ? 1.5 : 1.0);
  float extent = v_r + v_stroke + 1.0;
  v_px = a_corner * extent;
  vec4 clip = u_matrix * vec4(a_inst.x + u_wrap, a_inst.y, 0.0, 1.0);
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
in float v_possible;
uniform vec3 u_fill;
uniform vec3 u_sel_color;
out vec4 color;
const float TAU = 6.2831853;
void main() {
  float d = length(v_px);
  float outer = v_r + v_stroke;
  float a = clamp(outer + 0.5 - d, 0.0, 1.0);          // antialiased outer edge
  if (a <= 0.0) discard;
  float inFill = clamp(v_r + 0.5 - d, 0.0, 1.0);       // 1 inside the fill, 0 in the outline
  vec4 c;
  if (v_possible > 0.5) {
    // Possible links only: a hollow ring in the institution colour, dashed round its edge
    // (about 3.5 px a dash and a gap), over a faint white disc that keeps it apart from the land.
    float n = max(4.0, floor(TAU * v_r / 3.5 / 2.0) * 2.0);
    float s = fract(atan(v_px.y, v_px.x) / TAU * n);
    float dash = step(s, 0.5);
    vec3 stroke = v_sel > 0.5 ? u_sel_color : u_fill;
    float strokeA = v_sel > 0.5 ? 1.0 : 0.8 * dash;
    c = mix(vec4(stroke, strokeA), vec4(1.0, 1.0, 1.0, 0.45), inFill);
  } else {
    vec3 stroke = v_sel > 0.5 ? u_sel_color : vec3(1.0);
    c = mix(vec4(stroke, 1.0), vec4(u_fill, 0.88), inFill);
  }
  color = vec4(c.rgb * c.a * a, c.a * a);             // premultiplied
}
`;

/**
 * Draw order: institutions with more links over the whole timeline first, so that small ones are
 * drawn on top and stay visible. Returns the slots in that order.
 */
export function institutionDrawOrder(entityOf: Int32Array, counts: EntityCounts): number[] {
  const total = Array.from(entityOf, (e) => keyTotal(counts, e));
  return Array.from(entityOf, (_, i) => i).sort((a, b) => (total[b] ?? 0) - (total[a] ?? 0) || a - b);
}

/** Packs, row by row in `order` (slots), each institution's point; radii and flags come per step (setLooks). */
export function packInstitutions(points: readonly { point: readonly [number, number] }[], order: readonly number[]): Float32Array {
  const out = new Float32Array(order.length * INSTITUTION_STRIDE);
  order.forEach((slot, row) => {
    const p = points[slot];
    if (!p) return;
    out[row * INSTITUTION_STRIDE] = mercatorX(p.point[0]);
    out[row * INSTITUTION_STRIDE + 1] = mercatorY(p.point[1]);
  });
  return out;
}

/**
 * Writes each slot's radius (0: not drawn) and possible flag into the packed rows, keeping the
 * selected flag. O(institutions), no allocation.
 */
export function writeLooks(data: Float32Array, order: readonly number[], radii: ArrayLike<number>, possible: ArrayLike<number>): void {
  for (let row = 0; row < order.length; row++) {
    const slot = order[row] as number;
    const o = row * INSTITUTION_STRIDE;
    const selected = (data[o + 3] as number) & INSTITUTION_SELECTED;
    data[o + 2] = radii[slot] ?? 0;
    data[o + 3] = selected | ((possible[slot] ?? 0) ? INSTITUTION_POSSIBLE : 0);
  }
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
  private readonly count: number;
  private readonly xMin: number;
  private readonly xMax: number;
  private readonly rowOfSlot: Map<number, number>;
  private readonly matrix = new Float32Array(16);
  /** The first frames of the basemap are drawn without the institutions (first-draw-gate.ts). */
  private readonly gate = new FirstDrawGate();
  /** The program while the GPU compiles it (before the first draw). */
  private pending: PendingProgram | undefined;

  /** `data` from packInstitutions in `order` (slots); nothing is drawn until the first setLooks. */
  constructor(readonly id: string, private readonly data: Float32Array, private readonly order: readonly number[]) {
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

  /**
   * Per slot: the radius in CSS px (0: not drawn) and whether it is drawn as possible (non-zero),
   * for the window shown; uploaded in the next frame. O(institutions), no allocation.
   */
  setLooks(radii: ArrayLike<number>, possible: ArrayLike<number>): void {
    writeLooks(this.data, this.order, radii, possible);
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  /** Outlines one institution slot as selected (or none). O(institutions), on selection only. */
  setSelected(slot: number | null): void {
    const row = slot === null ? -1 : (this.rowOfSlot.get(slot) ?? -1);
    for (let i = 0; i < this.count; i++) {
      const o = i * INSTITUTION_STRIDE + 3;
      this.data[o] = ((this.data[o] as number) & ~INSTITUTION_SELECTED) | (i === row ? INSTITUTION_SELECTED : 0);
    }
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap): void {
    this.map = map;
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    const g = this.gpu;
    if (this.pending && !gl.isContextLost()) gl.deleteProgram(this.pending.program);
    this.pending = undefined;
    if (g && !gl.isContextLost()) {
      gl.deleteProgram(g.program);
      gl.deleteVertexArray(g.vao);
      gl.deleteBuffer(g.corners);
      gl.deleteBuffer(g.instances);
    }
    this.gpu = undefined;
    this.gate.dispose();
    this.map = undefined;
  }

  resetGpu(): void {
    this.gpu = undefined;
    this.pending = undefined;
    this.dirty = true;
  }

  private init(gl: WebGL2RenderingContext): Gpu {
    const program = finishProgram(gl, this.pending ?? startProgram(gl, VERTEX, FRAGMENT, 'institution'));
    this.pending = undefined;
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
    gl.enableVertexAttribArray(1);
    gl.vertexAttribPointer(1, 4, gl.FLOAT, false, STRIDE_BYTES, 0);
    gl.vertexAttribDivisor(1, 1);
    gl.bindVertexArray(null);
    const names = ['u_matrix', 'u_viewport', 'u_px_ratio', 'u_wrap', 'u_fill', 'u_sel_color'];
    this.dirty = false;
    return { program, vao, corners, instances, uniforms: Object.fromEntries(names.map((n) => [n, gl.getUniformLocation(program, n)])) };
  }

  render(gl: WebGL2RenderingContext, options: { defaultProjectionData: { mainMatrix: ArrayLike<number> } }): void {
    const map = this.map;
    if (!map || this.count === 0) return;
    // Compiled while the basemap's first frames are drawn: checked at the first draw, by then without a wait.
    if (!this.gpu) this.pending ??= startProgram(gl, VERTEX, FRAGMENT, 'institution');
    if (!this.gate.allows(map)) return;
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
    this.matrix.set(options.defaultProjectionData.mainMatrix);
    gl.uniformMatrix4fv(u.u_matrix ?? null, false, this.matrix);
    gl.uniform2f(u.u_viewport ?? null, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(u.u_px_ratio ?? null, gl.drawingBufferWidth / Math.max(1, map.getCanvas().clientWidth));
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
