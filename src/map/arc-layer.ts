/**
 * The arcs as a MapLibre custom layer. Geometry (arc-buffer.ts) and per-arc cumulative counts
 * (arc-data.ts) are uploaded once; a year change only sets the window uniforms and asks for a
 * repaint: O(1) work, whatever the number of arcs, no upload, never a re-tessellation. A
 * selection rewrites one byte per arc (the highlight texture). The layer draws one world copy
 * per call, so it draws as many copies as the view shows (arcs are unwrapped).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES } from '../domain/categories.ts';
import { CATEGORY_COLOR, rgb } from '../style/palette.ts';
import { VERTEX_BYTES, type ArcBuffers } from './arc-buffer.ts';
import { DATA_TEXTURE_WIDTH, GROW_MS, showWindow, type ArcData, type WindowHistory, type WindowUniforms } from './arc-data.ts';
import { ARC_FRAGMENT_SHADER, ARC_VERTEX_SHADER } from './arc-shaders.ts';
import { DOMESTIC_ARC_COLOR } from './layer-styles.ts';
import { worldPx } from './mercator.ts';
import { linkProgram, viewSpan, visibleWraps } from './gl-util.ts';

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  dataTex: WebGLTexture;
  highlightTex: WebGLTexture;
  uniforms: Record<string, WebGLUniformLocation | null>;
}

const UNIFORMS = [
  'u_matrix', 'u_viewport', 'u_px_ratio', 'u_world_px', 'u_wrap', 'u_now', 'u_pass', 'u_has_highlight', 'u_data', 'u_highlight',
  'u_colors', 'u_win', 'u_prev', 'u_prev2', 'u_changed', 'u_prev_changed', 'u_width_ref',
] as const;

/** A texture read only with texelFetch: RGBA32F (per-arc data) or R8 (highlight flags). */
function dataTexture(gl: WebGL2RenderingContext, rows: number, data: Float32Array | Uint8Array): WebGLTexture {
  const tex = gl.createTexture();
  if (!tex) throw new Error('could not create a texture');
  const max = gl.getParameter(gl.MAX_TEXTURE_SIZE) as number;
  if (rows > max && !gl.isContextLost()) throw new Error(`too many arcs for this GPU (${rows} texture rows, at most ${max})`);
  gl.bindTexture(gl.TEXTURE_2D, tex);
  // Float textures cannot be filtered without an extension; texelFetch needs no filtering anyway.
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  if (data instanceof Float32Array) gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, DATA_TEXTURE_WIDTH, rows, 0, gl.RGBA, gl.FLOAT, data);
  else gl.texImage2D(gl.TEXTURE_2D, 0, gl.R8, DATA_TEXTURE_WIDTH, rows, 0, gl.RED, gl.UNSIGNED_BYTE, data);
  return tex;
}

export class ArcLayer implements CustomLayerInterface {
  readonly id: string;
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  /** Called once, after the first frame that drew the arcs. */
  onFirstDraw: (() => void) | undefined;

  private map: MapLibreMap | undefined;
  private gpu: Gpu | undefined;
  private readonly highlightRows: number;
  /** One byte per arc slot, 255 = highlighted. Padded to whole texture rows. */
  private readonly highlight: Uint8Array;
  private highlightDirty = true;
  private dataDirty = false;
  /** The window shown and the two before it; an empty window until the first setWindow. */
  private history: WindowHistory = showWindow(null, { lo: 0, hi: 0, undated: 0 }, 0, false);
  private animateUntil = 0;
  private hasHighlight = false;
  private drawn = false;
  private readonly clock0 = performance.now();
  private readonly colors: Float32Array;

  /** `data` from packArcData; `widthRef` from arcWidthReference (the count drawn at the widest). */
  constructor(id: string, private readonly buffers: ArcBuffers, private data: ArcData, private readonly widthRef: number) {
    this.id = id;
    this.highlightRows = Math.max(1, Math.ceil(buffers.pairOfArc.length / DATA_TEXTURE_WIDTH));
    this.highlight = new Uint8Array(this.highlightRows * DATA_TEXTURE_WIDTH);
    this.colors = new Float32Array([...CATEGORIES.map((c) => rgb(CATEGORY_COLOR[c])), rgb(DOMESTIC_ARC_COLOR)].flat());
  }

  private now(): number {
    return performance.now() - this.clock0;
  }

  /**
   * Shows another window: O(1), the shader works out every arc's count. With `animate`, arcs
   * that had no links in the previous window grow in over GROW_MS; without, all are drawn at once.
   */
  setWindow(win: WindowUniforms, animate: boolean): void {
    const now = this.now();
    this.history = showWindow(this.history, win, now, animate);
    this.animateUntil = animate ? now + GROW_MS : 0;
    this.map?.triggerRepaint();
  }

  /**
   * New per-arc counts for the same arcs (a filter changed): re-uploaded on the next frame, O(arcs)
   * once per filter change. The window and its history stay, so nothing grows in again.
   */
  setCounts(data: ArcData): void {
    if (data.rows !== this.data.rows) throw new Error('arc counts for another set of arcs');
    this.data = data;
    this.dataDirty = true;
    this.map?.triggerRepaint();
  }

