import { describe, expect, it } from 'vitest';
import { windowCounts } from '../../src/domain/aggregate.ts';
import { buildArcBuffers } from '../../src/map/arc-buffer.ts';
import { buildMapModel, totalsBySlot } from '../../src/map/map-model.ts';
import { MARKER_RADIUS } from '../../src/map/scales.ts';
import { computeWindowState, emptyWindowState, takeChanges } from '../../src/map/window-state.ts';
import { mapFixture } from './build.ts';

const { index, aggregates } = mapFixture();
const fids = new Map([['PAK', 1], ['MYS', 2], ['CHL', 3]]);
const model = buildMapModel(index, aggregates, fids, (iso3) => (iso3 === 'MYS' ? [102, 4] : undefined));
const buffers = buildArcBuffers(model.pairs, model.pairAllTime);
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
  const state = emptyWindowState(model, buffers);

  it('shades and draws only what has links in the window', () => {
    computeWindowState(model, buffers, windowCounts(aggregates, { from: 2015, to: 2019, includeUndated: false }), state);
    const pak = model.pairs.find((p) => p.partnerKey === 'PAK')!;
    const chile = model.pairs.find((p) => p.partnerKey === 'CHL')!;
    expect(state.widths[buffers.arcOfPair[pak.index]!]).toBeGreaterThan(0);
    expect(state.widths[buffers.arcOfPair[chile.index]!]).toBe(0);
    expect(state.countryTotals[country('PAK')]).toBe(1);
    expect(state.countryShades[country('PAK')]).toBeGreaterThan(0);
    expect(state.countryShades[country('CHL')]).toBe(0);
    expect(state.groupTotals[0]).toBe(1);
    expect(state.markerRadii[slot(model.markers, 'who')]).toBe(0);
    expect(state.institutionTotals[slot(model.institutions, 'hosp-a')]).toBe(2);
    expect(state.institutionRadii[slot(model.institutions, 'hosp-b')]).toBe(0);
  });

  it('widens arcs and lights markers as the window grows', () => {
    const pak = model.pairs.find((p) => p.partnerKey === 'PAK')!;
    const before = state.widths[buffers.arcOfPair[pak.index]!]!;
    computeWindowState(model, buffers, windowCounts(aggregates, { from: 2015, to: 2025, includeUndated: false }), state);
    expect(state.widths[buffers.arcOfPair[pak.index]!]).toBeGreaterThan(before);
    expect(state.countryTotals[country('PAK')]).toBe(2);
    expect(state.markerRadii[slot(model.markers, 'who')]).toBe(MARKER_RADIUS);
  });

  it('reports only the values that changed since they were last applied', () => {
    const applied = new Float32Array([Number.NaN, 1, 2]);
    expect(takeChanges(applied, [0, 1, 3])).toEqual([0, 2]);
    expect([...applied]).toEqual([0, 1, 3]);
    expect(takeChanges(applied, [0, 1, 3])).toEqual([]);
  });
});
