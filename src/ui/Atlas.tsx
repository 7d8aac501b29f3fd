/**
 * The atlas screen: the view switch (map, table, sources), the filters, the view itself, the
 * timeline, and the side column (details, or the legend and the partners that cannot be placed).
 * Counts for the time window come from prefix sums over the filtered links, so moving the
 * timeline costs the same for a thousand links as for a million, filtered or not.
 */
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useWindowSummary, windowWords } from './use-window-summary.ts';
import type { AtlasData } from '../loaders/load-atlas-data.ts';
import type { Camera, ViewState } from '../url/view-state.ts';
import { linksInView } from '../domain/aggregate.ts';
import { tallyWords } from './tally-words.ts';
import { isFiltered, NO_FILTERS, type Filters } from '../domain/filters.ts';
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR } from '../domain/dates.ts';
import { AtlasMap, type FitRequest, type MapCapture, type MapItem } from '../map/AtlasMap.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { OffMapList } from './OffMapList.tsx';
import { Legend } from './Legend.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { Tooltip } from './Tooltip.tsx';
import { formatNumber } from './format.ts';
import { mapSelection, selectionToString, type Selected } from './selection.ts';
import { knowsWebGL2, mapErrorHandler } from './webgl.ts';
import { useReducedMotion } from './use-reduced-motion.ts';
import { useTimelineLabels } from './timeline-labels.ts';
import type { Explore } from './use-explore.ts';
import { FilterBar } from './FilterBar.tsx';
import { fileSubject, filterPhrases, type WordsContext } from './filter-words.ts';
import { ViewSwitch, VIEW_PANEL_ID } from './ViewSwitch.tsx';
import { CopyLink } from './CopyLink.tsx';
import { DownloadsPending } from './downloads/DownloadsPending.tsx';
import { EmbedButton } from '../embed/EmbedDialog.tsx';
import { usePanelOpener } from './panel-focus.ts';
import { useMapStrings } from './use-map-strings.ts';
import { yearStepper, type Stepper } from '../present/stepper.ts';
import { usePresenterKeys, useIdle } from '../present/use-presenter.ts';
import { enterFullscreen, exitFullscreen, isFullscreen, toggleFullscreen } from '../present/fullscreen.ts';
import { PresentBar } from '../present/PresentBar.tsx';
import { KeysDialog } from '../present/KeysDialog.tsx';
import type { Playback } from '../timeline/use-playback.ts';
import type { FramePadding } from '../map/map-controller.ts';
import './explore.css';
import '../present/present.css';

// Loaded on demand: a reader who only looks at the map never downloads them.
const TableView = lazy(() => import('./table/TableView.tsx'));
const SourcesView = lazy(() => import('./sources/SourcesView.tsx'));
const Downloads = lazy(() => import('./downloads/Downloads.tsx'));
// The details panel and the list of links load when first opened (or at once when the URL selects something).
const DetailsPanel = lazy(() => import('./DetailsPanel.tsx').then((m) => ({ default: m.DetailsPanel })));
const LinkList = lazy(() => import('./LinkList.tsx').then((m) => ({ default: m.LinkList })));
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
  /** More buttons beside "Copy link" (the app's "Open your own data…"). */
  tools?: ReactNode;
  /** The guided story: its button (beside the view switch) and its panel (above the filters), whether it is open, and its steps (null while closed), which presenter mode's keys drive instead of the years. */
  story?: { open: boolean; toggle: ReactNode; panel: ReactNode; stepper: Stepper | null };
}

/** Presenter mode's labels: 20 px on the map (from 11 px). */
const PRESENT_LABEL_SCALE = 20 / 11;
/** Room kept clear around the framed arcs: arc widths and arrowheads, and the zoom buttons on the right. */
const PRESENT_FRAME_PADDING: FramePadding = { top: 24, right: 64, bottom: 24, left: 24 };

const FILTER_PANEL_ID = 'filter-panel';

