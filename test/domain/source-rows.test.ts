import { describe, expect, it } from 'vitest';
import { citationCounts, narrowSources, NO_NARROWING, sortSources, sourceLanguages, type SourceNames } from '../../src/domain/source-rows.ts';
import { collatorFor } from '../../src/domain/sort-order.ts';
import type { Link, Source } from '../../src/domain/schema.ts';

const src = (id: string, extra: Partial<Source> = {}): Source => ({
  id, language: 'en', title: { original: id, en: id, zh: `${id}（中）` }, published: { precision: 'unknown' }, kind: 'news', side: 'chinese', ...extra,
});
const sources: Source[] = [
  src('beta', { language: 'zh', title: { original: '北京报告', en: 'Beijing report', zh: '北京报告' }, kind: 'original', published: { precision: 'year', value: '2019' }, publisher: { en: 'Xinhua', zh: '新华社' } }),
  src('alpha', { published: { precision: 'day', value: '2019-05-01' }, url: 'https://example.org/a' }),
  src('gamma', { language: 'ru', kind: 'copy', published: { precision: 'before', to: '2018' }, file: 'seed-1.txt', publisher: { en: 'Astana Times', zh: '阿斯塔纳时报' } }),
];
const link = (id: string, ...cited: string[]): Link => ({
  id, kind: 'event', status: 'completed', institution: 'i', partner: 'KAZ', date: { precision: 'unknown' }, types: ['training'], summary: { en: id, zh: id },
  evidence: cited.map((source, i) => ({ source, locator: `¶${i + 1}` })),
});
const links = [link('l0', 'alpha'), link('l1', 'alpha', 'beta', 'alpha'), link('l2', 'gamma'), link('l3', 'beta')];

describe('citation counts', () => {
  it('count each citing link once, over all links or the shown ones', () => {
    expect([...citationCounts(sources, links, null)]).toEqual([2, 2, 1]);
    expect([...citationCounts(sources, links, [1, 2])]).toEqual([1, 1, 1]);
    expect([...citationCounts(sources, links, [])]).toEqual([0, 0, 0]);
  });
});

describe('narrowing the sources', () => {
  it('by language, kind and words in the titles, publisher or address', () => {
    expect(narrowSources(sources, NO_NARROWING)).toEqual([0, 1, 2]);
    expect(narrowSources(sources, { ...NO_NARROWING, language: 'zh' })).toEqual([0]);
    expect(narrowSources(sources, { ...NO_NARROWING, kind: 'copy' })).toEqual([2]);
    expect(narrowSources(sources, { ...NO_NARROWING, text: 'beijing' })).toEqual([0]);
    expect(narrowSources(sources, { ...NO_NARROWING, text: '新华' })).toEqual([0]);
    expect(narrowSources(sources, { ...NO_NARROWING, text: 'astana  TIMES' })).toEqual([2]);
    expect(narrowSources(sources, { ...NO_NARROWING, text: 'seed-1' })).toEqual([2]);
    expect(narrowSources(sources, { language: 'en', kind: 'copy', text: '' })).toEqual([]);
  });

  it('lists each language once', () => {
    expect(sourceLanguages(sources)).toEqual(['zh', 'en', 'ru']);
  });
});

describe('sorting the sources', () => {
  const names: SourceNames = { publisher: (s) => s.publisher?.en ?? '', language: (s) => s.language, kind: (s) => s.kind };
  const counts = { inView: citationCounts(sources, links, [0, 2, 3]), inAll: citationCounts(sources, links, null) };
  const order = (column: Parameters<typeof sortSources>[2]['column'], dir: 'ascending' | 'descending', rows = [0, 1, 2]) =>
    sortSources(rows, sources, { column, dir }, names, counts, collatorFor('en')).map((i) => sources[i]?.id);

  it('by date, unknown last, "by 2018" first', () => {
    expect(order('date', 'ascending')).toEqual(['gamma', 'beta', 'alpha']);
    expect(order('date', 'descending')).toEqual(['alpha', 'beta', 'gamma']);
  });
  it('by publisher, none stated last', () => {
    expect(order('publisher', 'ascending')).toEqual(['gamma', 'beta', 'alpha']);
    expect(order('publisher', 'descending')).toEqual(['beta', 'gamma', 'alpha']);
  });
  it('by the links citing them, in the view or in all, ties stable', () => {
    expect(order('inView', 'descending')).toEqual(['beta', 'alpha', 'gamma']);
    expect(order('inAll', 'descending')).toEqual(['beta', 'alpha', 'gamma']);
    expect(order('inAll', 'ascending')).toEqual(['gamma', 'beta', 'alpha']);
  });
  it('by title, language and kind', () => {
    expect(order('title', 'ascending')).toEqual(['alpha', 'gamma', 'beta']);
    expect(order('language', 'ascending')).toEqual(['alpha', 'gamma', 'beta']);
    expect(order('kind', 'ascending')).toEqual(['gamma', 'alpha', 'beta']);
  });
  it('only the rows given', () => {
    expect(order('title', 'descending', [2, 1])).toEqual(['gamma', 'alpha']);
  });
});
