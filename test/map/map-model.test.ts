import { describe, expect, it } from 'vitest';
import { tallyAll, type YearWindow } from '../../src/domain/aggregate.ts';
import { buildMapModel, totalsBySlot } from '../../src/map/map-model.ts';
import { COUNTRY_SHADE_STEPS, institutionRadius, MARKER_RADIUS } from '../../src/map/scales.ts';
import { computeWindowState, emptyWindowState, POSSIBLE_LOOK, slotTotals, takeChange } from '../../src/map/window-state.ts';
import { allWindows, mapFixture, otherOf } from './build.ts';

const { index, aggregates } = mapFixture();
const fids = new Map([['PAK', 1], ['MYS', 2], ['CHL', 3], ['KAZ', 4]]);
const model = buildMapModel(index, aggregates, fids, (iso3) => (iso3 === 'MYS' ? [102, 4] : undefined));
const slot = <T extends { key: string }>(list: T[], key: string) => list.findIndex((x) => x.key === key);
const country = (iso3: string) => model.countries.findIndex((c) => c.iso3 === iso3);

describe('map model', () => {
  it('counts a partner institution towards its country', () => {
    const uni = model.pairs.find((p) => p.partnerKey === 'uni-m')!;
    expect(model.countries[model.pairCountry[uni.index]!]?.iso3).toBe('MYS');
    expect(model.countries[country('MYS')]!.labelAt).toEqual([102, 4]);
    expect(model.countries[country('PAK')]!.fid).toBe(1);
  });

  it('draws groups only where the source gives a region, and never as a country', () => {
    expect(model.groups.map((g) => g.key)).toEqual(['arab-22']);
    const group = model.pairs.find((p) => p.partnerKey === 'arab-22')!;
    expect(model.pairCountry[group.index]).toBe(-1);
    expect(model.groups[0]!.name.en).toMatch(/not named/);
  });

  it('marks partner institutions, seated organisations and domestic places', () => {
    expect(model.markers.map((m) => [m.key, m.kind]).sort()).toEqual([['hosp-b', 'domestic'], ['uni-m', 'institution'], ['who', 'organization']]);
  });

  it('sums per-slot totals, ignoring pairs without a slot', () => {
    expect([...totalsBySlot(new Int32Array([0, -1, 0, 1]), [2, 5, 3, 1], 2)]).toEqual([5, 1]);
  });
});

