import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { exportLinks } from '../../src/domain/export-formats.ts';
import { EXPORT_COLUMNS } from '../../src/domain/flatten.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

const REQUIRED = ['id', 'year', 'date', 'date_precision', 'institution_id', 'institution_en', 'institution_zh',
  'institution_lon', 'institution_lat', 'partner_kind', 'partner_iso3', 'partner_en', 'partner_zh', 'partner_lon',
  'partner_lat', 'type', 'programme', 'participants', 'summary_en', 'summary_zh', 'source_id', 'source_title', 'locator'];

function indexOf(d = miniDataset()) {
  const r = validateDataset(d, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return indexDataset(r.dataset, anchors);
}

function parseCsv(text: string) {
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed;
}

describe('CSV export', () => {
  it('has the contracted header columns, in order, first', () => {
    const { meta } = parseCsv(exportLinks(indexOf(), 'csv'));
    expect(meta.fields?.slice(0, REQUIRED.length)).toEqual(REQUIRED);
    expect(meta.fields).toEqual([...EXPORT_COLUMNS]);
  });

  it('round-trips commas, quotes, newlines and Chinese text through a real CSV parser', () => {
    const d = miniDataset();
    const tricky = 'He said "hello, world"\nthen left, 然后离开；“引号”, and\r\nmore';
    d.links[0]!.summary.en = tricky;
    d.links[0]!.summary.zh = '逗号,引号"换行\n结束';
    d.institutions[0]!.name.en = 'Hospital A, "the first"';
    const { data } = parseCsv(exportLinks(indexOf(d), 'csv'));
    expect(data).toHaveLength(4);
    expect(data[0]!.summary_en).toBe(tricky);
    expect(data[0]!.summary_zh).toBe('逗号,引号"换行\n结束');
    expect(data[0]!.institution_en).toBe('Hospital A, "the first"');
  });

  it('uses CRLF line ends (RFC 4180)', () => {
    const text = exportLinks(indexOf(), 'csv');
    expect(text.split('\r\n').length).toBe(6); // header + 4 rows + trailing empty
  });

  it('states what is known and leaves the unknown empty', () => {
    const rows = parseCsv(exportLinks(indexOf(), 'csv')).data;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['l-1']).toMatchObject({ year: '2018', date: '2018-09-06', date_precision: 'day', partner_kind: 'country', partner_iso3: 'PAK', partner_en: 'Pakistan', partner_zh: '巴基斯坦', source_id: 'src-a', source_title: 'A report', locator: '¶4' });
    expect(byId['l-2']).toMatchObject({ partner_kind: 'institution', partner_iso3: 'MYS', participants: '13', partner_lon: '101.65', mode: 'online' });
    expect(byId['l-3']).toMatchObject({ year: '', date: '', date_precision: 'unknown', partner_kind: 'group', partner_iso3: '', partner_lon: '', group_count: '19' });
    expect(byId['l-4']).toMatchObject({ partner_kind: 'domestic', partner_en: 'Hospital B', partner_iso3: '' });
  });
});

describe('JSON and GeoJSON export', () => {
  it('JSON carries every link and its full evidence', () => {
    const rows = JSON.parse(exportLinks(indexOf(), 'json')) as { id: string; evidence: { source: string; locator: string }[] }[];
    expect(rows.map((r) => r.id)).toEqual(['l-1', 'l-2', 'l-3', 'l-4']);
    expect(rows[0]!.evidence).toEqual([{ source: 'src-a', locator: '¶4', title: 'A report' }]);
  });

  it('GeoJSON draws a line where both ends have a place and keeps the rest with a null geometry', () => {
    const fc = JSON.parse(exportLinks(indexOf(), 'geojson')) as { features: { id: string; geometry: { coordinates: number[][] } | null }[] };
    expect(fc.features).toHaveLength(4);
    const byId = Object.fromEntries(fc.features.map((f) => [f.id, f]));
    expect(byId['l-3']!.geometry).toBeNull(); // a worldwide group has no place
    const line = byId['l-2']!.geometry!.coordinates;
    expect(line[0]).toEqual([120.155, 30.274]);
    expect(line.at(-1)).toEqual([101.65, 3.11]);
  });

  it('gives the first source\'s address and kind, and every source once, first source first', () => {
    const d = miniDataset();
    d.sources.push({
      id: 'src-web', language: 'pt', url: 'https://example.org/noticia?id=1&x=2', kind: 'news',
      title: { original: 'Uma notícia', en: 'A news item', zh: '一则新闻' }, published: { precision: 'unknown' },
    } as never);
    // The news page first, then the seed; the seed is cited at two places but is one source.
    d.links[0]!.evidence = [{ source: 'src-web', locator: '¶2' }, { source: 'src-a', locator: '¶4' }, { source: 'src-a', locator: '¶5' }];
    const rows = parseCsv(exportLinks(indexOf(d), 'csv')).data;
    const byId = Object.fromEntries(rows.map((r) => [r.id, r]));
    expect(byId['l-1']).toMatchObject({ source_id: 'src-web', source_url: 'https://example.org/noticia?id=1&x=2', source_kind: 'news', source_count: '2', source_ids: 'src-web;src-a', locator: '¶2' });
    expect(byId['l-2']).toMatchObject({ source_url: '', source_kind: 'original', source_count: '1', source_ids: 'src-a' });
  });
});
