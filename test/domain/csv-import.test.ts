import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { exportLinks } from '../../src/domain/export-formats.ts';
import { EXTRA_SOURCE_LOCATOR, importCsv, parseDateCode } from '../../src/domain/csv-import.ts';
import { toCsv } from '../../src/domain/csv.ts';
import { timelineSpanOf } from '../../src/domain/dates.ts';
import type { Dataset, Link } from '../../src/domain/schema.ts';
import { anchors } from '../fixtures/world.ts';

const TODAY = '2026-11-23';
const { raw } = readDataDir('data');
const bundled = validateDataset(raw);
if (!bundled.ok) throw new Error('data/ is invalid: run npm run data:check');
const reference: Dataset = bundled.dataset;

/** A CSV from rows given as column → value (every row has the union of their columns). */
function csv(rows: Record<string, string>[]): string {
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return toCsv(columns, rows.map((r) => Object.fromEntries(columns.map((c) => [c, r[c] ?? '']))));
}

const inst = reference.institutions[0]!;
const source = reference.sources[0]!;
/** One valid row naming things the atlas knows, in English only. */
const good = (over: Record<string, string> = {}): Record<string, string> => ({
  id: 'my-1', kind: 'event', status: 'completed', date: '2019-05', institution_id: inst.id, partner_kind: 'country', partner_iso3: 'KEN',
  type: 'training', summary_en: 'Nurses from Kenya trained in surgical care.', source_id: source.id, locator: 'p. 3', ...over,
});

