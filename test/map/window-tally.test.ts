import { describe, expect, it } from 'vitest';
import { tallyAll } from '../../src/domain/aggregate.ts';
import { emptyShownTallies, keyTotal, shownTallies } from '../../src/map/window-tally.ts';
import { allWindows, mapFixture, otherOf, synthFixture } from './build.ts';

describe('window tallies', () => {
  const fixtures = { mini: mapFixture().aggregates, synthetic: synthFixture(3000, 7).aggregates };

  for (const [name, a] of Object.entries(fixtures)) {
    it(`equal tallyAll for every table and window (${name} data)`, () => {
      for (const e of [a.byPair, a.byInstitution, a.byCountry, a.byPartner, a.total]) {
        const out = emptyShownTallies(e.size);
        for (const w of allWindows()) {
          const t = tallyAll(e, w);
          shownTallies(e, w, out);
          for (let i = 0; i < e.size; i++) {
            if (out.certain[i] !== t.certain[i] || out.other[i] !== otherOf(t, i, w)) {
              expect([out.certain[i], out.other[i]], `key ${i} in ${JSON.stringify(w)}`).toEqual([t.certain[i], otherOf(t, i, w)]);
            }
          }
        }
      }
    });
  }

  it('tell certain, possible, undated and planned links apart in the mini data', () => {
    const a = fixtures.mini;
    const kaz = a.pairs.find((p) => p.partnerKey === 'KAZ')!.index;
    const chl = a.pairs.find((p) => p.partnerKey === 'CHL')!.index;
    const out = emptyShownTallies(a.pairs.length);
    const at = (w: Parameters<typeof shownTallies>[1], p: number) => {
      shownTallies(a.byPair, w, out);
      return [out.certain[p], out.other[p]];
    };
    // KAZ: one link some time in 2016–2018, one undated.
    expect(at({ from: 2017, to: 2017, includeUndated: false }, kaz)).toEqual([0, 1]);
    expect(at({ from: 2017, to: 2017, includeUndated: true }, kaz)).toEqual([0, 2]);
    expect(at({ from: Number.NEGATIVE_INFINITY, to: 2018, includeUndated: false }, kaz)).toEqual([1, 0]);
    expect(at({ from: Number.NEGATIVE_INFINITY, to: 2015, includeUndated: false }, kaz)).toEqual([0, 0]);
    // CHL: one link in 2021, one planned for 2025.
    expect(at({ from: 2025, to: 2025, includeUndated: false }, chl)).toEqual([0, 0]);
    expect(at({ from: 2025, to: 2025, includeUndated: false, includePlanned: true }, chl)).toEqual([0, 1]);
    expect(at({ from: Number.NEGATIVE_INFINITY, to: 2025, includeUndated: false, includePlanned: true }, chl)).toEqual([1, 1]);
  });

  it('total every link of a key, whatever its dates', () => {
    const a = fixtures.mini;
    const hospA = a.byInstitution.indexOf.get('hosp-a')!;
    expect(keyTotal(a.byInstitution, hospA)).toBe(9); // l-1 to l-7, l-11 and l-13
    expect(keyTotal(a.byInstitution, -1)).toBe(0);
    expect(keyTotal(a.total, 0)).toBe(13);
  });
});
