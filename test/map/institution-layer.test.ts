import { describe, expect, it } from 'vitest';
import {
  INSTITUTION_POSSIBLE, INSTITUTION_SELECTED, INSTITUTION_STRIDE, institutionDrawOrder, packInstitutions, writeLooks,
} from '../../src/map/institution-layer.ts';
import { tableFromDense } from '../../src/domain/aggregate.ts';
import { visibleWraps } from '../../src/map/gl-util.ts';
import { mercatorX, mercatorY } from '../../src/map/mercator.ts';

// Two institutions with links over two time codes: A has 1 + 3, B has 5. C has none.
const codes = new Uint32Array([11, 22]);
const counts = tableFromDense(['a', 'b'], new Map([['a', 0], ['b', 1]]), codes, new Uint32Array([1, 3, 5, 0]));
const points = [{ point: [120, 30] as const }, { point: [104, 30.6] as const }, { point: [87.6, 43.8] as const }];
const entityOf = new Int32Array([0, 1, -1]);

describe('the institution layer\'s data', () => {
  it('draws institutions with more links first, so small ones stay on top', () => {
    expect(institutionDrawOrder(entityOf, counts)).toEqual([1, 0, 2]);
  });

  it('packs each institution\'s point in draw order, undrawn until it gets a look', () => {
    const order = institutionDrawOrder(entityOf, counts);
    const data = packInstitutions(points, order);
    expect(data.length).toBe(3 * INSTITUTION_STRIDE);
    const row = order.indexOf(0);
    expect(data[row * INSTITUTION_STRIDE]).toBeCloseTo(mercatorX(120));
    expect(data[row * INSTITUTION_STRIDE + 1]).toBeCloseTo(mercatorY(30));
    expect(data[row * INSTITUTION_STRIDE + 2]).toBe(0);
  });

  it('writes each slot\'s radius and possible look into its row, keeping the selection', () => {
    const order = institutionDrawOrder(entityOf, counts);
    const data = packInstitutions(points, order);
    const rowOf = (slot: number) => order.indexOf(slot) * INSTITUTION_STRIDE;
    data[rowOf(0) + 3] = INSTITUTION_SELECTED;
    writeLooks(data, order, [4, 6.5, 0], [1, 0, 0]);
    expect([data[rowOf(0) + 2], data[rowOf(0) + 3]]).toEqual([4, INSTITUTION_SELECTED | INSTITUTION_POSSIBLE]);
    expect([data[rowOf(1) + 2], data[rowOf(1) + 3]]).toEqual([6.5, 0]);
    expect([data[rowOf(2) + 2], data[rowOf(2) + 3]]).toEqual([0, 0]);
    writeLooks(data, order, [4, 6.5, 0], [0, 0, 0]);
    expect(data[rowOf(0) + 3]).toBe(INSTITUTION_SELECTED);
  });

  it('draws every world copy a point can be seen in, and no other', () => {
    // Whole world in view around Greenwich: points in 0.7..0.9 show in copy 0 and, across the left edge, copy -1.
    expect(visibleWraps({ cx: 0.5, half: 0.6 }, 0.7, 0.9)).toEqual([-1, 0]);
    expect(visibleWraps({ cx: 0.5, half: 0.1 }, 0.7, 0.9)).toEqual([]);
    expect(visibleWraps({ cx: 0.8, half: 0.05 }, 0.7, 0.9)).toEqual([0]);
  });
});
