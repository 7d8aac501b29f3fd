import { describe, expect, it } from 'vitest';
import { movedWindow, yearStepper, type YearWindowView } from '../../src/present/stepper.ts';

describe('yearStepper', () => {
  const run = (start: YearWindowView) => {
    let v = { ...start };
    const changes: { year: number; from: number }[] = [];
    const s = yearStepper(() => v, (p) => { changes.push(p); v = { ...v, ...p }; });
    return { s, view: () => v, changes };
  };

  it('moves the year forward and back by one, and stops at the ends without a change', () => {
    const r = run({ mode: 'upto', year: 2019, from: 2015 });
    r.s.next();
    expect(r.view().year).toBe(2020);
    r.s.prev();
    r.s.prev();
    expect(r.view().year).toBe(2018);
    r.s.last();
    expect(r.view().year).toBe(2025);
    const before = r.changes.length;
    r.s.next();
    expect(r.changes.length).toBe(before); // already at the end: nothing written
    r.s.first();
    expect(r.view().year).toBe(2015);
    r.s.prev();
    expect(r.view().year).toBe(2015);
  });

  it('moves a range as a whole, keeping its width', () => {
    expect(movedWindow({ mode: 'range', year: 2019, from: 2017 }, 1)).toEqual({ year: 2020, from: 2018 });
    expect(movedWindow({ mode: 'range', year: 2025, from: 2023 }, 1)).toEqual({ year: 2025, from: 2023 });
    expect(movedWindow({ mode: 'range', year: 2018, from: 2016 }, -1)).toEqual({ year: 2017, from: 2015 });
    expect(movedWindow({ mode: 'range', year: 2017, from: 2015 }, -1)).toEqual({ year: 2017, from: 2015 });
    expect(movedWindow({ mode: 'range', year: 2021, from: 2019 }, 'first')).toEqual({ year: 2017, from: 2015 });
    expect(movedWindow({ mode: 'range', year: 2021, from: 2019 }, 'last')).toEqual({ year: 2025, from: 2023 });
  });

  it('leaves `from` alone outside range mode', () => {
    expect(movedWindow({ mode: 'in', year: 2020, from: 2015 }, 1)).toEqual({ year: 2021, from: 2015 });
  });
});
