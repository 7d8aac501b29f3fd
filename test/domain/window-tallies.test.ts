import { describe, expect, it } from 'vitest';
import { tallyAll, type CodeCounts, type Tallies } from '../../src/domain/aggregate.ts';
import { TIMELINE_YEARS } from '../../src/domain/dates.ts';
import { TallyTracker, windowTallies } from '../../src/domain/window-tallies.ts';
import type { YearsWindow } from '../../src/domain/time-codes.ts';
import { mapFixture, synthFixture } from '../map/build.ts';

const UPTO = Number.NEGATIVE_INFINITY;
const asLists = (t: Tallies) => ({ certain: [...t.certain], possible: [...t.possible], undated: [...t.undated], planned: [...t.planned] });

/** A seeded sequence of windows: year steps back and forth, mode switches and jumps. */
function windowWalk(n: number, seed: number): YearsWindow[] {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const years = TIMELINE_YEARS;
  const out: YearsWindow[] = [];
  let from = UPTO, to = years[years.length - 1] as number;
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.5) to = Math.min(years[years.length - 1] as number, Math.max(years[0] as number, to + (rand() < 0.5 ? -1 : 1)));
    else if (r < 0.7) from = from === UPTO ? to : UPTO;
    else { to = years[Math.floor(rand() * years.length)] as number; from = rand() < 0.5 ? UPTO : years[Math.floor(rand() * years.length)] as number; }
    if (from !== UPTO && from > to) from = to;
    if (from !== UPTO && rand() < 0.3) from = to; // "in Y"
    out.push({ from, to });
  }
  return out;
}

describe('tracked window tallies', () => {
  const fixtures = { mini: mapFixture().aggregates, synthetic: synthFixture(3000, 7).aggregates };
  const tables = (a: typeof fixtures.mini): [string, CodeCounts][] =>
    [['pairs', a.byPair], ['institutions', a.byInstitution], ['countries', a.byCountry], ['partners', a.byPartner], ['total', a.total]];

  for (const [name, a] of Object.entries(fixtures)) {
    it(`equal a fresh count after every window of a long walk (${name} data)`, () => {
      for (const [table, e] of tables(a)) {
        const tracker = new TallyTracker(e);
        for (const [i, w] of windowWalk(300, 11).entries()) {
          const got = asLists(tracker.tally(w)), want = asLists(tallyAll(e, w));
          if (JSON.stringify(got) !== JSON.stringify(want)) expect(got, `${table}, step ${i}, ${JSON.stringify(w)}`).toEqual(want);
        }
      }
    });
  }

  it('a year step moves only the entries whose presence changes; the same window again costs nothing', () => {
    const e = fixtures.synthetic.byPair;
    const tracker = new TallyTracker(e);
    tracker.tally({ from: UPTO, to: 2025 });
    expect(tracker.lastWork).toBe(e.code.length); // the first window is counted in full
    tracker.tally({ from: UPTO, to: 2024 });
    expect(tracker.lastWork).toBeGreaterThan(0);
    expect(tracker.lastWork).toBeLessThan(e.code.length / 4);
    tracker.tally({ from: UPTO, to: 2024 });
    expect(tracker.lastWork).toBe(0);
    tracker.tally({ from: 2021, to: 2021 });
    expect(tracker.lastWork).toBeLessThanOrEqual(e.code.length);
    expect(asLists(tracker.tallies)).toEqual(asLists(tallyAll(e, { from: 2021, to: 2021 })));
  });

  it('are shared per table: two callers asking for the same window get the same arrays', () => {
    const e = fixtures.mini.byCountry;
    expect(windowTallies(e, { from: UPTO, to: 2020 })).toBe(windowTallies(e, { from: 2019, to: 2019 }));
  });
});
