/**
 * Whether this browser can give the map a WebGL 2 context, which MapLibre GL 6 requires
 * (WebGL switched off, blocklisted, too old, or headless without a GPU fallback).
 */
export function hasWebGL(): boolean {
  try {
    return Boolean(document.createElement('canvas').getContext('webgl2'));
  } catch {
    return false;
  }
}
