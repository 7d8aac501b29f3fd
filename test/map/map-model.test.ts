import { describe, expect, it } from 'vitest';
import { windowCounts } from '../../src/domain/aggregate.ts';
import { buildMapModel, totalsBySlot } from '../../src/map/map-model.ts';
import { MARKER_RADIUS } from '../../src/map/scales.ts';
import { computeWindowState, emptyWindowState, slotTotals, takeChanges } from '../../src/map/window-state.ts';
import { mapFixture } from './build.ts';

const { index, aggregates } = mapFixture();
const fids = new Map([['PAK', 1], ['MYS', 2], ['CHL', 3]]);
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
  const win = (from: number, to: number, includeUndated = false) => ({ from, to, includeUndated });
  const inst = (key: string) => slot(model.institutions, key);

  it('links each slot to its entity in the aggregates', () => {
    expect([...model.countryEntity].map((e) => aggregates.byCountry.keys[e])).toEqual(model.countries.map((c) => c.iso3));
    expect([...model.institutionEntity].map((e) => aggregates.byInstitution.keys[e])).toEqual(model.institutions.map((x) => x.key));
    expect([...model.markerEntity].map((e) => aggregates.byPartner.keys[e])).toEqual(model.markers.map((x) => x.key));
    expect([...model.groupEntity].map((e) => aggregates.byPartner.keys[e])).toEqual(['arab-22']);
  });

  it('shades and sizes only what has links in the window', () => {
    computeWindowState(model, win(2015, 2019), state);
    expect(state.countryTotals[country('PAK')]).toBe(1);
    // All-time maximum per country is 2 (PAK), below the shade's floor of 4.
    expect(state.countryShades[country('PAK')]).toBeCloseTo(0.18 + 0.82 * (Math.log(2) / Math.log(5)), 6);
    expect(state.countryShades[country('CHL')]).toBe(0);
    expect(state.countryShades[country('MYS')]).toBe(0);
    expect(state.groupTotals[0]).toBe(1);
    expect(state.markerRadii[slot(model.markers, 'who')]).toBe(0);
    expect(state.institutionTotals[inst('hosp-a')]).toBe(2);
    // hosp-a has 7 links over all time (one undated): 2 of 16 on the radius' reference scale.
    expect(state.institutionRadii[inst('hosp-a')]).toBeCloseTo(2.5 + 7.5 * Math.sqrt(2 / 16), 5);
    expect(state.institutionRadii[inst('hosp-b')]).toBe(0);
  });

  it('counts a partner institution towards its country, and lights markers as the window grows', () => {
    computeWindowState(model, win(2015, 2025), state);
    expect(state.countryTotals[country('PAK')]).toBe(2);
    expect(state.countryTotals[country('MYS')]).toBe(1);
    expect(state.markerRadii[slot(model.markers, 'who')]).toBe(MARKER_RADIUS);
    expect(state.institutionTotals[inst('hosp-a')]).toBe(6);
    computeWindowState(model, win(2015, 2025, true), state);
    expect(state.institutionTotals[inst('hosp-a')]).toBe(7);
  });

  it('counts a single year, and nothing in a window after the data', () => {
    computeWindowState(model, win(2021, 2021), state);
    expect(state.countryTotals[country('CHL')]).toBe(1);
    expect(state.countryTotals[country('PAK')]).toBe(0);
    expect(state.groupTotals[0]).toBe(0);
    computeWindowState(model, win(2025, 2025), state);
    const all = [...state.institutionTotals, ...state.countryTotals, ...state.markerTotals, ...state.groupTotals];
    expect(all).toHaveLength(model.institutions.length + model.countries.length + model.markers.length + model.groups.length);
    expect(all.filter((t) => t !== 0)).toEqual([]);
  });

  it('agrees with summing per-pair counts, for every window', () => {
    for (let from = 2015; from <= 2025; from++) {
      for (let to = from; to <= 2025; to++) {
        for (const undated of [false, true]) {
          const w = win(from, to, undated);
          const counts = windowCounts(aggregates, w);
          computeWindowState(model, w, state);
          expect([...state.countryTotals]).toEqual([...totalsBySlot(model.pairCountry, counts, model.countries.length)]);
          expect([...state.institutionTotals]).toEqual([...totalsBySlot(model.pairInstitution, counts, model.institutions.length)]);
          expect([...state.markerTotals]).toEqual([...totalsBySlot(model.pairMarker, counts, model.markers.length)]);
          expect([...state.groupTotals]).toEqual([...totalsBySlot(model.pairGroup, counts, model.groups.length)]);
        }
      }
    }
  });

  it('reads a slot without an entity as 0 links', () => {
    expect([...slotTotals(aggregates.byCountry, new Int32Array([-1, aggregates.byCountry.indexOf.get('PAK')!]), win(2015, 2025), new Uint32Array(2))]).toEqual([0, 2]);
  });

  it('reports only the values that changed since they were last applied', () => {
    const applied = new Float32Array([Number.NaN, 1, 2]);
    expect(takeChanges(applied, [0, 1, 3])).toEqual([0, 2]);
    expect([...applied]).toEqual([0, 1, 3]);
    expect(takeChanges(applied, [0, 1, 3])).toEqual([]);
  });
});
