import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { exportLinks } from '../../src/domain/export-formats.ts';
import { EXPORT_COLUMNS } from '../../src/domain/flatten.ts';
import type { FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
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

function positions(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'LineString': case 'MultiPoint': return g.coordinates;
    case 'MultiLineString': case 'Polygon': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    case 'GeometryCollection': return g.geometries.flatMap(positions);
  }
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

describe('CSV export for spreadsheets', () => {
  it('escapes cells a spreadsheet would run as formulas, with a leading apostrophe', () => {
    const d = miniDataset();
    const starts = ['=HYPERLINK("http://example.org/x","open")', '+1 more', '-2 fewer', '@x'];
    starts.forEach((s, i) => { d.links[i]!.summary.en = s; });
    const rows = parseCsv(exportLinks(indexOf(d), 'csv')).data;
    expect(rows.map((r) => r.summary_en)).toEqual(starts.map((s) => `'${s}`));
  });

  it('keeps coordinates west of Greenwich as plain numbers', () => {
    const d = miniDataset();
    d.partners[0]!.coordinates = [-77.03, -12.05];
    const rows = parseCsv(exportLinks(indexOf(d), 'csv')).data;
    expect(rows.find((r) => r.id === 'l-2')).toMatchObject({ partner_lon: '-77.03', partner_lat: '-12.05' });
  });

  it('starts with a byte-order mark when asked, keeps Chinese intact, and has one row per link given', () => {
    const index = indexOf();
    const links = index.dataset.links.slice(1, 3);
    const text = exportLinks(index, 'csv', links, { bom: true });
    expect(text.charCodeAt(0)).toBe(0xfeff);
    expect(exportLinks(index, 'csv', links).charCodeAt(0)).toBe('i'.charCodeAt(0));
    const rows = parseCsv(text).data;
    expect(rows.map((r) => r.id)).toEqual(['l-2', 'l-3']);
    expect(rows[1]).toMatchObject({ partner_zh: '19个国家（未列名）', summary_zh: '一次会议。', institution_zh: '甲医院' });
  });
});

describe('JSON and GeoJSON export', () => {
  it('JSON carries every link and its full evidence', () => {
    const rows = JSON.parse(exportLinks(indexOf(), 'json')) as { id: string; evidence: { source: string; locator: string }[] }[];
    expect(rows.map((r) => r.id)).toEqual(['l-1', 'l-2', 'l-3', 'l-4']);
    expect(rows[0]!.evidence).toEqual([{ source: 'src-a', locator: '¶4', title: 'A report' }]);
  });

  it('GeoJSON draws a line where both ends have a place and keeps the rest with a null geometry', () => {
    const fc = JSON.parse(exportLinks(indexOf(), 'geojson')) as { features: { id: string; geometry: { coordinates: number[][] } | null; properties: { feature_kind: string } }[] };
    const lines = fc.features.filter((f) => f.properties.feature_kind === 'link');
    expect(lines).toHaveLength(4);
    const byId = Object.fromEntries(lines.map((f) => [f.id, f]));
    expect(byId['l-3']!.geometry).toBeNull(); // a worldwide group has no place
    const line = byId['l-2']!.geometry!.coordinates;
    expect(line[0]).toEqual([120.155, 30.274]);
    expect(line.at(-1)).toEqual([101.65, 3.11]);
  });

  it('GeoJSON adds one point per institution and placed partner, counting the exported links only', () => {
    const index = indexOf();
    const some = index.dataset.links.filter((l) => l.id !== 'l-1');
    const fc = JSON.parse(exportLinks(index, 'geojson', some)) as FeatureCollection;
    const points = fc.features.filter((f) => f.geometry?.type === 'Point').map((f) => ({ fid: f.id, ...f.properties }));
    expect(points).toEqual([
      { fid: 'institution:hosp-a', feature_kind: 'institution', id: 'hosp-a', name_en: 'Hospital A', name_zh: '甲医院', link_count: 3 },
      { fid: 'partner:uni-m', feature_kind: 'partner', id: 'uni-m', name_en: 'University M', name_zh: '某大学', partner_kind: 'institution', iso3: 'MYS', link_count: 1 },
      { fid: 'partner:hosp-b', feature_kind: 'partner', id: 'hosp-b', name_en: 'Hospital B', name_zh: '乙医院', partner_kind: 'domestic', link_count: 1 },
    ]);
    const hosp = fc.features.find((f) => f.id === 'institution:hosp-a')!;
    expect(hosp.geometry).toEqual({ type: 'Point', coordinates: [120.155, 30.274] });
  });

  it('GeoJSON is valid RFC 7946: every feature has type, geometry and properties; positions are [lon, lat] in range', () => {
    const d = miniDataset();
    // A partner across the Pacific: the line must be cut at the antimeridian, not run past 180°.
    d.partners.push({ id: 'samoa-h', kind: 'institution', country: 'WSM', name: { en: 'Samoa Hospital', zh: '萨摩亚医院' }, coordinates: [-171.76, -13.83], precision: 'city' } as never);
    d.links.push({ ...d.links[1]!, id: 'l-5', partner: 'samoa-h' } as never);
    const fc = JSON.parse(exportLinks(indexOf(d), 'geojson')) as FeatureCollection;
    expect(fc.type).toBe('FeatureCollection');
    const kinds = new Set<string>();
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      expect(f).toHaveProperty('geometry');
      expect(f.properties).toBeTypeOf('object');
      if (!f.geometry) continue;
      kinds.add(f.geometry.type);
      for (const [lon, lat, ...rest] of positions(f.geometry)) {
        expect(rest).toEqual([]);
        expect(typeof lon === 'number' && typeof lat === 'number').toBe(true);
        expect(Math.abs(lon!)).toBeLessThanOrEqual(180);
        expect(Math.abs(lat!)).toBeLessThanOrEqual(90);
      }
    }
    expect([...kinds].sort()).toEqual(['LineString', 'MultiLineString', 'Point']);
    const samoa = fc.features.find((f) => f.id === 'l-5')!.geometry as MultiLineString;
    expect(samoa.coordinates.at(-1)!.at(-1)).toEqual([-171.76, -13.83]);
  });

  it('gives the first source\'s address and kind, and every source once, first source first', () => {
    const d = miniDataset();
    d.sources.push({
      id: 'src-web', language: 'pt', url: 'https://example.org/noticia?id=1&x=2', kind: 'news', side: 'third-party',
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