export function Atlas({ data, explore, onChange, panelOpen, onTogglePanel, fit, onSettled, tools, story }: Props) {
  const { t } = useTranslation();
  const { index, aggregates } = data;
  const { view, counts, facets, selected } = explore;
  const lang = view.lang;
  const reducedMotion = useReducedMotion();
  const [webgl, setWebgl] = useState(knowsWebGL2);
  const [mapError, setMapError] = useState<string | null>(null);
  const [showList, setShowList] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const [hover, setHover] = useState<{ item: MapItem; x: number; y: number } | null>(null);
  const readyMarked = useRef(false);
  // The download code loads after the map is ready: it is not part of what the first paint waits for.
  const [mapReady, setMapReady] = useState(false);
  const captureRef = useRef<((scale?: number) => Promise<MapCapture>) | null>(null);
  const selectionAtLoad = useRef(view.selection);

  // Presenter mode: keys from anywhere drive the story's steps or the years; the controls hide while idle.
  const present = view.present;
  const playbackRef = useRef<Playback | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const years = useMemo(() => yearStepper(() => viewRef.current, (patch) => {
    playbackRef.current?.pause(); // a step by hand ends playback, as the slider's keys do
    onChange(patch);
  }), [onChange]);
  const [keysOpen, setKeysOpen] = useState(false);
  const [fullscreen, setFullscreen] = useState(isFullscreen);
  // Set when the app itself changes full screen, so a change it did not ask for can be told apart.
  const fullscreenByApp = useRef(false);
  const leavePresent = useCallback(() => {
    fullscreenByApp.current = true;
    exitFullscreen();
    setKeysOpen(false);
    onChange({ present: false });
  }, [onChange]);
  const toggleFs = useCallback(() => {
    fullscreenByApp.current = true;
    toggleFullscreen();
  }, []);
  useEffect(() => {
    const onFs = () => {
      const now = isFullscreen();
      setFullscreen(now);
      // Browsers keep Escape for themselves in full screen (the page never sees it): leaving full
      // screen that way leaves presenter mode too, as Escape does out of full screen.
      if (!now && !fullscreenByApp.current && viewRef.current.present) onChange({ present: false });
      fullscreenByApp.current = false;
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => document.removeEventListener('fullscreenchange', onFs);
  }, [onChange]);
  usePresenterKeys(present, {
    years, story: story?.stepper ?? null, play: () => playbackRef.current?.toggle(), fullscreen: toggleFs, exit: leavePresent, help: () => setKeysOpen(true),
  });
  const idle = useIdle(present);
  const startPresent = () => {
    fullscreenByApp.current = true;
    enterFullscreen();
    onChange({ present: true });
    // The button disappears with the ordinary controls: focus goes to the view, where Space and Enter step.
    requestAnimationFrame(() => document.getElementById(VIEW_PANEL_ID)?.focus({ preventScroll: true }));
  };

  const { win, summary, histogram, plannedTotal } = useWindowSummary(view, counts);

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

  const windowLabel = windowWords(view, t);
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

  const list = <Suspense fallback={null}><LinkList id="link-list" index={index} aggregates={counts} window={win} lang={lang} onSelect={select} /></Suspense>;

  return (
    <div className={`${viewName !== 'map' && !selected ? 'atlas atlas-wide' : 'atlas'}${present ? ' atlas--present' : ''}`} data-idle={present && idle ? 'true' : undefined}>
      {present && (
        <PresentBar sentence={live} theme={view.theme} fullscreen={fullscreen}
          onPrev={() => (story?.stepper ?? years).prev()} onNext={() => (story?.stepper ?? years).next()} onFullscreen={toggleFs}
          onTheme={(theme) => onChange({ theme })} onHelp={() => setKeysOpen(true)} onExit={leavePresent} />
      )}
      {present && <KeysDialog open={keysOpen} onClose={() => setKeysOpen(false)} />}
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
          {story?.toggle}
          {/* On a phone the share and download buttons fold behind one button, so the map stays near the top. */}
          <button type="button" className="share-toggle" aria-expanded={shareOpen} aria-controls="share-tools" onClick={() => setShareOpen((o) => !o)}>
            {t('share.toggle')}
          </button>
          <div className="share-tools" id="share-tools" data-open={shareOpen}>
            <button type="button" className="present-open" title={t('present.openHint')} onClick={startPresent}>{t('present.open')}</button>
            <CopyLink />
            {tools}
            <EmbedButton view={view} what={what} />
            {/* The chunk is fetched once the map is ready; until then disabled buttons hold its row, so the map does not move. */}
            {(mapReady || !drawMap || viewName !== 'map') ? (
              <Suspense fallback={<DownloadsPending />}>
                <Downloads index={index} links={() => linksInView(counts, win)} lang={lang} fileSubject={fileSubject(view.filters, words)} years={win}
                  filterSentence={phrases.join(' · ')}
                  windowLabel={windowLabel}
                  capture={drawMap && viewName === 'map' ? () => captureRef.current?.(2) ?? Promise.reject(new Error(t('download.pngUnavailable'))) : undefined} />
              </Suspense>
            ) : <DownloadsPending />}
          </div>
        </div>
        {story?.panel}
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
                selection={mapSelection(selected)}
                camera={view.camera}
                fit={fit}
                onCamera={onCamera}
                onHover={(item, p) => setHover(item ? { item, ...p } : null)}
                onSelect={select}
                onReady={onReady}
                onError={mapErrorHandler(() => setWebgl(false), setMapError)}
                captureRef={captureRef}
                labelScale={present ? PRESENT_LABEL_SCALE : 1}
                framing={present ? PRESENT_FRAME_PADDING : null}
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
          playbackRef={playbackRef}
          autoplay={view.autoplay}
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
          <Suspense fallback={null}>
            <DetailsPanel selected={selected} index={index} aggregates={counts} window={win} lang={lang} onClose={closePanel} onSelect={select} autoFocus={!story?.open && view.selection !== selectionAtLoad.current} view={viewName}
              onFilterSource={(source) => setFilters({ ...view.filters, source })}
              onFilterProgramme={(prog) => setFilters({ ...view.filters, prog })} programmeFiltered={view.filters.prog} />
          </Suspense>
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
