/** Search: the short names people use find the right thing in the real data; ranking rules on a small fixture; speed at scale. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { parseAliases, type Alias } from '../../src/domain/aliases.ts';
import { buildSearchIndex, findEntry, searchEntities, type SearchIndex } from '../../src/domain/search.ts';
import type { Institution, Link, LinkRecord, Partner } from '../../src/domain/schema.ts';
import { isCountryCode } from '../../src/domain/countries.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function realIndex(): SearchIndex {
  const r = validateDataset(readDataDir('data').raw);
  if (!r.ok) throw new Error('data/ is invalid: run npm run data:check');
  const { aliases, problems } = parseAliases(JSON.parse(readFileSync('data/aliases.json', 'utf8')));
  expect(problems).toEqual([]);
  return buildSearchIndex(indexDataset(r.dataset, anchors), aliases);
}

describe('search over the real data', () => {
  const index = realIndex();
  const first = (q: string, lang: 'en' | 'zh' = 'en') => {
    const top = searchEntities(index, q, lang)[0];
    return top && `${top.kind}:${top.id}`;
  };

  it.each([
    ['中山五院', 'institution:sysu-fifth-hospital'],
    ['SRRSH', 'institution:srrsh'],
    ['srrsh', 'institution:srrsh'],
    ['邵逸夫', 'institution:srrsh'],
    ['湘雅', 'institution:xiangya-hospital'],
    ['Xiangya', 'institution:xiangya-hospital'],
    ['WCH', 'institution:wch-scu'],
    ['华西', 'institution:wch-scu'],
    ['Kazakhstan', 'country:KAZ'],
    ['哈萨克斯坦', 'country:KAZ'],
    ['Laos', 'country:LAO'],
    ['UK', 'country:GBR'],
    ['KAZ', 'country:KAZ'],
    ['Fuwai', 'institution:fuwai-hospital'],
    ['WHO', 'organization:who'],
  ])('"%s" finds %s first', (q, expected) => {
    expect(first(q)).toBe(expected);
    expect(first(q, 'zh')).toBe(expected);
  });

  it('says which alias matched when no name did', () => {
    const [top] = searchEntities(index, 'WCH', 'en');
    expect(top).toMatchObject({ id: 'wch-scu', alias: 'WCH', rank: 0 });
    const [kaz] = searchEntities(index, 'Kazakhstan', 'en');
    expect(kaz?.alias).toBeUndefined();
  });

  it('counts links across the whole dataset for each kind', () => {
    const r = validateDataset(readDataDir('data').raw);
    if (!r.ok) throw new Error('invalid');
    const { links, partners } = r.dataset;
    const countryOf = (l: Link) => {
      if (/^[A-Z]{3}$/.test(l.partner)) return l.partner;
      const p = partners.find((x) => x.id === l.partner);
      return p?.kind === 'institution' ? p.country : undefined;
    };
    const kaz = findEntry(index, { kind: 'country', id: 'KAZ' });
    expect(kaz?.links).toBe(links.filter((l) => countryOf(l) === 'KAZ').length);
    const srrsh = findEntry(index, { kind: 'institution', id: 'srrsh' });
    expect(srrsh?.links).toBe(links.filter((l) => l.institution === 'srrsh' || l.with?.includes('srrsh') || l.partner === 'srrsh').length);
    const who = findEntry(index, { kind: 'organization', id: 'who' });
    expect(who?.links).toBe(links.filter((l) => l.partner === 'who').length);
  });

  it('has one entry per institution, partner, partner country and programme', () => {
    const kinds = new Map<string, number>();
    for (const e of index.entries) kinds.set(e.kind, (kinds.get(e.kind) ?? 0) + 1);
    expect(kinds.get('institution')).toBe(229);
    expect(kinds.get('country')).toBeGreaterThan(90);
    expect(kinds.get('programme')).toBeGreaterThan(40);
    expect(new Set(index.entries.map((e) => `${e.kind}:${e.id}`)).size).toBe(index.entries.length);
  });
});

/** The mini dataset plus records chosen to exercise each ranking rule. */
function fixture(aliases: Alias[] = []): SearchIndex {
  const raw = miniDataset();
  const inst = (id: string, en: string, zh: string): Institution => ({
    id, kind: 'hospital', name: { en, zh }, city: { en: 'Hangzhou', zh: '杭州' }, coordinates: [120.155, 30.274], precision: 'city',
  });
  const base = raw.links[0]! as unknown as LinkRecord;
  const link = (id: string, institution: string, partner: string, extra: Partial<LinkRecord> = {}): LinkRecord => ({ ...base, id, institution, partner, ...extra });
  raw.institutions.push(
    inst('cardio', 'Cardio', '心脏'),
    inst('cardio-centre', 'Cardio Centre', '心脏中心'),
    inst('echo-unit', 'Echocardiography Unit', '超声心动图室'),
    inst('beta-cardio', 'Beta Cardio', '乙心脏'),
    inst('alpha-cardio', 'Alpha Cardio', '甲心脏'),
  );
  raw.partners.push({ id: 'sao-tome-hospital', kind: 'institution', country: 'STP', name: { en: 'São Tomé Hospital', zh: '圣多美医院' } } as never);
  (raw.links as unknown as LinkRecord[]).push(
    link('l-5', 'cardio-centre', 'PAK', { date: { precision: 'year', value: '2019' } }),
    link('l-6', 'cardio-centre', 'MYS', { date: { precision: 'year', value: '2020' } }),
    link('l-7', 'echo-unit', 'PAK', { date: { precision: 'year', value: '2021' } }),
    link('l-8', 'echo-unit', 'MYS', { date: { precision: 'year', value: '2022' } }),
    link('l-9', 'echo-unit', 'who', { date: { precision: 'year', value: '2022' } }),
    link('l-10', 'hosp-b', 'sao-tome-hospital', { with: ['hosp-a'], programme: { en: 'Alpha Programme', zh: '甲项目' } }),
    link('l-11', 'hosp-b', 'PAK', { date: { precision: 'year', value: '2017' }, programme: { en: 'Alpha programme!', zh: '甲计划' } }),
  );
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return buildSearchIndex(indexDataset(r.dataset, anchors), aliases);
}

