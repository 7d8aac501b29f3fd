/**
 * The table of a details panel, answering "who works with this, and since when": for a country
 * (or any partner), one row per Chinese institution, naming its partners there (the country
 * itself and/or its institutions); for a Chinese institution, one row per partner. Each row
 * counts its links in the window and in all, and names its first and latest dated link. Pure,
 * O(links of the subject): the panel only renders and sorts what this returns.
 */
import { linkInWindow, linksOfPair, type Aggregates, type Pair, type YearWindow } from './aggregate.ts';
import type { DatasetIndex } from './dataset-index.ts';
import { isCountryRef } from './schema-values.ts';
import { dateSortKeys } from './sort-order.ts';
import type { Link } from './schema.ts';

/** What a panel is about: a Chinese institution, a partner (a country's ISO code, or a partner id), or a programme (its links only). */
export type PanelSubject = { kind: 'inst'; id: string } | { kind: 'partner'; key: string } | { kind: 'prog'; id: string };

export interface PanelRow {
  /** The other end: a Chinese institution's id, or, in an institution's panel, a partner key. */
  key: string;
  /** The arcs this row sums (pair indexes), one per partner at this end. */
  pairs: number[];
  /** Partner keys at this end, in first-seen order: a country's own code when a link names no institution there. */
  partners: string[];
  /** Links the filters let through that fall in the window. */
  inWindow: number;
  /** Links the filters let through, whatever their year (or none). */
  total: number;
  /** The earliest and latest dated link (indexes into dataset.links), -1 when no link has a date. */
  first: number;
  latest: number;
  /** Sort keys of those two (sort-order.ts dateSortKeys: earliest possible day, then latest). */
  firstKey: readonly [number, number] | null;
  latestKey: readonly [number, number] | null;
}

/** The arcs a panel covers: an institution's, a partner's, a country's (its own and its institutions'), or those with a programme's links. */
export function subjectPairs(a: Aggregates, s: PanelSubject, links?: readonly Pick<Link, 'programme'>[]): Pair[] {
  if (s.kind === 'inst') return a.pairs.filter((p) => p.institution === s.id);
  if (s.kind === 'prog') return a.pairs.filter((p) => linksOfPair(a, p.index).some((li) => links?.[li]?.programme === s.id));
  const country = isCountryRef(s.key);
  return a.pairs.filter((p) => p.partnerKey === s.key || (country && p.iso3 === s.key));
}

/** One row per other end, in first-seen order; rows whose links the filters all leave out are dropped. */
export function panelRows(index: DatasetIndex, a: Aggregates, s: PanelSubject, w: YearWindow): PanelRow[] {
  const rows = new Map<string, PanelRow>();
  const links = index.dataset.links;
  // A programme's panel counts only its own links on each arc.
  const belongs = (li: number) => s.kind !== 'prog' || links[li]?.programme === s.id;
  for (const pair of subjectPairs(a, s, links)) {
    const key = s.kind === 'inst' ? pair.partnerKey : pair.institution;
    let row = rows.get(key);
    if (!row) {
      row = { key, pairs: [], partners: [], inWindow: 0, total: 0, first: -1, latest: -1, firstKey: null, latestKey: null };
      rows.set(key, row);
    }
    let counted = false;
    for (const li of linksOfPair(a, pair.index)) {
      if ((a.included && !a.included[li]) || !belongs(li)) continue;
      counted = true;
      row.total += 1;
      if (linkInWindow(a, li, w)) row.inWindow += 1;
      const link = index.dataset.links[li];
      const keys = link && dateSortKeys(link.date);
      if (!keys) continue;
      // The table's one date order for both ends: by earliest possible day, then latest
      // ("by 2017" first, since it may be the earliest; "2023" before "May 2023").
      if (row.firstKey === null || before(keys, row.firstKey)) {
        row.firstKey = keys;
        row.first = li;
      }
      if (row.latestKey === null || before(row.latestKey, keys)) {
        row.latestKey = keys;
        row.latest = li;
      }
    }
    if (!counted) continue;
    row.pairs.push(pair.index);
    if (!row.partners.includes(pair.partnerKey)) row.partners.push(pair.partnerKey);
  }
  return [...rows.values()].filter((r) => r.total > 0);
}

const before = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);

/** A column of the panel's table. */
export type PanelColumn = 'name' | 'partners' | 'links' | 'first' | 'latest';

export interface PanelSort {
  column: PanelColumn;
  descending: boolean;
}

/** The first click on a column sorts the way a reader most likely wants: names A–Z, most links, earliest first, newest latest. */
export const FIRST_DIRECTION: Readonly<Record<PanelColumn, boolean>> = { name: false, partners: false, links: true, first: false, latest: true };

/** The panel's first order: most links in the window first. */
export const DEFAULT_SORT: PanelSort = { column: 'links', descending: true };

/** Sorting after a click on a column's header: the same column flips, another starts in its first direction. */
export function nextSort(current: PanelSort, column: PanelColumn): PanelSort {
  return current.column === column ? { column, descending: !current.descending } : { column, descending: FIRST_DIRECTION[column] };
}

/**
 * Rows in a new array, sorted by a column; `text(row, column)` gives the words for the name and
 * partners columns, `compareText` orders them (a collator for the reader's language). Rows without
 * a date stay last whichever way a date column is sorted; ties go by name.
 */
export function sortRows(
  rows: readonly PanelRow[], sort: PanelSort, text: (row: PanelRow, column: 'name' | 'partners') => string,
  compareText: (a: string, b: string) => number,
): PanelRow[] {
  const sign = sort.descending ? -1 : 1;
  const byName = (a: PanelRow, b: PanelRow) => compareText(text(a, 'name'), text(b, 'name'));
  const byKey = (x: readonly [number, number] | null, y: readonly [number, number] | null) => (x === null ? (y === null ? 0 : 1) : y === null ? -1
    : sign * (x[0] - y[0] || x[1] - y[1]));
  const compare = (a: PanelRow, b: PanelRow): number => {
    switch (sort.column) {
      case 'name': return sign * byName(a, b);
      case 'partners': return sign * compareText(text(a, 'partners'), text(b, 'partners'));
      case 'links': return sign * (a.inWindow - b.inWindow || a.total - b.total);
      case 'first': return byKey(a.firstKey, b.firstKey);
      case 'latest': return byKey(a.latestKey, b.latestKey);
    }
  };
  return [...rows].sort((a, b) => compare(a, b) || byName(a, b));
}
