/**
 * The atlas screen: the view switch (map, table, sources), the filters, the view itself, the
 * timeline, and the side column (details, or the legend and the partners that cannot be placed).
 * Counts for the time window come from prefix sums over the filtered links, so moving the
 * timeline costs the same for a thousand links as for a million, filtered or not.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../loaders/load-atlas-data.ts';
import type { Camera, ViewState } from '../url/view-state.ts';
import { viewWindow } from '../url/view-state.ts';
import { summarize, yearHistogram } from '../domain/aggregate.ts';
import { tallyWords } from './tally-words.ts';
import { isFiltered, NO_FILTERS, type Filters } from '../domain/filters.ts';
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR } from '../domain/dates.ts';
import { AtlasMap, type FitRequest, type MapCapture, type MapItem } from '../map/AtlasMap.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { LinkList, linksInView } from './LinkList.tsx';
import { OffMapList } from './OffMapList.tsx';
import { Legend } from './Legend.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { Tooltip } from './Tooltip.tsx';
import { formatNumber } from './format.ts';
import { selectionToString, type Selected } from './selection.ts';
import { hasWebGL } from './webgl.ts';
import { useReducedMotion } from './use-reduced-motion.ts';
import { useTimelineLabels } from './timeline-labels.ts';
import type { Explore } from './use-explore.ts';
import { FilterBar } from './FilterBar.tsx';
import { fileSubject, filterPhrases, type WordsContext } from './filter-words.ts';
import { ViewSwitch, VIEW_PANEL_ID } from './ViewSwitch.tsx';
import { CopyLink } from './CopyLink.tsx';
import { EmbedButton } from '../embed/EmbedDialog.tsx';
import { usePanelOpener } from './panel-focus.ts';
import { useMapStrings } from './use-map-strings.ts';
import './explore.css';

// Loaded on demand: a reader who only looks at the map never downloads them.
const TableView = lazy(() => import('./table/TableView.tsx'));
const SourcesView = lazy(() => import('./sources/SourcesView.tsx'));
const Downloads = lazy(() => import('./downloads/Downloads.tsx'));
const FilterPanel = lazy(() => import('./FilterPanel.tsx').then((m) => ({ default: m.FilterPanel })));

interface Props {
  data: AtlasData;
  explore: Explore;
  onChange: (patch: Partial<ViewState>) => void;
  panelOpen: boolean;
  onTogglePanel: () => void;
  /** A request to frame something on the map (a search result); a new object each time. */
  fit: FitRequest | null;
  /** Once: the first view is on screen (the map ready, or at once where no map is drawn). Later work waits for it. */
  onSettled: () => void;
}

const FILTER_PANEL_ID = 'filter-panel';

