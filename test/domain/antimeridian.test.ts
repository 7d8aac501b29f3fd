import { describe, expect, it } from 'vitest';
import { splitAtAntimeridian } from '../../src/domain/antimeridian.ts';
import { greatCircle } from '../../src/domain/arc-geometry.ts';

describe('splitAtAntimeridian', () => {
  it('keeps a line that never crosses as one part, unchanged', () => {
    const line: [number, number][] = [[100, 10], [120, 20], [170, 30]];
    expect(splitAtAntimeridian(line)).toEqual([line]);
  });

  it('cuts an eastward line at +180 and resumes at -180, with the same latitude on both sides', () => {
    const parts = splitAtAntimeridian([[170, 0], [190, 10], [200, 20]]);
    expect(parts).toEqual([[[170, 0], [180, 5]], [[-180, 5], [-170, 10], [-160, 20]]]);
  });

  it('cuts a westward line at -180', () => {
    expect(splitAtAntimeridian([[-170, 0], [-190, 10]])).toEqual([[[-170, 0], [-180, 5]], [[180, 5], [170, 10]]]);
  });

  it('keeps every longitude in [-180, 180] and ends at the true point for China to Samoa', () => {
    const to: [number, number] = [-171.76, -13.83];
    const parts = splitAtAntimeridian(greatCircle([116.4, 39.9], to, 32));
    expect(parts).toHaveLength(2);
    for (const p of parts.flat()) expect(Math.abs(p[0])).toBeLessThanOrEqual(180);
    expect(parts.at(-1)!.at(-1)).toEqual(to);
  });
});