describe('window state', () => {
  const state = emptyWindowState(model);
  const UP_TO = Number.NEGATIVE_INFINITY;
  const win = (from: number, to: number, includeUndated = false, includePlanned = false): YearWindow => ({ from, to, includeUndated, includePlanned });
  const inst = (key: string) => slot(model.institutions, key);
  const marker = (key: string) => slot(model.markers, key);

  it('links each slot to its entity in the aggregates', () => {
    expect([...model.countryEntity].map((e) => aggregates.byCountry.keys[e])).toEqual(model.countries.map((c) => c.iso3));
    expect([...model.institutionEntity].map((e) => aggregates.byInstitution.keys[e])).toEqual(model.institutions.map((x) => x.key));
    expect([...model.markerEntity].map((e) => aggregates.byPartner.keys[e])).toEqual(model.markers.map((x) => x.key));
    expect([...model.groupEntity].map((e) => aggregates.byPartner.keys[e])).toEqual(['arab-22']);
  });

  it('takes all-time maxima from every link, whatever its dates', () => {
    expect(model.maxInstitutionAllTime).toBe(9); // hosp-a
    expect(model.maxCountryAllTime).toBe(2);
    expect(model.pairAllTime[model.pairs.find((p) => p.partnerKey === 'KAZ')!.index]).toBe(2); // a range and an undated link
  });

  it('shades and sizes by the links certain in the window', () => {
    computeWindowState(model, win(UP_TO, 2019), state);
    expect(state.countryTotals[country('PAK')]).toBe(1);
    // All-time maximum per country is 2, below the shade's floor of 4.
    expect(state.countryShades[country('PAK')]).toBeCloseTo(Math.round((0.18 + 0.82 * (Math.log(2) / Math.log(5))) * COUNTRY_SHADE_STEPS) / COUNTRY_SHADE_STEPS, 6);
    expect(state.countryShades[country('KAZ')]).toBeGreaterThan(0); // 2016–2018 is certainly by 2019
    expect(state.countryShades[country('CHL')]).toBe(0);
    expect(state.countryShades[country('MYS')]).toBe(0);
    expect(state.groupTotals[0]).toBe(2); // 2019, and "by 2019"
    expect(state.groupLooks[0]).toBe(1);
    expect(state.markerRadii[marker('who')]).toBe(0);
    expect(state.markerLooks[marker('who')]).toBe(0);
    expect(state.institutionTotals[inst('hosp-a')]).toBe(2);
    // hosp-a has 9 links over all time: 2 of 16 on the radius' reference scale.
    expect(state.institutionRadii[inst('hosp-a')]).toBeCloseTo(2.5 + 7.5 * Math.sqrt(2 / 16), 5);
    expect(state.institutionPossible[inst('hosp-a')]).toBe(0);
  });

  it('lights what has only possible links in the window with the possible look, sized by those', () => {
    computeWindowState(model, win(2017, 2017), state);
    // hosp-b → KAZ some time in 2016–2018, hosp-b → arab-22 by 2019: possibly in 2017.
    expect(state.countryTotals[country('KAZ')]).toBe(0);
    expect(state.countryOther[country('KAZ')]).toBe(1);
    expect(state.countryShades[country('KAZ')]).toBe(POSSIBLE_LOOK);
    expect(state.groupLooks[0]).toBe(POSSIBLE_LOOK);
    expect(state.institutionTotals[inst('hosp-b')]).toBe(0);
    expect(state.institutionOther[inst('hosp-b')]).toBe(2);
    expect(state.institutionPossible[inst('hosp-b')]).toBe(1);
    expect(state.institutionRadii[inst('hosp-b')]).toBeCloseTo(institutionRadius(2, 9), 5);
    expect(state.institutionRadii[inst('hosp-a')]).toBe(0);
    // uni-m: some time in 2020–2022, and certainly in 2023.
    computeWindowState(model, win(2021, 2021), state);
    expect(state.markerLooks[marker('uni-m')]).toBe(-MARKER_RADIUS);
    expect(state.markerRadii[marker('uni-m')]).toBe(MARKER_RADIUS);
    expect(state.countryShades[country('MYS')]).toBe(POSSIBLE_LOOK);
    expect(state.countryShades[country('CHL')]).toBeGreaterThan(0);
    computeWindowState(model, win(2020, 2023), state);
    expect(state.markerLooks[marker('uni-m')]).toBe(MARKER_RADIUS);
    expect(state.countryShades[country('MYS')]).toBeGreaterThan(0);
  });

  it('lights undated and planned links only when the window includes them', () => {
    computeWindowState(model, win(2025, 2025), state);
    expect(state.countryShades[country('CHL')]).toBe(0);
    computeWindowState(model, win(2025, 2025, false, true), state);
    expect(state.countryShades[country('CHL')]).toBe(POSSIBLE_LOOK);
    expect(state.countryTotals[country('CHL')]).toBe(0); // planned links are never counted as links
    computeWindowState(model, win(2025, 2025, true), state);
    expect(state.countryShades[country('KAZ')]).toBe(POSSIBLE_LOOK);
    expect(state.institutionTotals[inst('hosp-a')]).toBe(0);
    expect(state.institutionOther[inst('hosp-a')]).toBe(1); // the undated conference
  });

  it('counts nothing in a window after the data', () => {
    computeWindowState(model, win(2025, 2025), state);
    const all = [...state.institutionTotals, ...state.countryTotals, ...state.markerTotals, ...state.groupTotals,
      ...state.institutionOther, ...state.countryOther, ...state.markerOther, ...state.groupOther];
    expect(all.filter((t) => t !== 0)).toEqual([]);
  });

  it('agrees with summing the pairs\' tallies (tallyAll), for every window', () => {
    for (const w of allWindows()) {
      const t = tallyAll(aggregates.byPair, w);
      const other = Array.from(t.certain, (_, p) => otherOf(t, p, w));
      computeWindowState(model, w, state);
      for (const [slotOfPair, n, certain, others] of [
        [model.pairCountry, model.countries.length, state.countryTotals, state.countryOther],
        [model.pairInstitution, model.institutions.length, state.institutionTotals, state.institutionOther],
        [model.pairMarker, model.markers.length, state.markerTotals, state.markerOther],
        [model.pairGroup, model.groups.length, state.groupTotals, state.groupOther],
      ] as const) {
        expect([...certain]).toEqual([...totalsBySlot(slotOfPair, t.certain, n)]);
        expect([...others]).toEqual([...totalsBySlot(slotOfPair, other, n)]);
      }
    }
  });

  it('reads a slot without an entity as 0 links', () => {
    const t = { certain: new Uint32Array([7]), other: new Uint32Array([3]) };
    const certain = new Uint32Array(2), other = new Uint32Array(2);
    slotTotals(t, new Int32Array([-1, 0]), certain, other);
    expect([...certain, ...other]).toEqual([0, 7, 0, 3]);
  });

  it('reports only the values that changed since they were last applied', () => {
    const applied = new Float32Array([Number.NaN, 1, 2]);
    expect([0, 1, 2].filter((i) => takeChange(applied, i, [0, 1, 3][i]!))).toEqual([0, 2]);
    expect([...applied]).toEqual([0, 1, 3]);
    expect([0, 1, 2].filter((i) => takeChange(applied, i, [0, 1, 3][i]!))).toEqual([]);
  });
});
