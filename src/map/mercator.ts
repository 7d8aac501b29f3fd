/**
 * Web Mercator in MapLibre's 0–1 units ([0, 0] top-left of the world, [1, 1] bottom-right),
 * the space the arc layer uploads its vertices in and the picking code measures distances in.
 * Longitudes are not wrapped: an unwrapped arc past +180° keeps x > 1.
 */

/** Web Mercator's latitude limit: beyond it y leaves 0–1. */
export const MAX_LAT = 85.051129;

/** MapLibre's tile size: the world is `TILE_SIZE * 2^zoom` CSS pixels wide. */
export const TILE_SIZE = 512;

export const mercatorX = (lon: number): number => (180 + lon) / 360;

export function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  return (180 - (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360))) / 360;
}

export const lonOfX = (x: number): number => x * 360 - 180;

export function latOfY(y: number): number {
  const y2 = 180 - y * 360;
  return (360 / Math.PI) * Math.atan(Math.exp((y2 * Math.PI) / 180)) - 90;
}

/** Width of the whole world in CSS pixels at a zoom level. */
export const worldPx = (zoom: number): number => TILE_SIZE * 2 ** zoom;