describe('search ranking', () => {
  const ids = (index: SearchIndex, q: string, lang: 'en' | 'zh' = 'en', limit?: number) => searchEntities(index, q, lang, limit).map((h) => h.id);

  it('puts an exact name first, then a word that starts with the query, then the query inside a word', () => {
    const index = fixture();
    const hits = searchEntities(index, 'cardio', 'en');
    // "Cardio" has no links but is exact; "Echocardiography" has the most links but only contains the query.
    expect(hits.map((h) => [h.id, h.rank])).toEqual([
      ['cardio', 0], ['cardio-centre', 1], ['alpha-cardio', 1], ['beta-cardio', 1], ['echo-unit', 2],
    ]);
  });

  it('breaks ties by link count, then by name in the reader\'s language', () => {
    const index = fixture();
    // Alpha and Beta Cardio have no links: by name; Cardio Centre has two, so it leads its rank.
    expect(ids(index, 'cardio').slice(1, 4)).toEqual(['cardio-centre', 'alpha-cardio', 'beta-cardio']);
    expect(findEntry(index, { kind: 'institution', id: 'cardio-centre' })?.links).toBe(2);
  });

  it('ignores case, accents and punctuation', () => {
    const index = fixture();
    expect(ids(index, 'SAO TOME')[0]).toBe('STP');
    expect(ids(index, 'são-tomé hosp')[0]).toBe('sao-tome-hospital');
    expect(ids(index, 'ＣＡＲＤＩＯ')[0]).toBe('cardio');
  });

  it('matches Chinese as substrings: the start of a name ranks above the middle', () => {
    const index = fixture();
    const hits = searchEntities(index, '心脏', 'zh');
    expect(hits[0]).toMatchObject({ id: 'cardio', rank: 0 });
    expect(hits[1]).toMatchObject({ id: 'cardio-centre', rank: 1 });
    expect(hits.slice(2).map((h) => [h.id, h.rank])).toEqual([['alpha-cardio', 2], ['beta-cardio', 2]]);
    expect(ids(index, '医院', 'zh')).toContain('hosp-a');
  });

  it('finds aliases, ids and ISO codes, an exact alias before a prefix', () => {
    const index = fixture([{ target: 'echo-unit', aliases: ['Cardio Echo', 'EU'] }, { target: 'MYS', aliases: ['大马'] }]);
    expect(searchEntities(index, 'cardio echo', 'en')[0]).toMatchObject({ id: 'echo-unit', rank: 0, alias: 'Cardio Echo' });
    expect(ids(index, 'eu')[0]).toBe('echo-unit');
    expect(ids(index, '大马', 'zh')).toEqual(['MYS']);
    expect(ids(index, 'hosp-b')[0]).toBe('hosp-b');
    expect(ids(index, 'pak')[0]).toBe('PAK');
  });

  it('finds every word of a query in any order, below whole-phrase matches', () => {
    const index = fixture();
    expect(searchEntities(index, 'centre cardio', 'en').map((h) => [h.id, h.rank])).toEqual([['cardio-centre', 3]]);
  });

  it('gives every kind its entry and link count', () => {
    const index = fixture();
    const e = (kind: Parameters<typeof findEntry>[1]['kind'], id: string) => findEntry(index, { kind, id });
    expect(e('institution', 'hosp-a')?.links).toBe(5); // leads l-1..l-4, takes part in l-10
    expect(e('institution', 'hosp-b')?.links).toBe(3); // domestic partner of l-4, leads l-10 and l-11
    expect(e('country', 'PAK')?.links).toBe(4);
    expect(e('country', 'MYS')?.links).toBe(3); // two direct, one through University M
    expect(e('country', 'STP')).toMatchObject({ links: 1, name: { en: 'Sao Tome and Principe' } });
    expect(e('partner-institution', 'uni-m')?.links).toBe(1);
    expect(e('group', 'group-19')?.links).toBe(1);
    expect(e('organization', 'who')?.links).toBe(1);
    // Two spellings of one programme are one entry; the other spelling is searchable.
    // Two spellings with one id are one programme, named by the first (a dataset without programmes.json).
    expect(e('programme', 'alpha-programme')).toMatchObject({ links: 2, name: { en: 'Alpha Programme', zh: '甲项目' } });
    expect(ids(index, '甲项目', 'zh')).toEqual(['alpha-programme']);
  });

  it('returns nothing for an empty query and at most `limit` results', () => {
    const index = fixture();
    expect(searchEntities(index, '  ', 'en')).toEqual([]);
    expect(searchEntities(index, 'zzzz', 'en')).toEqual([]);
    expect(searchEntities(index, 'a', 'en', 3)).toHaveLength(3);
  });

  it('answers with 400 institutions, 200 countries and 10,000 partners', () => {
    const raw = miniDataset();
    const codes = COUNTRY_CODES.slice(0, 200);
    const institutions: Institution[] = Array.from({ length: 400 }, (_, i) => ({
      id: `inst-${i}`, kind: 'hospital', name: { en: `Synthetic Hospital ${i} Heart Centre`, zh: `合成医院${i}心脏中心` },
      city: { en: 'Hangzhou', zh: '杭州' }, coordinates: [120, 30], precision: 'city',
    }));
    const partners: Partner[] = Array.from({ length: 10_000 }, (_, i) => ({
      id: `partner-${i}`, kind: 'institution', country: codes[i % codes.length]!, name: { en: `Partner Medical University ${i}`, zh: `合作医科大学${i}` },
    }));
    const base = raw.links[0]! as unknown as Link;
    const links: Link[] = Array.from({ length: 20_000 }, (_, i) => ({ ...base, id: `s-${i}`, institution: `inst-${i % 400}`, partner: i % 3 ? `partner-${i % 10_000}` : codes[i % codes.length]! }));
    const index = buildSearchIndex(indexDataset({ sources: [], institutions, partners, links, programmes: [] }, anchors));
    expect(index.entries.filter((e) => e.kind === 'country')).toHaveLength(200);
    const queries = ['a', 'un', 'partner', 'medical university 99', 'heart', '合作', '医科大学12', 'zzzz', 'kaz', 'hospital 3'];
    searchEntities(index, 'warm', 'en'); // the first query sorts the tie order once
    // Speed is the bench's job (npm run bench); here every query answers at this scale.
    const results = queries.map((q) => searchEntities(index, q, 'en'));
    expect(results[queries.indexOf('zzzz')]).toHaveLength(0);
    expect(results[queries.indexOf('medical university 99')]!.length).toBeGreaterThan(0);
  });
});

// Real ISO 3166-1 alpha-3 codes (countryName needs them), none of them Chinese territory.
const COUNTRY_CODES = (() => {
  const out: string[] = [];
  for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const c of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') out.push(a + b + c);
  return out;
})().filter((c) => isCountryCode(c) && !['CHN', 'HKG', 'MAC', 'TWN'].includes(c));
