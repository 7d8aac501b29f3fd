/**
 * The arcs as a MapLibre custom layer. Geometry (from arc-buffer.ts) is uploaded once; a year
 * change rewrites one RGBA32F texel per arc (width, appear time, highlight) and asks for a
 * repaint: O(pairs) work and one texSubImage2D, never a re-tessellation. The layer draws one
 * world copy per call, so it draws as many copies as the view shows (arcs are unwrapped).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES, CATEGORY_COLOR, rgb } from '../ui/palette.ts';
import { STATIC_STRIDE, VERTEX_BYTES, type ArcBuffers } from './arc-buffer.ts';
import { ARC_FRAGMENT_SHADER, ARC_VERTEX_SHADER, DATA_TEXTURE_WIDTH, GROW_MS } from './arc-shaders.ts';
import { DOMESTIC_ARC_COLOR } from './layer-styles.ts';
import { worldPx } from './mercator.ts';

/** Appear time for arcs that are simply there (no animation). */
const LONG_AGO = -1e9;

interface Gpu {
  program: WebGLProgram;
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  dynamicTex: WebGLTexture;
  staticTex: WebGLTexture;
  uniforms: Record<string, WebGLUniformLocation | null>;
}

const UNIFORMS = ['u_matrix', 'u_viewport', 'u_px_ratio', 'u_world_px', 'u_wrap', 'u_now', 'u_pass', 'u_has_highlight', 'u_dynamic', 'u_static', 'u_colors'] as const;

function compile(gl: WebGL2RenderingContext, type: GLenum, source: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('could not create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    throw new Error(`arc shader: ${gl.getShaderInfoLog(shader) ?? 'did not compile'}`);
  }
  return shader;
}

