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

const countryOf = (l: (typeof d.links)[number]): string[] => {
  if (/^[A-Z]{3}$/.test(l.partner)) return [l.partner];
  const p = d.partners.find((x) => x.id === l.partner);
  return p?.kind === 'institution' ? [p.country] : [];
};
const seedSourceIds = new Set(d.sources.filter((s) => s.file).map((s) => s.id));
const citesSeed = (l: (typeof d.links)[number]) => l.evidence.some((e) => seedSourceIds.has(e.source));

describe('the seed dataset', () => {
  const partnerCountries = new Set(d.links.filter(citesSeed).flatMap(countryOf));
  const allPartnerCountries = new Set(d.links.flatMap((l) => {
    if (/^[A-Z]{3}$/.test(l.partner)) return [l.partner];
    const p = d.partners.find((x) => x.id === l.partner);
    return p?.kind === 'institution' ? [p.country] : [];
  }));

  it('links every partner country the five documents name, and no other, from those documents', () => {
    expect([...partnerCountries].sort()).toEqual([...NAMED_COUNTRIES].sort());
  });

  it('uses every Chinese institution it lists', () => {
    const used = new Set(d.links.flatMap((l) => [l.institution, ...(l.with ?? []), l.partner]));
    const parents = new Set(d.institutions.map((i) => i.parent).filter(Boolean));
    const unused = d.institutions.filter((i) => !used.has(i.id) && !parents.has(i.id)).map((i) => i.id);
    expect(unused).toEqual([]);
  });

  it('draws Hong Kong and Macao only as domestic places', () => {
    expect(allPartnerCountries.has('HKG') || allPartnerCountries.has('MAC') || allPartnerCountries.has('TWN')).toBe(false);
    const domestic = d.links.filter((l) => l.partner === 'hong-kong' || l.partner === 'macao');
    expect(domestic.length).toBe(2);
  });

  it('cites a source and a locator on every link; a seed locator names its paragraph', () => {
    for (const l of d.links) {
      expect(l.evidence.length, l.id).toBeGreaterThan(0);
      for (const e of l.evidence) {
        expect(e.locator.trim(), l.id).not.toBe('');
        if (seedSourceIds.has(e.source)) expect(e.locator, l.id).toMatch(/¶\d+/);
      }
    }
  });

  const seeds = join('..', 'shared', 'seeds');
  it.runIf(existsSync(seeds))('points every ¶ locator at a paragraph that exists in its seed file', () => {
    for (const l of d.links) {
      for (const e of l.evidence.filter((x) => seedSourceIds.has(x.source))) {
        const source = d.sources.find((s) => s.id === e.source);
        const paragraphs = readFileSync(join(seeds, source!.file!), 'utf8').split('\n').filter((x) => x.trim()).length;
        for (const m of e.locator.matchAll(/¶(\d+)/g)) expect(Number(m[1]), `${l.id} ${e.locator}`).toBeLessThanOrEqual(paragraphs);
      }
    }
  });
});

describe('the dataset beyond the seeds (issue 5)', () => {
  it('holds at least 200 links, 55 partner countries and 70 Chinese institutions', () => {
    const countries = new Set(d.links.flatMap(countryOf));
    const institutions = new Set(d.links.flatMap((l) => [l.institution, ...(l.with ?? [])]));
    expect(d.links.length).toBeGreaterThanOrEqual(200);
    expect(countries.size).toBeGreaterThanOrEqual(55);
    expect(institutions.size).toBeGreaterThanOrEqual(70);
  });

  it('gives every source that is not a seed file its address', () => {
    for (const s of d.sources) if (!s.file) expect(s.url, s.id).toMatch(/^https?:\/\//);
  });

  const leadsFile = join('..', 'shared', 'data-leads', 'leads.md');
  it.runIf(existsSync(leadsFile))('has a review-log entry for every lead id in the leads file', () => {
    const ids = new Set([...readFileSync(leadsFile, 'utf8').matchAll(/^\| (B\d\d\.\d+) \|/gm)].map((m) => m[1]));
    const log = JSON.parse(readFileSync(join('data', 'review', 'leads.json'), 'utf8')) as Record<string, unknown>;
    expect(ids.size).toBe(132);
    expect([...ids].filter((id) => !(id! in log))).toEqual([]);
  });
});

describe('what the default view counts (issue 10)', () => {
  it('counts every link its sources put by 2025 as certain, the undated and planned apart, and none twice', async () => {
    const { indexDataset } = await import('../../src/domain/dataset-index.ts');
    const { aggregate, summarize } = await import('../../src/domain/aggregate.ts');
    const a = aggregate(indexDataset(d, new Map()));
    const upto2025 = summarize(a, { from: Number.NEGATIVE_INFINITY, to: 2025 });
    expect(upto2025).toMatchObject({ links: 424, possible: 0, undated: 37, planned: 7 });
    expect(upto2025.links + upto2025.possible + upto2025.undated + upto2025.planned).toBe(d.links.length);
    // "In 2015" counts only what its sources put in 2015 (7 links); the possible and the undated stay apart.
    const in2015 = summarize(a, { from: 2015, to: 2015 });
    expect(in2015.links).toBe(7);
    expect(in2015.undated).toBe(upto2025.undated);
  });
});

describe('coverage of the structural programmes (issue 13)', () => {
  it('maps the counts reached, each beside its official figure', async () => {
    const { indexDataset } = await import('../../src/domain/dataset-index.ts');
    const { coverageOfAll } = await import('../../src/domain/programme-coverage.ts');
    const byId = new Map(coverageOfAll(indexDataset(d, new Map())).map((c) => [c.programme.id, c.lines.map((l) => `${l.figure.measure} ${l.mapped} of ${l.figure.value}`)]));
    expect(Object.fromEntries(byId)).toEqual({
      'china-africa-hospital-pairing': ['partner-institutions 20 of 46', 'countries 20 of 41', 'partner-institutions 20 of 48', 'countries 20 of 43'],
      'chinese-medical-team': ['countries 43 of 76', 'countries 43 of 56'],
      'covid-19-expert-team': ['countries 34 of 34', 'countries 34 of 27'],
      'overseas-tcm-centre': ['ties 24 of 30', 'ties 24 of 30'],
    });
  });

  it('names the Chinese institution of every programme link, and cites a source for every official figure', () => {
    const structural = ['china-africa-hospital-pairing', 'chinese-medical-team', 'covid-19-expert-team', 'overseas-tcm-centre'];
    const sources = new Set(d.sources.map((s) => s.id));
    for (const id of structural) {
      const p = d.programmes.find((x) => x.id === id)!;
      expect(p.official?.length, id).toBeGreaterThan(0);
      for (const f of p.official ?? []) expect(sources.has(f.source), `${id} ${f.source}`).toBe(true);
    }
    // A team's batch is only ever given with the medical-team or COVID-19 programmes.
    expect(d.links.filter((l) => l.batch !== undefined && !['chinese-medical-team', 'covid-19-expert-team'].includes(l.programme ?? ''))).toEqual([]);
  });
});
