import { describe, expect, it } from 'vitest';
import { institutionCountAt, institutionDrawOrder, packInstitutions, INSTITUTION_STRIDE } from '../../src/map/institution-layer.ts';
import { windowUniforms } from '../../src/map/arc-data.ts';
import { entityCount, YEAR_COUNT, type EntityCounts } from '../../src/domain/aggregate.ts';
import { visibleWraps } from '../../src/map/gl-util.ts';
import { mercatorX } from '../../src/map/mercator.ts';

// Two institutions with links: A has 1 link in 2016 and 2 in 2019 plus 1 undated; B has 5 in 2024. C has none.
const stride = YEAR_COUNT + 1;
const cumulative = new Uint32Array(2 * stride);
const perYearA: Record<number, number> = { 2016: 1, 2019: 2 };
const perYearB: Record<number, number> = { 2024: 5 };
for (let k = 1; k <= YEAR_COUNT; k++) {
  cumulative[k] = (cumulative[k - 1] ?? 0) + (perYearA[2015 + k - 1] ?? 0);
  cumulative[stride + k] = (cumulative[stride + k - 1] ?? 0) + (perYearB[2015 + k - 1] ?? 0);
}
const counts: EntityCounts = { keys: ['a', 'b'], indexOf: new Map([['a', 0], ['b', 1]]), cumulative, undated: new Uint32Array([1, 0]) };
const points = [{ point: [120, 30] as const }, { point: [104, 30.6] as const }, { point: [87.6, 43.8] as const }];
const entityOf = new Int32Array([0, 1, -1]);

describe('the institution layer\'s data', () => {
  it('draws institutions with more links first, so small ones stay on top', () => {
    expect(institutionDrawOrder(entityOf, counts)).toEqual([1, 0, 2]);
  });

  it('counts each institution in a window as the circle layer did: per-year sums, undated only when included', () => {
    const order = institutionDrawOrder(entityOf, counts);
    const data = packInstitutions(points, entityOf, counts, order);
    expect(data.length).toBe(3 * INSTITUTION_STRIDE);
    const rowOf = (slot: number) => order.indexOf(slot);
    expect(data[rowOf(0) * INSTITUTION_STRIDE]).toBeCloseTo(mercatorX(120));
    const w = (from: number, to: number, includeUndated = false) => windowUniforms({ from, to, includeUndated });
    expect(institutionCountAt(data, rowOf(0), w(2015, 2025))).toBe(3);
    expect(institutionCountAt(data, rowOf(0), w(2015, 2025, true))).toBe(4);
    expect(institutionCountAt(data, rowOf(0), w(2019, 2019))).toBe(2);
    expect(institutionCountAt(data, rowOf(0), w(2017, 2018))).toBe(0);
    expect(institutionCountAt(data, rowOf(1), w(2015, 2023))).toBe(0);
    expect(institutionCountAt(data, rowOf(1), w(2024, 2025))).toBe(5);
    expect(institutionCountAt(data, rowOf(2), w(2015, 2025, true))).toBe(0);
    // The same count the rest of the app reads from the aggregates, for every window.
    for (let from = 2015; from <= 2025; from++) {
      for (let to = from; to <= 2025; to++) {
        for (const includeUndated of [false, true]) {
          const win = { from, to, includeUndated };
          for (const slot of [0, 1]) expect(institutionCountAt(data, rowOf(slot), windowUniforms(win))).toBe(entityCount(counts, slot, win));
        }
      }
    }
  });

  it('draws every world copy a point can be seen in, and no other', () => {
    // Whole world in view around Greenwich: points in 0.7..0.9 show in copy 0 and, across the left edge, copy -1.
    expect(visibleWraps({ cx: 0.5, half: 0.6 }, 0.7, 0.9)).toEqual([-1, 0]);
    expect(visibleWraps({ cx: 0.5, half: 0.1 }, 0.7, 0.9)).toEqual([]);
    expect(visibleWraps({ cx: 0.8, half: 0.05 }, 0.7, 0.9)).toEqual([0]);
  });
});