  /** Marks arcs to draw brighter and on top (others fade back); null clears it. O(arcs), on selection only. */
  setHighlight(highlighted: ((arc: number) => boolean) | null): void {
    this.hasHighlight = false;
    for (let a = 0; a < this.buffers.pairOfArc.length; a++) {
      const on = highlighted ? highlighted(a) : false;
      this.highlight[a] = on ? 255 : 0;
      if (on) this.hasHighlight = true;
    }
    this.highlightDirty = true;
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
      gl.deleteBuffer(g.buffer);
      gl.deleteTexture(g.dataTex);
      gl.deleteTexture(g.highlightTex);
    }
    this.gpu = undefined;
    this.map = undefined;
  }

  /** Forget GPU objects after a context loss; they are rebuilt on the next frame. */
  resetGpu(): void {
    this.gpu = undefined;
    this.highlightDirty = true;
  }

  // Uploading in the first render() (not onAdd) is what was verified safe with MapLibre's GL cache.
  private init(gl: WebGL2RenderingContext): Gpu {
    const program = linkProgram(gl, ARC_VERTEX_SHADER, ARC_FRAGMENT_SHADER, 'arc');
    const vao = gl.createVertexArray();
    const buffer = gl.createBuffer();
    if (!vao || !buffer) throw new Error('could not create GL objects for the arcs');
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, this.buffers.vertices, gl.STATIC_DRAW);
    gl.enableVertexAttribArray(0);
    gl.vertexAttribPointer(0, 2, gl.FLOAT, false, VERTEX_BYTES, 0);
    gl.enableVertexAttribArray(1);
    gl.vertexAttribPointer(1, 2, gl.SHORT, true, VERTEX_BYTES, 8);
    gl.enableVertexAttribArray(2);
    gl.vertexAttribPointer(2, 1, gl.UNSIGNED_SHORT, true, VERTEX_BYTES, 12);
    gl.enableVertexAttribArray(3);
    gl.vertexAttribPointer(3, 2, gl.BYTE, false, VERTEX_BYTES, 14);
    gl.enableVertexAttribArray(4);
    gl.vertexAttribIPointer(4, 1, gl.UNSIGNED_INT, VERTEX_BYTES, 16);
    gl.bindVertexArray(null);
    this.setUnpack(gl);
    const dataTex = dataTexture(gl, this.data.rows, this.data.data);
    const highlightTex = dataTexture(gl, this.highlightRows, this.highlight);
    const uniforms = Object.fromEntries(UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)]));
    this.highlightDirty = false;
    this.dataDirty = false;
    return { program, vao, buffer, dataTex, highlightTex, uniforms };
  }

  // MapLibre may leave flip/premultiply on from image uploads; it resets its own state cache
  // around custom layers, so changing these here is safe.
  private setUnpack(gl: WebGL2RenderingContext): void {
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  }

  /** World copies (Mercator x offsets) whose arcs can be in view now. */
  private visibleWraps(): number[] {
    const map = this.map;
    if (!map) return [0];
    return visibleWraps(viewSpan(map.getZoom(), map.getCenter().lng, map.getCanvas().clientWidth), this.buffers.xMin, this.buffers.xMax);
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map || this.buffers.vertexCount === 0) return;
    this.gpu ??= this.init(gl);
    const g = this.gpu;
    if (this.highlightDirty) {
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.highlightTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, this.highlightRows, gl.RED, gl.UNSIGNED_BYTE, this.highlight);
      this.highlightDirty = false;
    }
    if (this.dataDirty) {
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.dataTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, this.data.rows, gl.RGBA, gl.FLOAT, this.data.data);
      this.dataDirty = false;
    }
    const u = g.uniforms;
    const canvas = map.getCanvas();
    const now = this.now();
    gl.useProgram(g.program);
    gl.bindVertexArray(g.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, g.dataTex);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, g.highlightTex);
    gl.uniform1i(u.u_data ?? null, 0);
    gl.uniform1i(u.u_highlight ?? null, 1);
    gl.uniformMatrix4fv(u.u_matrix ?? null, false, Float32Array.from(options.defaultProjectionData.mainMatrix));
    gl.uniform2f(u.u_viewport ?? null, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(u.u_px_ratio ?? null, gl.drawingBufferWidth / Math.max(1, canvas.clientWidth));
    gl.uniform1f(u.u_world_px ?? null, worldPx(map.getZoom()));
    gl.uniform1f(u.u_now ?? null, now);
    gl.uniform1i(u.u_has_highlight ?? null, this.hasHighlight ? 1 : 0);
    gl.uniform3fv(u.u_colors ?? null, this.colors);
    const h = this.history;
    for (const [name, w] of [['u_win', h.win], ['u_prev', h.prev], ['u_prev2', h.prev2]] as const) {
      gl.uniform3i(u[name] ?? null, w.lo, w.hi, w.undated);
    }
    gl.uniform1f(u.u_changed ?? null, h.changed);
    gl.uniform1f(u.u_prev_changed ?? null, h.prevChanged);
    gl.uniform1f(u.u_width_ref ?? null, this.widthRef);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const wraps = this.visibleWraps();
    for (const pass of this.hasHighlight ? [0, 1] : [0]) {
      gl.uniform1i(u.u_pass ?? null, pass);
      for (const wrap of wraps) {
        gl.uniform1f(u.u_wrap ?? null, wrap);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, this.buffers.vertexCount);
      }
    }
    gl.bindVertexArray(null);
    gl.activeTexture(gl.TEXTURE0);
    if (now < this.animateUntil) map.triggerRepaint();
    if (!this.drawn) {
      this.drawn = true;
      this.onFirstDraw?.();
    }
  }
}
