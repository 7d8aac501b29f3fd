/** Small WebGL2 helpers shared by the map's custom layers (arcs, Chinese institutions). */
import { worldPx } from './mercator.ts';

/** A JS number as a GLSL float literal (`10` → `10.0`). */
export const glslFloat = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/** Compiles one shader; `what` names the layer in the error. A lost context is not an error here. */
export function compileShader(gl: WebGL2RenderingContext, type: GLenum, source: string, what: string): WebGLShader {
  const shader = gl.createShader(type);
  if (!shader) throw new Error('could not create a shader');
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (!gl.getShaderParameter(shader, gl.COMPILE_STATUS) && !gl.isContextLost()) {
    throw new Error(`${what} shader: ${gl.getShaderInfoLog(shader) ?? 'did not compile'}`);
  }
  return shader;
}

/** Links a program from a vertex and a fragment shader. */
export function linkProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string, what: string): WebGLProgram {
  const program = gl.createProgram();
  if (!program) throw new Error(`could not create the ${what} program`);
  gl.attachShader(program, compileShader(gl, gl.VERTEX_SHADER, vertex, what));
  gl.attachShader(program, compileShader(gl, gl.FRAGMENT_SHADER, fragment, what));
  gl.linkProgram(program);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS) && !gl.isContextLost()) {
    throw new Error(`${what} program: ${gl.getProgramInfoLog(program) ?? 'did not link'}`);
  }
  return program;
}

export interface ViewSpan {
  /** Centre of the view, in Mercator x (0–1 is one world). */
  cx: number;
  /** Half the view's width, in Mercator x. */
  half: number;
}

export function viewSpan(zoom: number, centerLng: number, widthPx: number, marginPx = 0): ViewSpan {
  const world = worldPx(zoom);
  return { cx: (centerLng + 180) / 360, half: (widthPx / 2 + marginPx) / world };
}

/**
 * World copies (Mercator x offsets) in which something spanning `xMin..xMax` can be in view;
 * at most five (a view wider than that is a wall of copies anyway).
 */
export function visibleWraps(view: ViewSpan, xMin: number, xMax: number): number[] {
  const { cx, half } = view;
  const wraps: number[] = [];
  for (let w = Math.floor(cx - half - xMax); w <= Math.ceil(cx + half - xMin); w++) {
    if (xMin + w <= cx + half && xMax + w >= cx - half) wraps.push(w);
  }
  return wraps.slice(0, 5);
}
