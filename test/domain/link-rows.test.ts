import { describe, expect, it } from 'vitest';
import { linkSourceIds } from '../../src/domain/evidence.ts';
import { buildLinkRow, linkSourceSummary, sortLinkRows, type LinkNames, type LinkWords } from '../../src/domain/link-rows.ts';
import { collatorFor } from '../../src/domain/sort-order.ts';
import type { DateSpec, Link, Source } from '../../src/domain/schema.ts';

const NAMES: Record<string, { en: string; zh: string }> = {
  bj: { en: 'Beijing Hospital', zh: '北京医院' },
  sh: { en: 'Shanghai Hospital', zh: '上海医院' },
  gz: { en: 'Guangzhou Hospital', zh: '广州医院' },
};

function link(id: string, date: DateSpec, extra: Partial<Link> = {}): Link {
  return {
    id, kind: 'event', status: 'completed', institution: 'bj', partner: 'KAZ', date, types: ['training'], summary: { en: id, zh: id },
    evidence: [{ source: 's1', locator: '¶1' }], ...extra,
  };
}

const names = (lang: 'en' | 'zh'): LinkNames => ({
  institution: (l) => NAMES[l.institution]?.[lang] ?? l.institution,
  partner: (l) => l.partner,
  types: (l) => l.types.join(', '),
  evidenceRank: (l) => (l.inferred ? 0 : 1) * 100 + linkSourceIds(l).length,
});

const order = (links: Link[], column: Parameters<typeof sortLinkRows>[2]['column'], dir: 'ascending' | 'descending', lang: 'en' | 'zh' = 'en') =>
  sortLinkRows(links.map((_, i) => i), links, { column, dir }, names(lang), collatorFor(lang)).map((i) => links[i]?.id);

describe('sorting the table by date', () => {
  const links = [
    link('unknown-a', { precision: 'unknown' }),
    link('day', { precision: 'day', value: '2019-03-05' }),
    link('year', { precision: 'year', value: '2019' }),
    link('month', { precision: 'month', value: '2019-03' }),
    link('range', { precision: 'range', from: '2018-06', to: '2019-12' }),
    link('before-2018', { precision: 'before', to: '2018' }),
    link('before-2016', { precision: 'before', to: '2016-05' }),
    link('unknown-b', { precision: 'unknown' }),
    link('year-tie', { precision: 'year', value: '2019' }),
  ];

  it('goes by the earliest possible day, then the latest; "by" dates first; unknown last', () => {
    expect(order(links, 'date', 'ascending')).toEqual([
      'before-2016', 'before-2018', 'range', 'year', 'year-tie', 'month', 'day', 'unknown-a', 'unknown-b',
    ]);
  });

  it('reverses, keeping unknown dates last and ties in dataset order', () => {
    expect(order(links, 'date', 'descending')).toEqual([
      'day', 'month', 'year', 'year-tie', 'range', 'before-2018', 'before-2016', 'unknown-a', 'unknown-b',
    ]);
  });
});

describe('sorting the table by names, figures and sources', () => {
  const links = [
    link('a', { precision: 'year', value: '2020' }, { institution: 'sh' }),
    link('b', { precision: 'year', value: '2020' }, { institution: 'bj', participants: { value: 50, qualifier: 'about', unit: { en: 'x', zh: 'x' }, scope: 'link' } }),
    link('c', { precision: 'year', value: '2020' }, { institution: 'gz', participants: { value: 7, qualifier: 'exact', unit: { en: 'x', zh: 'x' }, scope: 'event' } }),
    link('d', { precision: 'year', value: '2020' }, { institution: 'bj', evidence: [{ source: 's1', locator: '¶1' }, { source: 's2', locator: '¶2' }, { source: 's1', locator: '¶9' }] }),
  ];

  it('collates institution names in English', () => {
    expect(order(links, 'institution', 'ascending', 'en')).toEqual(['b', 'd', 'c', 'a']);
    expect(order(links, 'institution', 'descending', 'en')).toEqual(['a', 'c', 'b', 'd']);
  });

  it('collates institution names in pinyin in Chinese (Beijing, Guangzhou, Shanghai)', () => {
    expect(order(links, 'institution', 'ascending', 'zh')).toEqual(['b', 'd', 'c', 'a']);
  });

  it('sorts participants by the figure, links without one last either way', () => {
    expect(order(links, 'participants', 'ascending')).toEqual(['c', 'b', 'a', 'd']);
    expect(order(links, 'participants', 'descending')).toEqual(['b', 'c', 'a', 'd']);
  });

  it('sorts by the number of distinct sources, stable on ties', () => {
    expect(order(links, 'sources', 'descending')).toEqual(['d', 'a', 'b', 'c']);
    expect(order(links, 'sources', 'ascending')).toEqual(['a', 'b', 'c', 'd']);
  });

  it('sorts a subset of rows and returns their dataset indexes', () => {
    expect(sortLinkRows([3, 0], links, { column: 'institution', dir: 'ascending' }, names('en'), collatorFor('en'))).toEqual([3, 0]);
  });
});

