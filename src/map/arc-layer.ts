/**
 * The arcs as a MapLibre custom layer. Geometry (arc-buffer.ts) and each arc's static data
 * (arc-data.ts) are uploaded once; a year change hands over the counts packed on the CPU (one
 * texel an arc: certain, other drawn, and the two previous windows' drawn counts) and they are
 * uploaded with one texSubImage2D in the next frame: O(arcs) bytes, never a re-tessellation. A
 * selection rewrites one byte per arc (the highlight texture). The layer draws one world copy
 * per call, so it draws as many copies as the view shows (arcs are unwrapped).
 *
 * A dataset of many arcs also has bundles (arc-bundles.ts), drawn instead of the arcs while the
 * view is zoomed out enough for them. Each set's counts are packed from the per-pair tallies in
 * the frame that draws it, so a step at another zoom pays nothing for the other set.
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MapLibreMap } from 'maplibre-gl';
import { CATEGORIES } from '../domain/categories.ts';
import { CATEGORY_COLOR, rgb } from '../style/palette.ts';
import { VERTEX_BYTES, type ArcBuffers } from './arc-buffer.ts';
import { BUNDLE_MAX_WORLD_PX, foldBundles, type ArcBundles } from './arc-bundles.ts';
import { DATA_TEXTURE_WIDTH, GROW_MS, packArcCounts, stepTimes, stillTimes, textureRows, type ArcCounts, type ArcData, type CountsHistory, type WindowTimes } from './arc-data.ts';
import { ARC_FRAGMENT_SHADER, ARC_VERTEX_SHADER } from './arc-shaders.ts';
import { FirstDrawGate } from './first-draw-gate.ts';
import { DOMESTIC_ARC_COLOR } from './layer-styles.ts';
import { worldPx } from './mercator.ts';
import { finishProgram, startProgram, viewSpan, visibleWraps, type PendingProgram } from './gl-util.ts';

/** One set of arcs on the GPU: the arcs one by one, or their bundles. */
interface SetGpu {
  vao: WebGLVertexArrayObject;
  buffer: WebGLBuffer;
  staticTex: WebGLTexture;
  countsTex: WebGLTexture;
  highlightTex: WebGLTexture;
}

/** A set of arcs the layer can draw, with what its textures hold and what must be uploaded. */
interface DrawSet {
  buffers: ArcBuffers;
  statics: ArcData;
  counts: ArcData;
  /** One byte per arc slot, 255 = highlighted. Padded to whole texture rows. */
  highlight: Uint8Array;
  gpu: SetGpu | undefined;
  staticsDirty: boolean;
  countsDirty: boolean;
  highlightDirty: boolean;
  /** The window generation its counts were packed for (-1: never). */
  packedGen: number;
}

const drawSet = (buffers: ArcBuffers, statics: ArcData, counts: ArcData): DrawSet => ({
  buffers, statics, counts, highlight: new Uint8Array(statics.rows * DATA_TEXTURE_WIDTH), gpu: undefined,
  staticsDirty: false, countsDirty: true, highlightDirty: true, packedGen: -1,
});

const UNIFORMS = [
  'u_matrix', 'u_viewport', 'u_px_ratio', 'u_world_px', 'u_wrap', 'u_now', 'u_pass', 'u_has_highlight', 'u_static', 'u_counts',
  'u_highlight', 'u_colors', 'u_changed', 'u_prev_changed', 'u_width_ref',
] as const;

