import { describe, expect, it } from 'vitest';
import { collatorFor, dateSortKeys, nextSort, partialDayBounds, sortPositions, textRanks } from '../../src/domain/sort-order.ts';

const day = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000;

describe('sort keys', () => {
  it('give a partial date the first and last day it covers', () => {
    expect(partialDayBounds('2018-09-06')).toEqual([day('2018-09-06'), day('2018-09-06')]);
    expect(partialDayBounds('2024-02')).toEqual([day('2024-02-01'), day('2024-02-29')]);
    expect(partialDayBounds('2020')).toEqual([day('2020-01-01'), day('2020-12-31')]);
  });

  it('give every precision its earliest then latest day, and unknown none', () => {
    expect(dateSortKeys({ precision: 'day', value: '2018-09-06' })).toEqual([day('2018-09-06'), day('2018-09-06')]);
    expect(dateSortKeys({ precision: 'month', value: '2018-09' })).toEqual([day('2018-09-01'), day('2018-09-30')]);
    expect(dateSortKeys({ precision: 'year', value: '2018' })).toEqual([day('2018-01-01'), day('2018-12-31')]);
    expect(dateSortKeys({ precision: 'range', from: '2016', to: '2018-09' })).toEqual([day('2016-01-01'), day('2018-09-30')]);
    expect(dateSortKeys({ precision: 'before', to: '2025-08' })).toEqual([Number.NEGATIVE_INFINITY, day('2025-08-31')]);
    expect(dateSortKeys({ precision: 'unknown' })).toBeNull();
  });

  it('rank texts by the collator, equal texts equal, empty as no value', () => {
    const r = textRanks(['b', 'a', '', 'b', 'A'], collatorFor('en'));
    expect(r[1]).toBeLessThan(r[4] as number);
    expect(r[4]).toBeLessThan(r[0] as number);
    expect(r[0]).toBe(r[3]);
    expect(Number.isNaN(r[2])).toBe(true);
  });

  it('sort Chinese names in pinyin order', () => {
    const names = ['上海', '北京', '阿拉木图', '广州'];
    const r = textRanks(names, collatorFor('zh'));
    expect([...sortPositions(names.length, [r], 'ascending')].map((i) => names[i])).toEqual(['阿拉木图', '北京', '广州', '上海']);
  });

  it('sort numbers inside English names by their value', () => {
    const names = ['Report 10', 'Report 2', 'report 1'];
    const r = textRanks(names, collatorFor('en'));
    expect([...sortPositions(3, [r], 'ascending')].map((i) => names[i])).toEqual(['report 1', 'Report 2', 'Report 10']);
  });
});

describe('sortPositions', () => {
  const k = Float64Array.from([3, Number.NaN, 1, 3, -Infinity, 1]);
  it('is stable and puts missing values last in both directions', () => {
    expect([...sortPositions(6, [k], 'ascending')]).toEqual([4, 2, 5, 0, 3, 1]);
    expect([...sortPositions(6, [k], 'descending')]).toEqual([0, 3, 2, 5, 4, 1]);
  });
  it('breaks ties on the next key', () => {
    const second = Float64Array.from([2, 0, 9, 1, 0, 0]);
    expect([...sortPositions(6, [k, second], 'ascending')]).toEqual([4, 5, 2, 3, 0, 1]);
  });
});

describe('nextSort', () => {
  it('reverses the same column and starts a new one ascending', () => {
    expect(nextSort({ column: 'a', dir: 'ascending' }, 'a')).toEqual({ column: 'a', dir: 'descending' });
    expect(nextSort({ column: 'a', dir: 'descending' }, 'a')).toEqual({ column: 'a', dir: 'ascending' });
    expect(nextSort({ column: 'a', dir: 'descending' }, 'b')).toEqual({ column: 'b', dir: 'ascending' });
  });
});
