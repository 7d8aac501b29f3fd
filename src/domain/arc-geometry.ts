/**
 * Great-circle arcs between two [lon, lat] points, sampled evenly. Longitudes are unwrapped
 * (they may run past ±180) so that an arc crossing the antimeridian stays one continuous line
 * instead of a streak across the whole map.
 */
import { geoDistance } from 'd3-geo';
import type { LonLat } from './schema.ts';

/** `segments + 1` points from `from` to `to` along the shorter great circle. */
export function greatCircle(from: LonLat, to: LonLat, segments = 48): [number, number][] {
  const flat = new Float64Array(2 * (segments + 1));
  greatCircleInto(from, to, segments, flat, 0);
  return Array.from({ length: segments + 1 }, (_, i) => [flat[2 * i] as number, flat[2 * i + 1] as number]);
}

const RAD = Math.PI / 180, DEG = 180 / Math.PI;
const haversin = (x: number) => Math.sin(x / 2) ** 2;

/**
 * greatCircle's points as lon, lat pairs into `out` from index `at`, allocating nothing (the map
 * lays out tens of thousands of arcs at once). The same interpolation as d3-geo's geoInterpolate.
 */
export function greatCircleInto(from: Readonly<LonLat>, to: Readonly<LonLat>, segments: number, out: Float64Array, at: number): void {
  const x0 = from[0] * RAD, y0 = from[1] * RAD, x1 = to[0] * RAD, y1 = to[1] * RAD;
  const cy0 = Math.cos(y0), sy0 = Math.sin(y0), cy1 = Math.cos(y1), sy1 = Math.sin(y1);
  const kx0 = cy0 * Math.cos(x0), ky0 = cy0 * Math.sin(x0), kx1 = cy1 * Math.cos(x1), ky1 = cy1 * Math.sin(x1);
  const d = 2 * Math.asin(Math.min(1, Math.sqrt(haversin(y1 - y0) + cy0 * cy1 * haversin(x1 - x0))));
  const k = Math.sin(d);
  let prevLon = from[0];
  for (let i = 0; i <= segments; i++) {
    let lon = i === segments ? to[0] : from[0], lat = i === segments ? to[1] : from[1];
    if (i > 0 && i < segments && d) {
      const t = (i / segments) * d;
      const B = Math.sin(t) / k, A = Math.sin(d - t) / k;
      const x = A * kx0 + B * kx1, y = A * ky0 + B * ky1, z = A * sy0 + B * sy1;
      lon = Math.atan2(y, x) * DEG;
      lat = Math.atan2(z, Math.sqrt(x * x + y * y)) * DEG;
    }
    while (lon - prevLon > 180) lon -= 360;
    while (lon - prevLon < -180) lon += 360;
    out[at + 2 * i] = lon;
    out[at + 2 * i + 1] = lat;
    prevLon = lon;
  }
}

/** Angular length of the arc in radians; 0 when both ends coincide (nothing to draw). */
export function arcLength(from: LonLat, to: LonLat): number {
  return geoDistance(from, to);
}
