/**
 * The details panel's table on the real dataset: Kazakhstan lists each Chinese institution once,
 * with its Kazakh partners named and its first and latest dated link; sorting by each column.
 */
import { describe, expect, it } from 'vitest';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { aggregate, countLinks, type YearWindow } from '../../src/domain/aggregate.ts';
import { DEFAULT_SORT, nextSort, panelRows, sortRows, type PanelRow } from '../../src/domain/panel-rows.ts';
import { dateSortKeys } from '../../src/domain/sort-order.ts';
import { formatDate } from '../../src/domain/dates.ts';

const result = validateDataset(readDataDir('data').raw);
if (!result.ok) throw new Error('data/ is invalid: run npm run data:check');
const index = indexDataset(result.dataset, new Map());
const all = aggregate(index);
const ALL_YEARS: YearWindow = { from: 2015, to: 2025, includeUndated: true };
const links = index.dataset.links;
const kazPartners = new Set(index.dataset.partners.filter((p) => p.kind === 'institution' && p.country === 'KAZ').map((p) => p.id));
const kazLinks = links.filter((l) => l.partner === 'KAZ' || kazPartners.has(l.partner));

const name = (r: PanelRow, column: 'name' | 'partners') => (column === 'name'
  ? index.institutions.get(r.key)?.name.en ?? r.key
  : r.partners.map((k) => index.partners.get(k)?.name.en ?? k).join(', '));
const collator = new Intl.Collator('en');

describe("Kazakhstan's panel", () => {
  const rows = panelRows(index, all, { kind: 'partner', key: 'KAZ' }, ALL_YEARS);

  it('lists each Chinese institution working with Kazakhstan once', () => {
    const keys = rows.map((r) => r.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect([...keys].sort()).toEqual([...new Set(kazLinks.map((l) => l.institution))].sort());
    expect(rows.reduce((n, r) => n + r.total, 0)).toBe(kazLinks.length);
  });

  it('names the four Kazakh partners of the Zhejiang hospital, and the country itself where a link names no institution', () => {
    const zju = rows.find((r) => r.key === 'zju-fourth-hospital');
    expect(zju?.partners.sort()).toEqual(['almaty-central-city-clinical-hospital', 'bilim-innovation', 'kaznmu', 'nazarbayev-university']);
    expect(zju?.pairs).toHaveLength(4);
    expect(rows.find((r) => r.key === 'ccha')?.partners).toEqual(['KAZ']);
  });

  it('gives each row its first and latest dated link', () => {
    const xinjiang = rows.find((r) => r.key === 'xinjiang-peoples-hospital')!;
    expect(xinjiang.total).toBe(3);
    expect(formatDate(links[xinjiang.latest]!.date, 'en')).toBe('5 Jul 2024');
    const simea = rows.find((r) => r.key === 'simea')!;
    expect(formatDate(links[simea.first]!.date, 'en')).toBe('2023');
    expect(formatDate(links[simea.latest]!.date, 'en')).toBe('May 2023');
    const xjmu = rows.find((r) => r.key === 'xjmu-fourth-hospital')!;
    expect(formatDate(links[xjmu.first]!.date, 'en')).toBe('by 24 Apr 2017');
  });

  it('counts links in the window, and only those the filters let through', () => {
    const in2023 = panelRows(index, all, { kind: 'partner', key: 'KAZ' }, { from: 2023, to: 2023, includeUndated: false });
    expect(in2023.find((r) => r.key === 'simea')?.inWindow).toBe(2);
    expect(in2023.find((r) => r.key === 'ccha')?.inWindow).toBe(0);
    const onlyCountryLinks = Uint8Array.from(links, (l) => (l.partner === 'KAZ' ? 1 : 0));
    const filtered = panelRows(index, countLinks(all, onlyCountryLinks), { kind: 'partner', key: 'KAZ' }, ALL_YEARS);
    expect(filtered.map((r) => r.key)).not.toContain('zju-fourth-hospital');
    expect(filtered.every((r) => r.partners.length === 1 && r.partners[0] === 'KAZ')).toBe(true);
  });

  it('sorts by first date (undated rows last either way), by name, and by links', () => {
    const byFirst = sortRows(rows, nextSort(DEFAULT_SORT, 'first'), name, collator.compare);
    const keys = byFirst.map((r) => r.firstKey).filter((k) => k !== null);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));
    // A "by" date may be the earliest of all, so it sorts first, as in the table.
    expect(byFirst[0]?.firstKey?.[0]).toBe(Number.NEGATIVE_INFINITY);
    const desc = sortRows(rows, { column: 'first', descending: true }, name, collator.compare);
    expect(desc.map((r) => r.key)).toEqual(byFirst.map((r) => r.key).reverse());
    const byName = sortRows(rows, { column: 'name', descending: false }, name, collator.compare).map((r) => name(r, 'name'));
    expect(byName).toEqual([...byName].sort(collator.compare));
    const byLinks = sortRows(rows, DEFAULT_SORT, name, collator.compare);
    expect(byLinks[0]?.key).toBe('zju-fourth-hospital');
  });
});

describe('other panels', () => {
  it("an institution's panel lists each partner once", () => {
    const rows = panelRows(index, all, { kind: 'inst', id: 'zju-fourth-hospital' }, ALL_YEARS);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
    expect(rows.every((r) => r.pairs.length === 1 && r.partners[0] === r.key)).toBe(true);
  });

  it("a partner institution's panel lists its Chinese institutions", () => {
    const rows = panelRows(index, all, { kind: 'partner', key: 'kaznmu' }, ALL_YEARS);
    expect(rows.map((r) => r.key)).toEqual(['zju-fourth-hospital']);
  });
});

describe('date order', () => {
  it('is the table\'s order: earliest possible day, then latest; "by" first since it may be earliest; unknown has none', () => {
    const k = (d: Parameters<typeof dateSortKeys>[0]) => dateSortKeys(d);
    const day = (s: string) => Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
    expect(k({ precision: 'year', value: '2016' })).toEqual([day('2016-01-01'), day('2016-12-31')]);
    expect(k({ precision: 'month', value: '2016-02' })).toEqual([day('2016-02-01'), day('2016-02-29')]);
    expect(k({ precision: 'range', from: '2016', to: '2018-09-06' })).toEqual([day('2016-01-01'), day('2018-09-06')]);
    expect(k({ precision: 'before', to: '2017-04' })).toEqual([Number.NEGATIVE_INFINITY, day('2017-04-30')]);
    expect(k({ precision: 'unknown' })).toBeNull();
  });
});