function dataTexture(gl: WebGL2RenderingContext, rows: number, data: Float32Array): WebGLTexture {
  const tex = gl.createTexture();
  if (!tex) throw new Error('could not create a texture');
  gl.bindTexture(gl.TEXTURE_2D, tex);
  // Float textures cannot be filtered without an extension; texelFetch needs no filtering anyway.
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA32F, DATA_TEXTURE_WIDTH, rows, 0, gl.RGBA, gl.FLOAT, data);
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
  private readonly rows: number;
  /** 4 floats per arc slot: width, appear time, highlight, unused. Padded to whole texture rows. */
  private readonly dynamic: Float32Array;
  private readonly staticTexels: Float32Array;
  private dirty = true;
  private animateUntil = 0;
  private hasHighlight = false;
  private drawn = false;
  private readonly clock0 = performance.now();
  private readonly colors: Float32Array;

  constructor(id: string, private readonly buffers: ArcBuffers) {
    this.id = id;
    const arcs = buffers.pairOfArc.length;
    this.rows = Math.max(1, Math.ceil(arcs / DATA_TEXTURE_WIDTH));
    this.dynamic = new Float32Array(this.rows * DATA_TEXTURE_WIDTH * 4);
    this.staticTexels = new Float32Array(this.rows * DATA_TEXTURE_WIDTH * 4);
    this.staticTexels.set(buffers.staticData.subarray(0, arcs * STATIC_STRIDE));
    for (let a = 0; a < arcs; a++) this.dynamic[4 * a + 1] = LONG_AGO;
    this.colors = new Float32Array([...CATEGORIES.map((c) => rgb(CATEGORY_COLOR[c])), rgb(DOMESTIC_ARC_COLOR)].flat());
  }

  private now(): number {
    return performance.now() - this.clock0;
  }

  /**
   * New widths per arc slot (CSS px, 0 = hidden). Arcs going from hidden to shown grow in over
   * GROW_MS when `animate`; O(arcs), and the upload waits for the next frame.
   */
  setWidths(widths: ArrayLike<number>, animate: boolean): void {
    const now = this.now();
    let grew = false;
    for (let a = 0; a < this.buffers.pairOfArc.length; a++) {
      const w = widths[a] ?? 0;
      const o = 4 * a;
      if (animate && w > 0 && (this.dynamic[o] as number) <= 0) {
        this.dynamic[o + 1] = now;
        grew = true;
      } else if (!animate || w <= 0) {
        this.dynamic[o + 1] = LONG_AGO;
      }
      this.dynamic[o] = w;
    }
    if (grew) this.animateUntil = now + GROW_MS;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  /** Marks arcs to draw brighter and on top (others fade back); null clears it. */
  setHighlight(highlighted: ((arc: number) => boolean) | null): void {
    this.hasHighlight = false;
    for (let a = 0; a < this.buffers.pairOfArc.length; a++) {
      const on = highlighted ? highlighted(a) : false;
      this.dynamic[4 * a + 2] = on ? 1 : 0;
      if (on) this.hasHighlight = true;
    }
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
      gl.deleteBuffer(g.buffer);
      gl.deleteTexture(g.dynamicTex);
      gl.deleteTexture(g.staticTex);
    }
    this.gpu = undefined;
    this.map = undefined;
  }

  /** Forget GPU objects after a context loss; they are rebuilt on the next frame. */
  resetGpu(): void {
    this.gpu = undefined;
    this.dirty = true;
  }

  // Uploading in the first render() (not onAdd) is what was verified safe with MapLibre's GL cache.
  private init(gl: WebGL2RenderingContext): Gpu {
    const program = gl.createProgram();
    const vao = gl.createVertexArray();
    const buffer = gl.createBuffer();
    if (!program || !vao || !buffer) throw new Error('could not create GL objects for the arcs');
    gl.attachShader(program, compile(gl, gl.VERTEX_SHADER, ARC_VERTEX_SHADER));
    gl.attachShader(program, compile(gl, gl.FRAGMENT_SHADER, ARC_FRAGMENT_SHADER));
    gl.linkProgram(program);
    if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
      throw new Error(`arc program: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
    }
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
    const dynamicTex = dataTexture(gl, this.rows, this.dynamic);
    const staticTex = dataTexture(gl, this.rows, this.staticTexels);
    const uniforms = Object.fromEntries(UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)]));
    this.dirty = false;
    return { program, vao, buffer, dynamicTex, staticTex, uniforms };
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
    const world = worldPx(map.getZoom());
    const cx = (map.getCenter().lng + 180) / 360;
    const half = map.getCanvas().clientWidth / 2 / world;
    const wraps: number[] = [];
    for (let w = Math.floor(cx - half - this.buffers.xMax); w <= Math.ceil(cx + half - this.buffers.xMin); w++) {
      if (this.buffers.xMin + w <= cx + half && this.buffers.xMax + w >= cx - half) wraps.push(w);
    }
    return wraps.slice(0, 5);
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map || this.buffers.vertexCount === 0) return;
    this.gpu ??= this.init(gl);
    const g = this.gpu;
    if (this.dirty) {
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.dynamicTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, this.rows, gl.RGBA, gl.FLOAT, this.dynamic);
      this.dirty = false;
    }
    const u = g.uniforms;
    const canvas = map.getCanvas();
    const now = this.now();
    gl.useProgram(g.program);
    gl.bindVertexArray(g.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, g.dynamicTex);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, g.staticTex);
    gl.uniform1i(u.u_dynamic ?? null, 0);
    gl.uniform1i(u.u_static ?? null, 1);
    gl.uniformMatrix4fv(u.u_matrix ?? null, false, Float32Array.from(options.defaultProjectionData.mainMatrix));
    gl.uniform2f(u.u_viewport ?? null, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(u.u_px_ratio ?? null, gl.drawingBufferWidth / Math.max(1, canvas.clientWidth));
    gl.uniform1f(u.u_world_px ?? null, worldPx(map.getZoom()));
    gl.uniform1f(u.u_now ?? null, now);
    gl.uniform1i(u.u_has_highlight ?? null, this.hasHighlight ? 1 : 0);
    gl.uniform3fv(u.u_colors ?? null, this.colors);
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
