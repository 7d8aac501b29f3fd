import { describe, expect, it } from 'vitest';
import { aggregate, countLinks, linksOfPair, entityCount, summarize, yearHistogram } from '../../src/domain/aggregate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { buildFacets, filterMask, knownFilters, optionCounts } from '../../src/domain/facets.ts';
import { isFiltered, NO_FILTERS, sameFilters, toggleChosen, withChosen, type Filters } from '../../src/domain/filters.ts';
import { programmeId } from '../../src/domain/programmes.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function build() {
  const raw = miniDataset();
  // l-5: a second PAK link, training, in 2020, with hosp-b taking part, under a programme, cited by two sources.
  raw.sources.push({ ...raw.sources[0]!, id: 'src-b' });
  raw.links.push({
    ...raw.links[0]!, id: 'l-5', date: { precision: 'year', value: '2020' }, types: ['training', 'tcm'], with: ['hosp-b'],
    programme: { en: 'Belt & Road Course (2nd)', zh: '第二期课程' }, evidence: [{ source: 'src-a', locator: '¶1' }, { source: 'src-b', locator: '¶2' }],
  } as never);
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  const a = aggregate(index);
  return { index, a, facets: buildFacets(index) };
}

const ALL = { from: 2015, to: 2025, includeUndated: true };
const ids = (index: ReturnType<typeof build>['index'], mask: Uint8Array | null) =>
  index.dataset.links.filter((_, i) => !mask || mask[i]).map((l) => l.id);
const f = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });

describe('filters', () => {
  it('match within a dimension by any option and across dimensions by all', () => {
    const { index, facets } = build();
    expect(filterMask(facets, NO_FILTERS)).toBeNull();
    expect(ids(index, filterMask(facets, f({ cat: ['training'] })))).toEqual(['l-2', 'l-5']);
    expect(ids(index, filterMask(facets, f({ cat: ['training', 'clinical'] })))).toEqual(['l-2', 'l-4', 'l-5']);
    expect(ids(index, filterMask(facets, f({ cat: ['training'], country: ['PAK'] })))).toEqual(['l-5']);
    // A partner institution counts for its country.
    expect(ids(index, filterMask(facets, f({ country: ['MYS'] })))).toEqual(['l-2']);
    expect(ids(index, filterMask(facets, f({ type: ['tcm'] })))).toEqual(['l-5']);
  });

  it('find an institution where it leads and where it takes part', () => {
    const { index, facets } = build();
    expect(ids(index, filterMask(facets, f({ inst: ['hosp-b'] })))).toEqual(['l-5']);
  });

  it('filter by partner record, programme, scope, online and source', () => {
    const { index, facets } = build();
    expect(ids(index, filterMask(facets, f({ partner: ['group-19'] })))).toEqual(['l-3']);
    const prog = programmeId({ en: 'Belt & Road Course (2nd)' });
    expect(prog).toBe('belt-road-course-2nd');
    expect(ids(index, filterMask(facets, f({ prog })))).toEqual(['l-5']);
    expect(ids(index, filterMask(facets, f({ scope: 'domestic' })))).toEqual(['l-4']);
    expect(ids(index, filterMask(facets, f({ scope: 'international' })))).toEqual(['l-1', 'l-2', 'l-3', 'l-5']);
    expect(ids(index, filterMask(facets, f({ online: true })))).toEqual(['l-2']);
    expect(ids(index, filterMask(facets, f({ online: false })))).toHaveLength(4);
    expect(ids(index, filterMask(facets, f({ source: 'src-b' })))).toEqual(['l-5']);
  });

  it('count each option as if it were chosen, given the other dimensions only', () => {
    const { a, facets } = build();
    const filters = f({ cat: ['training'], country: ['PAK'] });
    const counts = optionCounts(facets, filters, a);
    const n = (d: keyof typeof counts, key: string, w = ALL) => entityCount(counts[d], counts[d].indexOf.get(key) ?? -1, w);
    // Categories ignore the category filter: with PAK, l-1 (agreement) and l-5 (training, tcm).
    expect(n('cat', 'training')).toBe(1);
    expect(n('cat', 'agreement')).toBe(1);
    expect(n('cat', 'tcm')).toBe(1);
    expect(n('cat', 'clinical')).toBe(0);
    // Countries ignore the country filter: training links go to PAK (l-5) and MYS (l-2).
    expect(n('country', 'PAK')).toBe(1);
    expect(n('country', 'MYS')).toBe(1);
    // Other dimensions count the links that pass every filter.
    expect(n('online', '0')).toBe(1);
    expect(n('online', '1')).toBe(0);
    // And per window: l-5 is in 2020.
    expect(n('cat', 'training', { from: Number.NEGATIVE_INFINITY, to: 2019, includeUndated: false })).toBe(0);
    expect(n('cat', 'agreement', { from: Number.NEGATIVE_INFINITY, to: 2019, includeUndated: false })).toBe(1);
  });

  it('give option counts that equal the filtered totals when that option is chosen', () => {
    const { a, facets } = build();
    const base = f({ online: false });
    const counts = optionCounts(facets, base, a);
    for (const [i, key] of counts.cat.keys.entries()) {
      const chosen = countLinks(a, filterMask(facets, withChosen(base, 'cat', [key])));
      expect(entityCount(counts.cat, i, ALL), key).toBe(summarize(chosen, ALL).links);
    }
  });

  it('recount the same arcs: a filtered window count is the count of the links let through', () => {
    const { a, facets, index } = build();
    const filtered = countLinks(a, filterMask(facets, f({ cat: ['training'] })));
    expect(filtered.pairs).toBe(a.pairs);
    expect(summarize(filtered, ALL).links).toBe(2);
    expect(summarize(filtered, { from: Number.NEGATIVE_INFINITY, to: 2022 }).links).toBe(1);
    expect(yearHistogram(filtered).certain.reduce((s, x) => s + x, 0)).toBe(2);
    const pak = a.pairs.find((p) => p.partnerKey === 'PAK')!;
    expect(index.dataset.links[linksOfPair(a, pak.index)[0]!]!.id).toBe('l-1');
    expect(summarize(countLinks(a, null), ALL)).toEqual(summarize(a, ALL));
  });

  it('drop ids the dataset does not know, and compare and toggle as sets', () => {
    const { facets } = build();
    const known = knownFilters(f({ inst: ['hosp-a', 'nope'], country: ['XXX'], prog: 'gone', cat: ['training'] }), facets);
    expect(known).toEqual(f({ inst: ['hosp-a'], cat: ['training'] }));
    expect(sameFilters(f({ cat: ['training', 'tcm'] }), f({ cat: ['tcm', 'training'] }))).toBe(true);
    expect(sameFilters(f({ cat: ['training'] }), NO_FILTERS)).toBe(false);
    expect(toggleChosen(f({ scope: 'domestic' }), 'scope', 'international').scope).toBe('international');
    expect(isFiltered(toggleChosen(f({ scope: 'domestic' }), 'scope', 'domestic'))).toBe(false);
  });
});
