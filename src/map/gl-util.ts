/** Small WebGL2 helpers shared by the map's custom layers (arcs, Chinese institutions). */
import { worldPx } from './mercator.ts';

/** A JS number as a GLSL float literal (`10` → `10.0`). */
export const glslFloat = (x: number) => (Number.isInteger(x) ? x.toFixed(1) : String(x));

/**
 * A program whose shaders the GPU is compiling and linking: made without asking for any status, so
 * the page goes on meanwhile (every status query waits for the GPU). finishProgram checks it.
 */
export interface PendingProgram {
  program: WebGLProgram;
  shaders: readonly [WebGLShader, WebGLShader];
  what: string;
}

function shader(gl: WebGL2RenderingContext, type: GLenum, source: string): WebGLShader {
  const s = gl.createShader(type);
  if (!s) throw new Error('could not create a shader');
  gl.shaderSource(s, source);
  gl.compileShader(s);
  return s;
}

/** Starts compiling and linking a program from a vertex and a fragment shader; `what` names the layer in errors. */
export function startProgram(gl: WebGL2RenderingContext, vertex: string, fragment: string, what: string): PendingProgram {
  const program = gl.createProgram();
  if (!program) throw new Error(`could not create the ${what} program`);
  const shaders = [shader(gl, gl.VERTEX_SHADER, vertex), shader(gl, gl.FRAGMENT_SHADER, fragment)] as const;
  for (const s of shaders) gl.attachShader(program, s);
  gl.linkProgram(program);
  return { program, shaders, what };
}

/** The program once linked, or the compiler's or linker's message. A lost context is not an error here. */
export function finishProgram(gl: WebGL2RenderingContext, p: PendingProgram): WebGLProgram {
  if (!gl.getProgramParameter(p.program, gl.LINK_STATUS) && !gl.isContextLost()) {
    for (const s of p.shaders) {
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`${p.what} shader: ${gl.getShaderInfoLog(s) ?? 'did not compile'}`);
    }
    throw new Error(`${p.what} program: ${gl.getProgramInfoLog(p.program) ?? 'did not link'}`);
  }
  return p.program;
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