describe('importCsv', () => {
  it('round-trips the bundled data: export to CSV, import back, the same links', () => {
    const index = indexDataset(reference, anchors);
    const text = exportLinks(index, 'csv', reference.links, { bom: true });
    const r = importCsv(text, reference, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.rows).toBe(reference.links.length);
    expect(r.imported).toBe(reference.links.length);
    expect(r.refused).toEqual([]);
    // What the CSV carries of each link comes back as it was; the locators of second and later sources are not in it
    // (nor a second locator in the same source): the first evidence entry, then each other source once.
    const strip = (l: Link) => ({ ...l, evidence: [l.evidence[0], ...new Set(l.evidence.slice(1).map((e) => e.source).filter((s) => s !== l.evidence[0]?.source))] });
    const back = new Map(r.dataset.links.map((l) => [l.id, l]));
    for (const l of reference.links) {
      const b = back.get(l.id);
      expect(b, l.id).toBeDefined();
      const { outsideTimelineReason: _o, distinctFrom: _d, ...rest } = strip(l);
      // date.basis is not a CSV column either.
      const { basis: _b, ...date } = rest.date as Link['date'] & { basis?: string };
      const { basis: _eb, ...end } = (rest.end ?? {}) as NonNullable<Link['end']> & { basis?: string };
      expect({ ...strip(b as Link), date, ...(rest.end ? { end } : {}) }, l.id).toEqual({ ...rest, date, ...(rest.end ? { end } : {}) });
      for (const e of (b as Link).evidence.slice(1)) expect(e.locator).toBe(EXTRA_SOURCE_LOCATOR);
      expect((b as Link).evidence[0]).toEqual(l.evidence[0]);
    }
    // And the links export again as they did (the columns the CSV carries, row for row).
    const again = exportLinks(indexDataset(r.dataset, anchors), 'csv', r.dataset.links, { bom: true });
    expect(again.split('\r\n').length).toBe(text.split('\r\n').length);
    expect(again.split('\r\n')[0]).toBe(text.split('\r\n')[0]);
  });

  it('imports an English-only row: Chinese falls back to English and is counted', () => {
    const r = importCsv(csv([good()]), reference, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.imported).toBe(1);
    const l = r.dataset.links[0]!;
    expect(l.summary).toEqual({ en: 'Nurses from Kenya trained in surgical care.', zh: 'Nurses from Kenya trained in surgical care.' });
    expect(l.partner).toBe('KEN');
    expect(l.date).toEqual({ precision: 'month', value: '2019-05' });
    expect(r.englishFallbacks).toBe(1);
    expect(validateDataset(r.dataset, TODAY, { atlasYears: false }).ok).toBe(true);
  });

  it('names a bad row by its row number and column, refuses it, and keeps the others', () => {
    const r = importCsv(csv([good(), good({ id: 'my-2', date: '2019-13-40' }), good({ id: 'my-3', partner_iso3: 'XYZ' }), good({ id: 'my-4', type: 'dancing' })]), reference, TODAY);
    expect(r.rows).toBe(4);
    expect(r.imported).toBe(1);
    expect(r.refused).toEqual([3, 4, 5]);
    expect(r.problems).toContainEqual({ row: 3, column: 'date', message: '"2019-13-40" is not a real calendar date' });
    expect(r.problems).toContainEqual({ row: 4, column: 'partner_iso3', message: '"XYZ" is not an ISO 3166-1 alpha-3 country code' });
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 5, column: 'type', message: expect.stringContaining('"dancing" is not a type') }));
    expect(r.dataset.links.map((l) => l.id)).toEqual(['my-1']);
  });

  it('refuses an unknown Chinese institution rather than guessing its place', () => {
    const r = importCsv(csv([good({ institution_id: '', institution_en: 'Hospital Nobody Knows' })]), reference, TODAY);
    expect(r.refused).toEqual([2]);
    expect(r.problems[0]).toMatchObject({ row: 2, column: 'institution_id', message: expect.stringContaining('unknown Chinese institution "Hospital Nobody Knows"') });
  });

  it('finds an institution by its English name and a country by its English name', () => {
    const r = importCsv(csv([good({ institution_id: '', institution_en: inst.name.en.toUpperCase(), partner_iso3: '', partner_en: 'Kenya' })]), reference, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.dataset.links[0]).toMatchObject({ institution: inst.id, partner: 'KEN' });
  });

  it('refuses Chinese territory as a partner, a repeated id, and a date in the future (a plan may be ahead)', () => {
    const r = importCsv(csv([
      good({ partner_iso3: 'TWN' }), good(), good({ id: 'my-5', date: '2031' }), good({ id: 'my-6', date: '2027', status: 'planned' }),
    ]), reference, TODAY);
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 2, column: 'partner_kind', message: expect.stringContaining('Taiwan is Chinese territory') }));
    expect(r.problems).toContainEqual(expect.objectContaining({ row: 4, column: 'date', message: expect.stringContaining('in the future') }));
    expect(r.problems).toContainEqual({ row: 3, column: 'id', message: '"my-1" is also the id of row 2' });
    expect(r.refused).toEqual([2, 3, 4]);
    expect(r.dataset.links.map((l) => l.id)).toEqual(['my-6']);
  });

  it('a new partner and a new source need what the CSV must say about them', () => {
    const r = importCsv(csv([
      good({ partner_kind: 'institution', partner_iso3: 'KEN', partner_en: 'Kenyatta National Hospital', source_id: 'knh-news', source_title: 'KNH news', source_url: 'https://example.org/knh', source_kind: 'news', sides: 'partner' }),
      good({ id: 'my-2', source_id: 'other-news', source_title: 'Other' }),
    ]), reference, TODAY);
    expect(r.dataset.partners).toContainEqual({ id: 'kenyatta-national-hospital', kind: 'institution', name: { en: 'Kenyatta National Hospital', zh: 'Kenyatta National Hospital' }, country: 'KEN' });
    expect(r.dataset.sources.find((s) => s.id === 'knh-news')).toMatchObject({ side: 'partner', country: 'KEN', language: 'und', url: 'https://example.org/knh' });
    expect(r.refused).toEqual([3]);
    expect(r.problems.map((p) => p.column)).toEqual(['source_url', 'source_kind', 'sides']);
  });

  it('says which required columns are missing and which columns it does not know', () => {
    const r = importCsv('id,kind,colour\r\nmy-1,event,red\r\n', reference, TODAY);
    expect(r.imported).toBe(0);
    expect(r.refused).toEqual([2]);
    expect(r.problems).toContainEqual({ row: 1, column: 'colour', message: 'is not a column of the export; its cells are not imported' });
    expect(r.problems).toContainEqual({ row: 1, column: 'type', message: 'is missing: every row needs it' });
  });

  it('undoes the export\'s formula escaping', () => {
    const r = importCsv(csv([good({ summary_en: '=1+1 is not run by spreadsheets' })]), reference, TODAY);
    expect(r.dataset.links[0]!.summary.en).toBe('=1+1 is not run by spreadsheets');
  });

  it('parses the export\'s date codes', () => {
    expect(parseDateCode('2016/2018', 'range')).toEqual({ precision: 'range', from: '2016', to: '2018' });
    expect(parseDateCode('../2019-09', '')).toEqual({ precision: 'before', to: '2019-09' });
    expect(parseDateCode('', 'unknown')).toEqual({ precision: 'unknown' });
    expect(parseDateCode('2019', 'day')).toMatch(/year date, but date_precision says day/);
    expect(parseDateCode('May 2019', '')).toMatch(/not a date/);
  });

  it('a dataset reaching 2012 and 2027 widens the timeline; the bundled data keeps 2015–2025', () => {
    const r = importCsv(csv([good({ date: '2012' }), good({ id: 'my-2', date: '2027', status: 'planned' })]), reference, TODAY);
    expect(r.problems).toEqual([]);
    expect(timelineSpanOf(r.dataset.links)).toEqual({ first: 2012, last: 2027 });
    expect(timelineSpanOf(reference.links)).toEqual({ first: 2015, last: 2025 });
    expect(timelineSpanOf([{ date: { precision: 'before', to: '2010' } }])).toEqual({ first: 2010, last: 2025 });
  });
});

describe('shownInEnglish', () => {
  it('marks English standing in for Chinese on the Chinese page only', async () => {
    const { shownInEnglish } = await import('../../src/domain/english-fallback.ts');
    expect(shownInEnglish({ en: 'Kenyatta Hospital', zh: 'Kenyatta Hospital' }, 'zh')).toBe(true);
    expect(shownInEnglish({ en: 'Kenyatta Hospital', zh: 'Kenyatta Hospital' }, 'en')).toBe(false);
    expect(shownInEnglish({ en: 'Kenyatta Hospital', zh: '肯雅塔医院' }, 'zh')).toBe(false);
    expect(shownInEnglish({ en: '2019', zh: '2019' }, 'zh')).toBe(false);
  });
});

describe('importCsv counts', () => {
  it('counts English fallbacks of imported rows only', () => {
    const r = importCsv(csv([good(), good({ id: 'my-2', date: '2019-13-40' })]), reference, TODAY);
    expect(r.refused).toEqual([3]);
    expect(r.englishFallbacks).toBe(1);
  });
});
