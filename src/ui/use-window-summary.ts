/**
 * What the atlas and its embedded form both count for the view's years: the window, its summary,
 * the histogram, the planned total, and the window in words. One place, so the full page and an
 * embed can never disagree about a number.
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import { summarize, yearHistogram, type Aggregates } from '../domain/aggregate.ts';
import { TIMELINE_LAST_YEAR } from '../domain/dates.ts';
import { viewWindow, type ViewState } from '../url/view-state.ts';

export function useWindowSummary(view: ViewState, counts: Aggregates) {
  const { mode, year, from, includeUndated, includePlanned } = view;
  const win = useMemo(() => viewWindow({ mode, year, from, includeUndated, includePlanned }), [mode, year, from, includeUndated, includePlanned]);
  // O(countries + institutions) per-code sums: the same cost for a thousand links as a million.
  const summary = useMemo(() => summarize(counts, win), [counts, win]);
  const histogram = useMemo(() => yearHistogram(counts), [counts]);
  // Planned links of the current filters, whatever the years (the toggle's number).
  const plannedTotal = useMemo(() => summarize(counts, { from: Number.NEGATIVE_INFINITY, to: TIMELINE_LAST_YEAR }).planned, [counts]);
  return { win, summary, histogram, plannedTotal };
}

/** The view's years in words: "Up to 2025", "In 2019", "2016–2018". */
export function windowWords(view: Pick<ViewState, 'mode' | 'year' | 'from'>, t: TFunction): string {
  return view.mode === 'upto' ? t('summary.window_upto', { year: view.year })
    : view.mode === 'in' ? t('summary.window_in', { year: view.year })
      : t('summary.window_range', { from: view.from, year: view.year });
}
