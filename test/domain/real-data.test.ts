/**
 * Checks on the real dataset against the five seed documents: every named partner country and
 * Chinese institution is present, nothing foreign is Chinese territory, and every locator points
 * at a paragraph that exists in its seed file.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';

const { raw } = readDataDir('data');
const result = validateDataset(raw);
if (!result.ok) throw new Error('data/ is invalid: run npm run data:check');
const d = result.dataset;

// Every country the five documents name as a partner (Hong Kong and Macao are domestic).
const NAMED_COUNTRIES = ['PHL', 'VNM', 'MYS', 'MLI', 'NGA', 'BRA', 'PAK', 'IDN', 'KAZ', 'BGD', 'NPL', 'MUS', 'ZAF', 'JPN',
  'TJK', 'SGP', 'ISR', 'USA', 'GBR', 'FRA', 'DEU', 'RUS', 'SRB', 'CZE', 'IND', 'TKM', 'UZB', 'LAO', 'MNG', 'AUS', 'CAN'];

describe('the seed dataset', () => {
  const partnerCountries = new Set(d.links.flatMap((l) => {
    if (/^[A-Z]{3}$/.test(l.partner)) return [l.partner];
    const p = d.partners.find((x) => x.id === l.partner);
    return p?.kind === 'institution' ? [p.country] : [];
  }));

  it('links every partner country the documents name, and no other', () => {
    expect([...partnerCountries].sort()).toEqual([...NAMED_COUNTRIES].sort());
  });

  it('uses every Chinese institution it lists', () => {
    const used = new Set(d.links.flatMap((l) => [l.institution, ...(l.with ?? []), l.partner]));
    const parents = new Set(d.institutions.map((i) => i.parent).filter(Boolean));
    const unused = d.institutions.filter((i) => !used.has(i.id) && !parents.has(i.id)).map((i) => i.id);
    expect(unused).toEqual([]);
  });

  it('draws Hong Kong and Macao only as domestic places', () => {
    expect(partnerCountries.has('HKG') || partnerCountries.has('MAC') || partnerCountries.has('TWN')).toBe(false);
    const domestic = d.links.filter((l) => l.partner === 'hong-kong' || l.partner === 'macao');
    expect(domestic.length).toBe(2);
  });

  it('cites a source and a locator on every link', () => {
    for (const l of d.links) {
      expect(l.evidence.length, l.id).toBeGreaterThan(0);
      for (const e of l.evidence) expect(e.locator, l.id).toMatch(/¶\d+/);
    }
  });

  const seeds = join('..', 'shared', 'seeds');
  it.runIf(existsSync(seeds))('points every ¶ locator at a paragraph that exists in its seed file', () => {
    for (const l of d.links) {
      for (const e of l.evidence) {
        const source = d.sources.find((s) => s.id === e.source);
        expect(source?.file, l.id).toBeDefined();
        const paragraphs = readFileSync(join(seeds, source!.file!), 'utf8').split('\n').filter((x) => x.trim()).length;
        for (const m of e.locator.matchAll(/¶(\d+)/g)) expect(Number(m[1]), `${l.id} ${e.locator}`).toBeLessThanOrEqual(paragraphs);
      }
    }
  });
});
