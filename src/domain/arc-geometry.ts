/**
 * Great-circle arcs between two [lon, lat] points, sampled evenly. Longitudes are unwrapped
 * (they may run past ±180) so that an arc crossing the antimeridian stays one continuous line
 * instead of a streak across the whole map.
 */
import { geoInterpolate, geoDistance } from 'd3-geo';
import type { LonLat } from './schema.ts';

/** `segments + 1` points from `from` to `to` along the shorter great circle. */
export function greatCircle(from: LonLat, to: LonLat, segments = 48): [number, number][] {
  const interpolate = geoInterpolate(from, to);
  const out: [number, number][] = [];
  let prevLon = from[0];
  for (let i = 0; i <= segments; i++) {
    const [lon0, lat] = i === 0 ? from : i === segments ? to : interpolate(i / segments);
    let lon = lon0;
    while (lon - prevLon > 180) lon -= 360;
    while (lon - prevLon < -180) lon += 360;
    out.push([lon, lat]);
    prevLon = lon;
  }
  return out;
}

/** Angular length of the arc in radians; 0 when both ends coincide (nothing to draw). */
export function arcLength(from: LonLat, to: LonLat): number {
  return geoDistance(from, to);
}