export function Atlas({ data, explore, onChange, panelOpen, onTogglePanel, fit, onSettled }: Props) {
  const { t } = useTranslation();
  const { index, aggregates } = data;
  const { view, counts, facets, selected } = explore;
  const lang = view.lang;
  const reducedMotion = useReducedMotion();
  const [webgl] = useState(hasWebGL);
  const [mapError, setMapError] = useState<string | null>(null);
  const [showList, setShowList] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [hover, setHover] = useState<{ item: MapItem; x: number; y: number } | null>(null);
  const readyMarked = useRef(false);
  // The download code loads after the map is ready: it is not part of what the first paint waits for.
  const [mapReady, setMapReady] = useState(false);
  const captureRef = useRef<((scale?: number) => Promise<MapCapture>) | null>(null);
  const selectionAtLoad = useRef(view.selection);

  const { mode, year, from, includeUndated, includePlanned } = view;
  const win = useMemo(() => viewWindow({ mode, year, from, includeUndated, includePlanned }), [mode, year, from, includeUndated, includePlanned]);
  // O(countries + institutions) per-code sums: the same cost for a thousand links as a million.
  const summary = useMemo(() => summarize(counts, win), [counts, win]);
  const histogram = useMemo(() => yearHistogram(counts), [counts]);
  // Planned links of the current filters, whatever the years (the toggle's number).
  const plannedTotal = useMemo(() => summarize(counts, { from: Number.NEGATIVE_INFINITY, to: TIMELINE_LAST_YEAR }).planned, [counts]);

  // Closing the panel gives focus back to what opened it.
  const { remember: rememberOpener, restore: restoreOpener } = usePanelOpener();
  const select = useCallback((s: Selected | null) => {
    if (s) rememberOpener();
    onChange({ selection: selectionToString(s, aggregates) });
  }, [onChange, aggregates, rememberOpener]);
  const closePanel = useCallback(() => {
    select(null);
    restoreOpener();
  }, [select, restoreOpener]);
  const mapStrings = useMapStrings();
  const openLink = useCallback((li: number) => select({ kind: 'arc', pair: aggregates.pairOfLink[li] as number }), [select, aggregates]);
  const setFilters = useCallback((filters: Filters) => onChange({ filters }), [onChange]);
  const onCamera = useCallback((camera: Camera) => onChange({ camera }), [onChange]);

  const windowLabel = view.mode === 'upto' ? t('summary.window_upto', { year: view.year })
    : view.mode === 'in' ? t('summary.window_in', { year: view.year })
      : t('summary.window_range', { from: view.from, year: view.year });
  const n = (x: number) => formatNumber(x, lang);
  const words: WordsContext = { index, programmeNames: facets?.programmeNames ?? new Map(), lang, t };
  const phrases = filterPhrases(view.filters, words);
  // What is shown, in words: the active filters, then the years.
  const what = [...phrases, windowLabel].join(' · ');
  // Every number says what it counts: certain links, then those only possible, undated and planned, apart.
  const counted = tallyWords(t, { certain: summary.links, possible: summary.possible, undated: summary.undated, planned: summary.planned }, win, lang);
  const sentence = what + t('summary.colon') + counted;
  const live = what + t('summary.colon')
    + `${counted} · ${t('summary.countries', { count: summary.countries, n: n(summary.countries) })}`;
  const timelineLabels = useTimelineLabels();

  const onReady = useCallback(() => {
    if (readyMarked.current) return;
    readyMarked.current = true;
    performance.mark('atlas:ready');
    setMapReady(true);
    onSettled();
  }, [onSettled]);

  const drawMap = webgl && !mapError;
  const viewName = view.view;
  const mapShown = drawMap && viewName === 'map';
  useEffect(() => {
    if (!mapShown) onSettled();
  }, [mapShown, onSettled]);
  // O(links): only for the views that list links, never on a map step.
  const shownLinks = useMemo(() => (viewName === 'map' ? [] : linksInView(counts, win)), [viewName, counts, win]);
  const fullWindow = win.from <= TIMELINE_FIRST_YEAR && win.to >= TIMELINE_LAST_YEAR && win.includeUndated;

  // Empty only when nothing is drawn: possible links (and included undated or planned ones) are on the map.
  const empty = summary.links + summary.possible + (win.includeUndated ? summary.undated : 0) + (win.includePlanned ? summary.planned : 0) === 0 && (
    <div className="empty-state" role="status">
      <p>{isFiltered(view.filters) ? t('empty.filtered', { what }) : t('empty.window', { what: windowLabel })}</p>
      <div className="empty-actions">
        {!fullWindow && <button type="button" onClick={() => onChange({ mode: 'upto', year: TIMELINE_LAST_YEAR, includeUndated: true })}>{t('empty.allYears')}</button>}
        {isFiltered(view.filters) && <button type="button" onClick={() => setFilters(NO_FILTERS)}>{t('filters.reset')}</button>}
      </div>
    </div>
  );

  const list = <LinkList id="link-list" index={index} aggregates={counts} window={win} lang={lang} onSelect={select} />;

  return (
    <div className={viewName !== 'map' && !selected ? 'atlas atlas-wide' : 'atlas'}>
      {/* The list is only rendered once asked for, so the link targets the view (always there) and moves focus itself. */}
      <a className="skip-link" href={`#${VIEW_PANEL_ID}`} onClick={(e) => {
        e.preventDefault();
        if (viewName === 'map') setShowList(true);
        requestAnimationFrame(() => {
          const list = document.getElementById('link-list') ?? document.getElementById(VIEW_PANEL_ID);
          if (list && list.tabIndex < 0) list.tabIndex = -1;
          list?.focus();
        });
      }}>{t('app.skipToList')}</a>
      <div className="atlas-stage">
        <div className="atlas-controls">
          <ViewSwitch view={viewName} onView={(v) => onChange({ view: v })} />
          {/* On a phone the share and download buttons fold behind one button, so the map stays near the top. */}
          <button type="button" className="share-toggle" aria-expanded={shareOpen} aria-controls="share-tools" onClick={() => setShareOpen((o) => !o)}>
            {t('share.toggle')}
          </button>
          <div className="share-tools" id="share-tools" data-open={shareOpen}>
            <CopyLink />
            <EmbedButton view={view} what={what} />
            {(mapReady || !drawMap || viewName !== 'map') && (
              <Suspense fallback={null}>
                <Downloads index={index} links={() => linksInView(counts, win)} lang={lang} fileSubject={fileSubject(view.filters, words)} years={win}
                  filterSentence={phrases.join(' · ')}
                  windowLabel={windowLabel}
                  capture={drawMap && viewName === 'map' ? () => captureRef.current?.(2) ?? Promise.reject(new Error(t('download.pngUnavailable'))) : undefined} />
              </Suspense>
            )}
          </div>
        </div>
        <FilterBar filters={view.filters} words={words} sentence={`${sentence} · ${[
          t('summary.countries', { count: summary.countries, n: n(summary.countries) }),
          t('summary.institutions', { count: summary.institutions, n: n(summary.institutions) }),
        ].join(' · ')}`} panelOpen={panelOpen} panelId={FILTER_PANEL_ID} onTogglePanel={onTogglePanel} onChange={setFilters} />
        {panelOpen && facets && (
          <Suspense fallback={<p className="muted" id={FILTER_PANEL_ID}>{t('loading.view')}</p>}>
            <FilterPanel id={FILTER_PANEL_ID} facets={facets} filters={view.filters} time={aggregates} window={win} index={index} lang={lang} onChange={setFilters} />
          </Suspense>
        )}
        <LiveRegion message={live} />
        <div id={VIEW_PANEL_ID} tabIndex={-1} role="tabpanel" aria-labelledby={`view-tab-${viewName}`} className={`view-panel view-${viewName}`}>
          {viewName === 'map' && (drawMap ? (
            <div className="map-frame">
              <AtlasMap
                world={data.world}
                borders={data.borders}
                index={index}
                aggregates={aggregates}
                counts={counts}
                window={win}
                lang={lang}
                uiStrings={mapStrings}
                reducedMotion={reducedMotion}
                selection={selected}
                camera={view.camera}
                fit={fit}
                onCamera={onCamera}
                onHover={(item, p) => setHover(item ? { item, ...p } : null)}
                onSelect={select}
                onReady={onReady}
                onError={setMapError}
                captureRef={captureRef}
              />
              {hover && <Tooltip item={hover.item} x={hover.x} y={hover.y} index={index} aggregates={counts} window={win} lang={lang} />}
              {empty}
            </div>
          ) : (
            <>
              <div className="no-map" role="note">
                <h2>{mapError ? t('error.title') : t('noWebgl.title')}</h2>
                <p>{mapError ? t('error.mapFailed', { message: mapError }) : t('noWebgl.body')}</p>
              </div>
              {empty}
            </>
          ))}
          {viewName !== 'map' && empty}
          {viewName !== 'map' && (
            <Suspense fallback={<p className="muted">{t('loading.view')}</p>}>
              {viewName === 'table'
                ? <TableView index={index} counts={counts} links={shownLinks} lang={lang} caption={sentence} onOpenLink={openLink} selectedPair={selected?.kind === 'arc' ? selected.pair : null} />
                : <SourcesView index={index} counts={counts} links={shownLinks} lang={lang} caption={sentence} onOpenLink={openLink}
                  activeSource={view.filters.source} onFilterSource={(source) => setFilters({ ...view.filters, source })} />}
            </Suspense>
          )}
        </div>
        <Timeline
          histogram={histogram.certain}
          possibleByYear={histogram.possible}
          undatedByType={histogram.undatedByType}
          planned={plannedTotal}
          includePlanned={view.includePlanned}
          mode={view.mode}
          year={view.year}
          from={view.from}
          includeUndated={view.includeUndated}
          lang={lang}
          labels={timelineLabels}
          reducedMotion={reducedMotion}
          onChange={onChange}
        />
        {viewName === 'map' && (
          <div className="toolbar">
            {drawMap && (
              <button type="button" aria-expanded={showList} aria-controls="link-list" onClick={() => setShowList((s) => !s)}>
                {showList ? t('list.hide') : t('list.show')}
              </button>
            )}
          </div>
        )}
        {viewName === 'map' && (showList || !drawMap) && list}
      </div>
      <div className="atlas-side" hidden={viewName !== 'map' && !selected}>
        {selected ? (
          <DetailsPanel selected={selected} index={index} aggregates={counts} window={win} lang={lang} onClose={closePanel} onSelect={select} autoFocus={view.selection !== selectionAtLoad.current} view={viewName}
            onFilterSource={(source) => setFilters({ ...view.filters, source })} />
        ) : (
          <>
            <Legend />
            <OffMapList index={index} aggregates={counts} window={win} lang={lang} onSelect={select} />
          </>
        )}
      </div>
    </div>
  );
}
