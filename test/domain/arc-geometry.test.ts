import { describe, expect, it } from 'vitest';
import { greatCircle } from '../../src/domain/arc-geometry.ts';

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
});
