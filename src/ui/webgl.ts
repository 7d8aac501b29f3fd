/**
 * Whether the map can have its WebGL 2 context, which MapLibre GL 6 requires (WebGL switched off,
 * blocklisted, too old, or headless without a GPU fallback).
 *
 * Before the map starts, only whether the browser knows WebGL 2 at all: making a context to find
 * out (a throwaway canvas) cost a first view tens of milliseconds without a GPU, and a second
 * context. A browser that knows it but cannot give one (switched off) fails when the map makes
 * its own context; the map's owner turns that failure, NO_WEBGL2, into the same "needs WebGL" view.
 */
import { NO_WEBGL2 } from '../map/map-options.ts';

/** Whether the browser has WebGL 2 at all (no context is made). */
export function knowsWebGL2(): boolean {
  return typeof WebGL2RenderingContext === 'function';
}


/** The map's owners' error handler: WebGL missing → `noWebGL`, any other failure → `failed`. */
export function mapErrorHandler(noWebGL: () => void, failed: (message: string) => void): (message: string) => void {
  return (message) => (message === NO_WEBGL2 ? noWebGL() : failed(message));
}
