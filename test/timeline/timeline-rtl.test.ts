/** The timeline right to left (Arabic): the first year at the right, pointer and arrow keys following the eye. */
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, LAST_YEAR, keyToYear, timelineScale } from '../../src/timeline/timeline-model.ts';

describe('timeline right to left', () => {
  const ltr = timelineScale(640);
  const rtl = timelineScale(640, undefined, true);

  it('puts the first year at the right end and the last at the left, mirroring the left-to-right track', () => {
    expect(rtl.x(FIRST_YEAR)).toBeGreaterThan(rtl.x(LAST_YEAR));
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expect(rtl.x(y)).toBeCloseTo(ltr.width - ltr.x(y));
  });

  it('reads the year under the pointer from the mirrored slots', () => {
    for (let y = FIRST_YEAR; y <= LAST_YEAR; y++) expect(rtl.positionToYear(rtl.x(y))).toBe(y);
    expect(rtl.positionToYear(-50)).toBe(LAST_YEAR);
    expect(rtl.positionToYear(10_000)).toBe(FIRST_YEAR);
  });

  it('moves the handle the way the arrow points: Left is a later year, Right an earlier one', () => {
    expect(keyToYear('ArrowLeft', 2020, FIRST_YEAR, LAST_YEAR, true)).toBe(2021);
    expect(keyToYear('ArrowRight', 2020, FIRST_YEAR, LAST_YEAR, true)).toBe(2019);
    expect(keyToYear('ArrowUp', 2020, FIRST_YEAR, LAST_YEAR, true)).toBe(2021);
    expect(keyToYear('Home', 2020, FIRST_YEAR, LAST_YEAR, true)).toBe(FIRST_YEAR);
    expect(keyToYear('ArrowLeft', 2020)).toBe(2019);
  });
});