/** A texture read only with texelFetch: RGBA32F (per-arc data and counts) or R8 (highlight flags). */
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
  /** Called when the frame draws the other set: the bundles (true) or the arcs one by one, with the slots drawn. */
  onLevel: ((bundled: boolean, slots: number) => void) | undefined;

  private map: MapLibreMap | undefined;
  private program: { program: WebGLProgram; uniforms: Record<string, WebGLUniformLocation | null> } | undefined;
  /** The program while the GPU compiles it (before the first draw). */
  private pending: PendingProgram | undefined;
  /** The arcs one by one: their highlight comes from the owner, their counts from the owner's per-pair tallies. */
  private readonly each: DrawSet;
  /** Their bundles (arc-bundles.ts), drawn zoomed out when the dataset has many arcs; folded when drawn. */
  private readonly bundled: (DrawSet & { bundles: ArcBundles; highlightStale: boolean }) | undefined;
  /** The owner's per-pair tallies of the window shown, refilled in place before each setWindow/setCounts. */
  private readonly tallies: ArcCounts['pairs'];
  /** Window generation: one more at every setWindow/setCounts; `animatedGen` is the last one that animates. */
  private gen = 0;
  private animatedGen = -1;
  private level: boolean | undefined;
  /** When the window shown and the one before it came (the counts texture holds their drawn counts). */
  private readonly times: WindowTimes = stillTimes();
  private animateUntil = 0;
  private hasHighlight = false;
  private drawn = false;
  private readonly clock0 = performance.now();
  /** The first frames of the basemap are drawn without the arcs (first-draw-gate.ts). */
  private readonly gate = new FirstDrawGate();
  private readonly colors: Float32Array;
  /** The view matrix as the shader takes it (reused every frame). */
  private readonly matrix = new Float32Array(16);
  private readonly passes: { all: readonly number[]; highlighted: readonly number[] } = { all: [0], highlighted: [0, 1] };

  /**
   * `statics` from packArcStatic; `counts` the arcs' counts (arc-data.ts), whose per-pair
   * tallies the owner refills in place before each setWindow/setCounts call (the layer packs the
   * arcs' own counts, or folds the bundles', in the frame that draws them); `widthRef` from
   * arcWidthReference (the count drawn at the widest); `bundles` from bundleArcs, for a dataset
   * with many arcs.
   */
  constructor(id: string, buffers: ArcBuffers, statics: ArcData, counts: ArcCounts, private readonly widthRef: number, bundles?: ArcBundles | null) {
    this.id = id;
    if (statics.rows !== textureRows(buffers.pairOfArc.length) || counts.rows !== statics.rows) throw new Error('arc data for another set of arcs');
    this.each = drawSet(buffers, statics, counts);
    this.tallies = counts.pairs;
    if (bundles) {
      const rows = bundles.statics.rows;
      this.bundled = {
        ...drawSet(bundles.buffers, bundles.statics, { data: new Float32Array(rows * DATA_TEXTURE_WIDTH * 4), rows }),
        bundles, highlightStale: true,
      };
    }
    this.colors = new Float32Array([...CATEGORIES.map((c) => rgb(CATEGORY_COLOR[c])), rgb(DOMESTIC_ARC_COLOR)].flat());
  }

  private now(): number {
    return performance.now() - this.clock0;
  }

  private countsChanged(animate: boolean): void {
    this.gen++;
    if (animate) this.animatedGen = this.gen;
    this.map?.triggerRepaint();
  }

  /**
   * Shows another window, whose per-pair tallies the owner has just counted: the next frame packs
   * and uploads the counts of the set it draws. With `animate`, arcs that had nothing drawn in
   * the previous window grow in over GROW_MS; without, all are drawn at once. O(1) here.
   */
  setWindow(animate: boolean): void {
    const now = this.now();
    stepTimes(this.times, now, animate);
    this.animateUntil = animate ? now + GROW_MS : 0;
    this.countsChanged(animate);
  }

  /**
   * The tallies were counted again for the same window (a filter changed): packed and uploaded in
   * the next frame. The change times stay, and nothing grows in again.
   */
  setCounts(): void {
    this.countsChanged(false);
  }

  /**
   * What packing a set's counts now does with their history: rotate when this window is an
   * animated step from the one the set last drew, else settle (nothing grows in: the set was not
   * drawn in between, or the change does not animate).
   */
  private historyFor(set: DrawSet): CountsHistory {
    return this.animatedGen === this.gen && set.packedGen === this.gen - 1 ? 'rotate' : 'settle';
  }

  /** Marks arcs to draw brighter and on top (others fade back); null clears it. O(arcs), on selection only. */
  setHighlight(highlighted: ((arc: number) => boolean) | null): void {
    this.hasHighlight = false;
    const bytes = this.each.highlight;
    for (let a = 0; a < this.each.buffers.pairOfArc.length; a++) {
      const on = highlighted ? highlighted(a) : false;
      bytes[a] = on ? 255 : 0;
      if (on) this.hasHighlight = true;
    }
    this.each.highlightDirty = true;
    if (this.bundled) this.bundled.highlightStale = true;
    this.map?.triggerRepaint();
  }

  onAdd(map: MapLibreMap): void {
    this.map = map;
  }

  onRemove(_map: MapLibreMap, gl: WebGL2RenderingContext): void {
    if (!gl.isContextLost()) {
      if (this.program) gl.deleteProgram(this.program.program);
      if (this.pending) gl.deleteProgram(this.pending.program);
      for (const set of [this.each, this.bundled]) {
        const g = set?.gpu;
        if (!g) continue;
        gl.deleteVertexArray(g.vao);
        gl.deleteBuffer(g.buffer);
        gl.deleteTexture(g.staticTex);
        gl.deleteTexture(g.countsTex);
        gl.deleteTexture(g.highlightTex);
      }
    }
    this.resetGpu();
    this.gate.dispose();
    this.map = undefined;
  }

  /** Forget GPU objects after a context loss; they are rebuilt on the next frame. */
  resetGpu(): void {
    this.program = undefined;
    this.pending = undefined;
    for (const set of [this.each, this.bundled]) {
      if (!set) continue;
      set.gpu = undefined;
      set.highlightDirty = true;
      set.countsDirty = true;
      set.staticsDirty = true;
    }
  }

  // Uploading in the first render() (not onAdd) is what was verified safe with MapLibre's GL cache.
  private initSet(gl: WebGL2RenderingContext, set: DrawSet): SetGpu {
    const vao = gl.createVertexArray();
    const buffer = gl.createBuffer();
    if (!vao || !buffer) throw new Error('could not create GL objects for the arcs');
    gl.bindVertexArray(vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, buffer);
    gl.bufferData(gl.ARRAY_BUFFER, set.buffers.vertices, gl.STATIC_DRAW);
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
    const staticTex = dataTexture(gl, set.statics.rows, set.statics.data);
    const countsTex = dataTexture(gl, set.counts.rows, set.counts.data);
    const highlightTex = dataTexture(gl, set.statics.rows, set.highlight);
    set.staticsDirty = false;
    set.highlightDirty = false;
    set.countsDirty = false;
    return { vao, buffer, staticTex, countsTex, highlightTex };
  }

  // MapLibre may leave flip/premultiply on from image uploads; it resets its own state cache
  // around custom layers, so changing these here is safe.
  private setUnpack(gl: WebGL2RenderingContext): void {
    gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  }

  /** World copies (Mercator x offsets) whose arcs can be in view now. */
  private visibleWraps(buffers: ArcBuffers): number[] {
    const map = this.map;
    if (!map) return [0];
    return visibleWraps(viewSpan(map.getZoom(), map.getCenter().lng, map.getCanvas().clientWidth), buffers.xMin, buffers.xMax);
  }

  /**
   * The set this frame draws, its counts packed for the window shown: the bundles while zoomed
   * out enough for them (folded from the per-pair tallies), else every arc. Only the set drawn
   * is packed, so a step at another zoom pays nothing for the other.
   */
  private setToDraw(zoom: number): DrawSet {
    const b = this.bundled;
    if (!b || worldPx(zoom) > BUNDLE_MAX_WORLD_PX) {
      const e = this.each;
      if (e.packedGen !== this.gen) {
        packArcCounts(this.tallies, e.buffers.pairOfArc, e.counts.data, this.historyFor(e));
        e.packedGen = this.gen;
        e.countsDirty = true;
      }
      return e;
    }
    if (b.packedGen !== this.gen || b.highlightStale) {
      // A highlight change alone refolds without touching the history.
      const history = b.packedGen === this.gen ? 'keep' : this.historyFor(b);
      const changed = foldBundles(this.tallies, this.each.buffers.pairOfArc, this.each.statics.data, this.hasHighlight ? this.each.highlight : null, b.bundles, b.counts.data, b.highlight, history);
      b.packedGen = this.gen;
      b.highlightStale = false;
      b.countsDirty = true;
      if (changed.statics) b.staticsDirty = true;
      if (changed.highlight) b.highlightDirty = true;
    }
    return b;
  }

  /** Uploads what changed in a set's textures since it was last drawn. */
  private upload(gl: WebGL2RenderingContext, set: DrawSet, g: SetGpu): void {
    const rows = set.statics.rows;
    if (set.highlightDirty) {
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.highlightTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, rows, gl.RED, gl.UNSIGNED_BYTE, set.highlight);
      set.highlightDirty = false;
    }
    if (set.countsDirty) {
      // The rows that hold arcs: one texel an arc, 16 bytes.
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.countsTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, rows, gl.RGBA, gl.FLOAT, set.counts.data);
      set.countsDirty = false;
    }
    if (set.staticsDirty) {
      this.setUnpack(gl);
      gl.bindTexture(gl.TEXTURE_2D, g.staticTex);
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, DATA_TEXTURE_WIDTH, rows, gl.RGBA, gl.FLOAT, set.statics.data);
      set.staticsDirty = false;
    }
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    const map = this.map;
    if (!map || this.each.buffers.vertexCount === 0) return;
    // Compiled while the basemap's first frames are drawn: checked at the first draw, by then without a wait.
    if (!this.program) this.pending ??= startProgram(gl, ARC_VERTEX_SHADER, ARC_FRAGMENT_SHADER, 'arc');
    if (!this.gate.allows(map)) return;
    const set = this.setToDraw(map.getZoom());
    this.program ??= (() => {
      const program = finishProgram(gl, this.pending ?? startProgram(gl, ARC_VERTEX_SHADER, ARC_FRAGMENT_SHADER, 'arc'));
      this.pending = undefined;
      return { program, uniforms: Object.fromEntries(UNIFORMS.map((u) => [u, gl.getUniformLocation(program, u)])) };
    })();
    set.gpu ??= this.initSet(gl, set);
    const g = set.gpu;
    this.upload(gl, set, g);
    const bundled = set !== this.each;
    if (bundled !== this.level) {
      this.level = bundled;
      this.onLevel?.(bundled, set.buffers.pairOfArc.length);
    }
    const u = this.program.uniforms;
    const canvas = map.getCanvas();
    const now = this.now();
    gl.useProgram(this.program.program);
    gl.bindVertexArray(g.vao);
    gl.activeTexture(gl.TEXTURE0);
    gl.bindTexture(gl.TEXTURE_2D, g.staticTex);
    gl.activeTexture(gl.TEXTURE1);
    gl.bindTexture(gl.TEXTURE_2D, g.countsTex);
    gl.activeTexture(gl.TEXTURE2);
    gl.bindTexture(gl.TEXTURE_2D, g.highlightTex);
    gl.uniform1i(u.u_static ?? null, 0);
    gl.uniform1i(u.u_counts ?? null, 1);
    gl.uniform1i(u.u_highlight ?? null, 2);
    this.matrix.set(options.defaultProjectionData.mainMatrix);
    gl.uniformMatrix4fv(u.u_matrix ?? null, false, this.matrix);
    gl.uniform2f(u.u_viewport ?? null, gl.drawingBufferWidth, gl.drawingBufferHeight);
    gl.uniform1f(u.u_px_ratio ?? null, gl.drawingBufferWidth / Math.max(1, canvas.clientWidth));
    gl.uniform1f(u.u_world_px ?? null, worldPx(map.getZoom()));
    gl.uniform1f(u.u_now ?? null, now);
    gl.uniform1i(u.u_has_highlight ?? null, this.hasHighlight ? 1 : 0);
    gl.uniform3fv(u.u_colors ?? null, this.colors);
    gl.uniform1f(u.u_changed ?? null, this.times.changed);
    gl.uniform1f(u.u_prev_changed ?? null, this.times.prevChanged);
    gl.uniform1f(u.u_width_ref ?? null, this.widthRef);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    const wraps = this.visibleWraps(set.buffers);
    for (const pass of this.hasHighlight ? this.passes.highlighted : this.passes.all) {
      gl.uniform1i(u.u_pass ?? null, pass);
      for (const wrap of wraps) {
        gl.uniform1f(u.u_wrap ?? null, wrap);
        gl.drawArrays(gl.TRIANGLE_STRIP, 0, set.buffers.vertexCount);
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
