import { describe, expect, it } from 'vitest';
import { geoInterpolate } from 'd3-geo';
import { greatCircle, greatCircleInto } from '../../src/domain/arc-geometry.ts';

describe('great-circle arcs', () => {
  it('start and end exactly at the two points', () => {
    const arc = greatCircle([120.155, 30.274], [67.25, 27.77], 16);
    expect(arc).toHaveLength(17);
    expect(arc[0]).toEqual([120.155, 30.274]);
    expect(arc.at(-1)).toEqual([67.25, 27.77]);
  });

  it('cross the antimeridian the short way, without a jump', () => {
    // Hangzhou to Santiago de Chile goes east over the Pacific.
    const arc = greatCircle([120.155, 30.274], [-70.67, -33.45], 48);
    for (let i = 1; i < arc.length; i++) expect(Math.abs(arc[i]![0] - arc[i - 1]![0])).toBeLessThan(20);
    expect(arc.at(-1)![0]).toBeCloseTo(-70.67 + 360, 6); // unwrapped past +180
  });

  it('go west when west is shorter', () => {
    const arc = greatCircle([116.4, 39.9], [2.35, 48.85], 24);
    expect(Math.max(...arc.map((p) => p[0]))).toBeLessThanOrEqual(116.4 + 1e-9);
    expect(arc.at(-1)![0]).toBeCloseTo(2.35, 6);
  });

  it('are the points of d3-geo\'s interpolation, written in place without allocating a point each', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const out = new Float64Array(2 + 2 * 17);
    for (let n = 0; n < 200; n++) {
      const from: [number, number] = [rnd() * 360 - 180, rnd() * 170 - 85];
      const to: [number, number] = n % 50 === 0 ? [...from] : [rnd() * 360 - 180, rnd() * 170 - 85];
      greatCircleInto(from, to, 16, out, 2);
      const d3 = geoInterpolate(from, to);
      let prev = from[0];
      for (let i = 0; i <= 16; i++) {
        let [lon, lat] = i === 0 ? from : i === 16 ? to : d3(i / 16);
        while (lon - prev > 180) lon -= 360;
        while (lon - prev < -180) lon += 360;
        prev = lon;
        expect(out[2 + 2 * i]).toBeCloseTo(lon, 9);
        expect(out[3 + 2 * i]).toBeCloseTo(lat, 9);
      }
      expect(greatCircle(from, to, 16).flat()).toEqual(Array.from(out.subarray(2)));
    }
  });
});
