/**
 * The explore state derived from the view and the data: the per-link facet codes (built once,
 * and only when a filter is on or the filter panel is open: at a million links they cost a
 * second), the filters with unknown ids dropped, the counts of the links they let through, and
 * the view as it should be written back (no unknown filter or selection id ever is).
 */
import { useMemo, useRef } from 'react';
import { countLinks, type Aggregates } from '../domain/aggregate.ts';
import { buildFacets, filterMask, knownFilters, type Facets } from '../domain/facets.ts';
import { isFiltered, sameFilters } from '../domain/filters.ts';
import type { AtlasData } from '../loaders/load-atlas-data.ts';
import type { ViewState } from '../url/view-state.ts';
import { selectionFromString, selectionToString, type Selected } from './selection.ts';

export interface Explore {
  /** The view with unknown ids dropped: what is shown and what the URL says. */
  view: ViewState;
  facets: Facets | null;
  /** Counts of the links the filters let through (the unfiltered aggregates when none is on). */
  counts: Aggregates;
  /** The open panel's item, resolved against the data (null when closed or unknown). */
  selected: Selected | null;
}

export function useExplore(view: ViewState, data: AtlasData | undefined, wantFacets: boolean): Explore | null {
  const cache = useRef<{ index: unknown; facets: Facets } | null>(null);
  const index = data?.index;
  const needFacets = !!data && (wantFacets || isFiltered(view.filters));
  let facets: Facets | null = null;
  if (needFacets && index) {
    if (cache.current?.index !== index) cache.current = { index, facets: buildFacets(index) };
    facets = cache.current.facets;
  }
  const filters = useMemo(() => (facets ? knownFilters(view.filters, facets) : view.filters), [facets, view.filters]);
  const aggregates = data?.aggregates;
  const counts = useMemo(() => {
    if (!aggregates) return null;
    return facets && isFiltered(filters) ? countLinks(aggregates, filterMask(facets, filters)) : aggregates;
  }, [aggregates, facets, filters]);
  const selected = useMemo(() => (data ? selectionFromString(view.selection, data.aggregates, {
    inst: (id) => data.index.institutions.has(id),
    partner: (key) => data.aggregates.byPartner.indexOf.has(key) || data.aggregates.byCountry.indexOf.has(key),
    prog: (id) => (data.index.programmes.has(id) ? id : facets?.formerProgrammeIds.get(id)),
  }) : null), [data, facets, view.selection]);
  // Before the data is here an id cannot be checked: it is kept until it can. A former id is written back as the current one.
  const selection = !data ? view.selection : selected ? selectionToString(selected, data.aggregates) : null;
  const shown = useMemo(
    () => (sameFilters(filters, view.filters) && selection === view.selection ? view : { ...view, filters, selection }),
    [view, filters, selection],
  );
  if (!counts) return null;
  return { view: shown, facets, counts, selected };
}