describe('sorting the table by status and evidence', () => {
  const y = { precision: 'year', value: '2020' } as const;
  const inferred = { en: 'framing', zh: '推断' };
  const links = [
    link('done', y),
    link('unknown', y, { status: 'unknown' }),
    link('planned', y, { status: 'planned' }),
    link('active', y, { kind: 'tie', status: 'active' }),
    link('agreed', y, { status: 'agreed' }),
    link('ended', y, { kind: 'tie', status: 'ended' }),
  ];

  it('goes by a link\'s life, planned to ended, with an unstated status last either way', () => {
    expect(order(links, 'status', 'ascending')).toEqual(['planned', 'agreed', 'active', 'done', 'ended', 'unknown']);
    expect(order(links, 'status', 'descending')).toEqual(['ended', 'done', 'active', 'agreed', 'planned', 'unknown']);
  });

  it('goes by evidence strength, weakest first', () => {
    const ev = [
      link('two', y, { evidence: [{ source: 's1', locator: '¶1' }, { source: 's2', locator: '¶1' }] }),
      link('inferred', y, { inferred }),
      link('one', y),
    ];
    expect(order(ev, 'evidence', 'ascending')).toEqual(['inferred', 'one', 'two']);
    expect(order(ev, 'evidence', 'descending')).toEqual(['two', 'one', 'inferred']);
  });
});

describe('a row', () => {
  const sources = new Map<string, Source>([
    ['s1', { id: 's1', language: 'zh', title: { original: '原标题', en: 'Title', zh: '原标题' }, published: { precision: 'unknown' }, kind: 'news', side: 'chinese' }],
  ]);
  const words: LinkWords = {
    ...names('en'),
    date: (l) => l.date.precision,
    participants: (p) => `${p.value} ${p.unit.en}`,
    shared: (scope) => `(whole ${scope})`,
    sources: (count) => `${count} sources`,
    status: (l) => `${l.status} ${l.kind}`,
    time: (l) => `${l.kind} since ${l.date.precision}`,
    evidence: (l) => (l.inferred ? 'inferred' : 'stated'),
  };

  it('counts a document cited twice once and names the first', () => {
    const l = link('x', { precision: 'unknown' }, { evidence: [{ source: 's1', locator: '¶1' }, { source: 's1', locator: '¶3' }, { source: 'gone', locator: '¶1' }] });
    const s = linkSourceSummary(l, sources);
    expect(s.count).toBe(2);
    expect(s.first?.id).toBe('s1');
  });

  it('says a shared figure is shared, and shows the first source\'s title in the interface language', () => {
    const l = link('x', { precision: 'year', value: '2020' }, { participants: { value: 30, qualifier: 'exact', unit: { en: 'doctors', zh: '名医生' }, scope: 'programme' } });
    const row = buildLinkRow(4, l, sources, words, 'zh');
    expect(row).toMatchObject({ li: 4, id: 'x', date: 'year', institution: 'Beijing Hospital', participants: '30 doctors (whole programme)', sources: '1 sources', firstTitle: '原标题', firstTitleLang: 'zh' });
    expect(row).toMatchObject({ status: 'completed event', time: 'event since year', evidence: 'stated', inferred: false });
    expect(buildLinkRow(1, link('z', { precision: 'year', value: '2020' }, { inferred: { en: 'framing', zh: '推断' } }), sources, words, 'en')).toMatchObject({ evidence: 'inferred', inferred: true });
    expect(buildLinkRow(0, link('y', { precision: 'unknown' }), sources, words, 'en')).toMatchObject({ participants: '', firstTitle: 'Title', firstTitleLang: 'en' });
  });
});

describe('at scale', () => {
  // Speed is the bench's job (npm run bench); here only the order at scale.
  it('sorts 100,000 rows by partner and by date', () => {
    const inst = ['bj', 'sh', 'gz'];
    const links = Array.from({ length: 100_000 }, (_, i) => link(`l${i}`, { precision: 'year', value: String(2015 + (i % 11)) }, { institution: inst[i % 3] as string, partner: `P${i % 997}` }));
    const rows = links.map((_, i) => i);
    const sorted = sortLinkRows(rows, links, { column: 'partner', dir: 'ascending' }, names('en'), collatorFor('en'));
    const byDate = sortLinkRows(rows, links, { column: 'date', dir: 'descending' }, names('en'), collatorFor('en'));
    expect(links[byDate[0] as number]?.date).toMatchObject({ value: '2025' });
    expect(links[byDate[99_999] as number]?.date).toMatchObject({ value: '2015' });
    expect(sorted).toHaveLength(100_000);
    expect(links[sorted[0] as number]?.partner).toBe('P0');
  });
});
