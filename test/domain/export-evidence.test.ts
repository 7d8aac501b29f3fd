/** The export columns for events and ties, status and evidence strength (README: export contract). */
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { exportLinks } from '../../src/domain/export-formats.ts';
import { EXPORT_COLUMNS, NUMERIC_EXPORT_COLUMNS } from '../../src/domain/flatten.ts';
import { evidenceIndex } from '../fixtures/evidence-dataset.ts';

const ADDED = ['kind', 'year_earliest', 'year_latest', 'status', 'ongoing_as_of', 'ongoing_as_of_source', 'end', 'scope',
  'sides', 'independent_sources', 'inferred', 'inferred_zh', 'programme_id', 'batch'];

const index = evidenceIndex();
const rows = Papa.parse<Record<string, string>>(exportLinks(index, 'csv'), { header: true, skipEmptyLines: true });
const byId = Object.fromEntries(rows.data.map((r) => [r.id, r]));

describe('CSV columns for time, status and evidence', () => {
  it('come after every earlier column, which keep their order', () => {
    expect(rows.errors).toEqual([]);
    expect(rows.meta.fields?.slice(-ADDED.length)).toEqual(ADDED);
    expect(rows.meta.fields).toEqual([...EXPORT_COLUMNS]);
    expect(rows.meta.fields?.indexOf('source_ids')).toBe(EXPORT_COLUMNS.length - ADDED.length - 1);
  });

  it('say an event\'s kind, status and the one year it happened in', () => {
    expect(byId['l-1']).toMatchObject({
      kind: 'event', status: 'agreed', year: '2018', year_earliest: '2018', year_latest: '2018', end: '', ongoing_as_of: '',
      scope: 'training;tcm', sides: 'chinese;partner;third-party', independent_sources: '2', inferred: '', inferred_zh: '',
    });
  });

  it('give the years between which a tie started, its end and its latest sighting', () => {
    expect(byId['l-ended']).toMatchObject({
      kind: 'tie', status: 'ended', year: '', date: '2016/2017', year_earliest: '2016', year_latest: '2017', end: '2023-08',
      sides: 'third-party', independent_sources: '1',
    });
    expect(byId['l-tie']).toMatchObject({
      kind: 'tie', status: 'active', year: '2019', year_earliest: '2019', year_latest: '2019',
      ongoing_as_of: '2023-02-25', ongoing_as_of_source: 'src-wire', end: '', scope: 'training', sides: 'partner;third-party',
      inferred: 'The page names only "a Chinese hospital".', inferred_zh: '页面仅称“一家中国医院”。',
    });
  });

  it('leave one year empty for an open side and both for an undated link', () => {
    expect(byId['l-planned']).toMatchObject({ status: 'planned', year_earliest: '', year_latest: '2025' });
    expect(byId['l-3']).toMatchObject({ status: 'unknown', year_earliest: '', year_latest: '', sides: 'third-party' });
  });

  it('write the new numbers as numbers', () => {
    for (const c of ['year_earliest', 'year_latest', 'independent_sources'] as const) expect(NUMERIC_EXPORT_COLUMNS).toContain(c);
  });
});

describe('JSON and GeoJSON exports', () => {
  it('carry the same fields as the CSV', () => {
    const json = JSON.parse(exportLinks(index, 'json')) as Record<string, unknown>[];
    const tie = json.find((r) => r.id === 'l-tie')!;
    for (const c of ADDED) expect(tie[c], c).toBe(byId['l-tie']![c]);
    const geo = JSON.parse(exportLinks(index, 'geojson')) as { features: { id: string; properties: Record<string, unknown> }[] };
    const feature = geo.features.find((f) => f.id === 'l-ended')!;
    for (const c of ADDED) expect(feature.properties[c], c).toBe(byId['l-ended']![c]);
  });
});
