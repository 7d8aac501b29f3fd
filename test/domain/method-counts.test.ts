import { describe, expect, it } from 'vitest';
import { datasetStats } from '../../src/domain/dataset-stats.ts';
import { evidenceBySource, linkSourceIds } from '../../src/domain/evidence.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { anchors } from '../fixtures/world.ts';
import { summarizeReviewLog } from '../../src/domain/review-log.ts';
import { findCity, normalizePlaceName, cityKey, type GazetteerPlace } from '../../src/domain/gazetteer.ts';
import type { Dataset } from '../../src/domain/schema.ts';

const bi = (s: string) => ({ en: s, zh: s });
const d: Dataset = {
  programmes: [],
  sources: [
    { id: 's1', language: 'en', url: 'https://a.example/1', title: { original: 'A', en: 'A', zh: 'A' }, published: { precision: 'unknown' }, kind: 'original', side: 'chinese' },
    { id: 's2', language: 'pt', url: 'https://b.example/2', title: { original: 'B', en: 'B', zh: 'B' }, published: { precision: 'unknown' }, kind: 'news', side: 'chinese' },
    { id: 's3', language: 'zh', url: 'https://c.example/3', title: { original: 'C', en: 'C', zh: 'C' }, published: { precision: 'unknown' }, kind: 'news', side: 'chinese' },
  ],
  institutions: [
    { id: 'a', name: bi('A'), kind: 'hospital', city: bi('X'), coordinates: [120, 30], precision: 'city' },
    { id: 'b', name: bi('B'), kind: 'hospital', city: bi('Y'), coordinates: [110, 30], precision: 'city' },
  ],
  partners: [{ id: 'p', kind: 'institution', name: bi('P'), country: 'BRA' }, { id: 'g', kind: 'group', name: bi('G'), count: 5 }],
  links: [
    { id: 'l1', institution: 'a', partner: 'PAK', kind: 'event', status: 'completed', date: { precision: 'unknown' }, types: ['training'], summary: bi('s'), evidence: [{ source: 's1', locator: 'x' }, { source: 's2', locator: 'y' }] },
    { id: 'l2', institution: 'a', with: ['b'], partner: 'p', kind: 'event', status: 'completed', date: { precision: 'unknown' }, types: ['training'], summary: bi('s'), evidence: [{ source: 's3', locator: 'x' }, { source: 's3', locator: 'z' }] },
    { id: 'l3', institution: 'b', partner: 'g', kind: 'event', status: 'completed', date: { precision: 'unknown' }, types: ['training'], summary: bi('s'), evidence: [{ source: 's3', locator: 'x' }] },
  ],
};

describe('the counts "About the data" states', () => {
  it('counts sources by kind, links citing more than one document, countries through partner institutions, and institutions leading or named', () => {
    const index = indexDataset(d, anchors);
    expect(datasetStats(index)).toEqual({
      links: 3, sources: 3, sourcesByKind: { original: 1, news: 2, copy: 0 },
      // l2 cites one document twice: that is one source, not two.
      multiSourceLinks: 1,
      // PAK directly, BRA through partner p; the group names no country.
      partnerCountries: 2,
      // a and b both lead a link; b is also named with l2, but is counted once.
      leadInstitutions: 2,
      otherInstitutions: 0,
    });
    const onlyNamed = { ...d, institutions: [...d.institutions, { id: 'c', name: bi('C'), kind: 'hospital' as const, city: bi('Z'), coordinates: [100, 30] as [number, number], precision: 'city' as const }],
      links: d.links.map((l) => (l.id === 'l1' ? { ...l, with: ['c'] } : l)) };
    expect(datasetStats(indexDataset(onlyNamed, anchors))).toMatchObject({ leadInstitutions: 2, otherInstitutions: 1 });
  });

  it('summarises the review log: leads taken, excluded, and reasons commonest first', () => {
    const s = summarizeReviewLog({
      'B01.1': { links: ['l1'] },
      'B01.2': { excluded: 'speaker only', reason: 'not-a-partner' },
      'B02.1': { excluded: 'speaker only', reason: 'not-a-partner' },
      'B03.1': { excluded: 'no foreign side', reason: 'no-partner-named' },
      'B04.1': { excluded: 'something else' },
    });
    expect(s).toMatchObject({ total: 5, taken: 1, excluded: 4 });
    expect(s.reasons.map((r) => [r.reason, r.leads])).toEqual([
      ['not-a-partner', ['B01.2', 'B02.1']], ['no-partner-named', ['B03.1']], ['other', ['B04.1']],
    ]);
  });
});

describe('matching report city names to the gazetteer', () => {
  const places: GazetteerPlace[] = [
    { name: 'Ürümqi', country: 'CN', population: 3_000_000, lonLat: [87.6, 43.8] },
    { name: 'Tianjin', country: 'CN', population: 11_000_000, lonLat: [117.2, 39.1] },
    { name: 'Tianjin', country: 'CN', population: 5_000, lonLat: [100, 30] },
    { name: 'Nur-Sultan', altName: 'Akmola,Tselinograd', country: 'KZ', population: 345_000, lonLat: [71.4, 51.2] },
    { name: 'Xi’an', country: 'CN', population: 6_500_000, lonLat: [108.9, 34.3] },
  ];
  it('ignores accents, apostrophes and qualifiers the reports add', () => {
    expect(normalizePlaceName("Xi'an")).toBe('xian');
    expect(cityKey('Kashgar, Xinjiang')).toBe('Kashgar');
    expect(cityKey('Hohhot (regional capital)')).toBe('Hohhot');
    expect(findCity(places, 'Urumqi', 'CN')?.lonLat).toEqual([87.6, 43.8]);
    expect(findCity(places, "Xi'an", 'CN')?.lonLat).toEqual([108.9, 34.3]);
  });
  it('takes the most populous of same-named places, only in the record\'s country, and knows renamed cities', () => {
    expect(findCity(places, 'Tianjin', 'CN')?.population).toBe(11_000_000);
    expect(findCity(places, 'Tianjin', 'KZ')).toBeNull();
    expect(findCity(places, 'Astana', 'KZ')?.name).toBe('Nur-Sultan');
    expect(findCity(places, 'Tselinograd', 'KZ')?.name).toBe('Nur-Sultan');
  });
  it('pins a name GeoNames gives to several unpopulated towns, when the record names its province', () => {
    const hekou: GazetteerPlace[] = [
      { id: 1808578, name: 'Hekou', country: 'CN', population: 0, lonLat: [117.71, 28.32] }, // Jiangxi
      { id: 1808588, name: 'Hekou', country: 'CN', population: 0, lonLat: [104.01, 22.54] }, // Yunnan
    ];
    expect(findCity(hekou, 'Hekou, Yunnan', 'CN')?.lonLat).toEqual([104.01, 22.54]);
  });
});

describe('a link\'s sources', () => {
  it('lists each document once, first cited first, with every place in it', () => {
    const link = { evidence: [{ source: 'b', locator: '¶2' }, { source: 'a', locator: '¶1' }, { source: 'b', locator: '¶5' }] };
    expect(linkSourceIds(link)).toEqual(['b', 'a']);
    expect(evidenceBySource(link)).toEqual([{ source: 'b', locators: ['¶2', '¶5'] }, { source: 'a', locators: ['¶1'] }]);
  });
});
