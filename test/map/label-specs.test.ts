import { describe, expect, it } from 'vitest';
import { buildLabelSpecs } from '../../src/map/label-specs.ts';
import { buildMapModel } from '../../src/map/map-model.ts';
import { computeWindowState, emptyWindowState } from '../../src/map/window-state.ts';
import { mapFixture } from './build.ts';

const { index, aggregates } = mapFixture();
const model = buildMapModel(index, aggregates, new Map(), (iso3) => (iso3 === 'MYS' ? [102, 4] : undefined));
const labels = (w: { from: number; to: number; includeUndated: boolean }) => {
  const state = computeWindowState(model, w, emptyWindowState(model));
  return buildLabelSpecs(model, state, {
    lang: 'en', hovered: null, selection: null, project: () => ({ x: 0, y: 0 }), ringPx: 10, institutionLabels: 5,
  }).map((s) => s.key);
};

describe('map labels', () => {
  it('name what holds certain links first, then what holds only possible ones', () => {
    // In 2021: Chile certainly (2021), Malaysia only possibly (2020–2022); hosp-a has a certain link, hosp-b none.
    expect(labels({ from: 2021, to: 2021, includeUndated: false })).toEqual(['i:hosp-a', 'c:CHL', 'c:MYS']);
  });

  it('give no institution a name for possible links alone', () => {
    // In 2017 only hosp-b's possible links (2016–2018, by 2019) are drawn.
    expect(labels({ from: 2017, to: 2017, includeUndated: false })).toEqual(['g:arab-22', 'c:KAZ']);
  });
});
