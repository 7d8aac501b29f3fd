/**
 * The atlas screen: map (or the list when WebGL is missing), timeline, details, legend and the
 * partners that cannot be placed. Counts for the time window come from the precomputed
 * aggregates, so moving the timeline costs the same for a thousand links as for a million.
 */
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AtlasData } from '../loaders/load-atlas-data.ts';
import type { ViewState } from '../url/view-state.ts';
import { viewWindow } from '../url/view-state.ts';
import { summarize } from '../domain/aggregate.ts';
import { AtlasMap, type MapCapture, type MapItem } from '../map/AtlasMap.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { DetailsPanel } from './DetailsPanel.tsx';
import { LinkList, linksInView } from './LinkList.tsx';
import { OffMapList } from './OffMapList.tsx';
import { Legend } from './Legend.tsx';
import { LiveRegion } from './LiveRegion.tsx';
import { Tooltip } from './Tooltip.tsx';
import { formatNumber } from './format.ts';
import { selectionFromString, selectionToString, type Selected } from './selection.ts';
import { hasWebGL } from './webgl.ts';
import { useReducedMotion } from './use-reduced-motion.ts';
import { useTimelineLabels } from './timeline-labels.ts';

// Loaded on demand, and only once the map is ready: papaparse and the PNG composer stay out of the first load.
const Downloads = lazy(() => import('./downloads/Downloads.tsx'));

interface Props {
  data: AtlasData;
  view: ViewState;
  onChange: (patch: Partial<ViewState>) => void;
}

export function Atlas({ data, view, onChange }: Props) {
  const { t } = useTranslation();
  const { index, aggregates } = data;
  const lang = view.lang;
  const reducedMotion = useReducedMotion();
  const [webgl] = useState(hasWebGL);
  const [mapError, setMapError] = useState<string | null>(null);
  const [showList, setShowList] = useState(false);
  const [hover, setHover] = useState<{ item: MapItem; x: number; y: number } | null>(null);
  const readyMarked = useRef(false);
  const [mapReady, setMapReady] = useState(false);
  const captureRef = useRef<((scale?: number) => Promise<MapCapture>) | null>(null);
  const selectionAtLoad = useRef(view.selection);

  const { mode, year, from, includeUndated } = view;
  const win = useMemo(() => viewWindow({ mode, year, from, includeUndated }), [mode, year, from, includeUndated]);
  // O(countries + institutions) from prefix sums: the same cost for a thousand links as a million.
  const summary = useMemo(() => summarize(aggregates, win), [aggregates, win]);

  const selected = useMemo(
    () => selectionFromString(view.selection, aggregates, {
      inst: (id) => index.institutions.has(id),
      partner: (key) => aggregates.byPartner.indexOf.has(key) || aggregates.byCountry.indexOf.has(key),
    }),
    [view.selection, aggregates, index],
  );
  const select = useCallback((s: Selected | null) => onChange({ selection: selectionToString(s, aggregates) }), [onChange, aggregates]);

  const windowLabel = view.mode === 'upto' ? t('summary.window_upto', { year: view.year })
    : view.mode === 'in' ? t('summary.window_in', { year: view.year })
      : t('summary.window_range', { from: view.from, year: view.year });
  const n = (x: number) => formatNumber(x, lang);
  const live = t('summary.live', { window: windowLabel, links: n(summary.links), countries: n(summary.countries) });
  const timelineLabels = useTimelineLabels();

  const onReady = useCallback(() => {
    if (readyMarked.current) return;
    readyMarked.current = true;
    performance.mark('atlas:ready');
    setMapReady(true);
  }, []);

  const list = <LinkList id="link-list" index={index} aggregates={aggregates} window={win} lang={lang} onSelect={select} />;
  const drawMap = webgl && !mapError;

  return (
    <div className="atlas">
      <a className="skip-link" href="#link-list" onClick={() => setShowList(true)}>{t('app.skipToList')}</a>
      <div className="atlas-stage">
        <div className="atlas-summary">
          <strong>{windowLabel}</strong>
          <span>{t('summary.counts', { links: n(summary.links), countries: n(summary.countries), institutions: n(summary.institutions) })}</span>
          {view.includeUndated && <span className="muted">({t('summary.undatedIncluded')})</span>}
        </div>
        <LiveRegion message={live} />
        {drawMap ? (
          <div className="map-frame">
            <AtlasMap
              world={data.world}
              borders={data.borders}
              index={index}
              aggregates={aggregates}
              window={win}
              lang={lang}
              reducedMotion={reducedMotion}
              selection={selected}
              onHover={(item, p) => setHover(item ? { item, ...p } : null)}
              onSelect={select}
              onReady={onReady}
              onError={setMapError}
              captureRef={captureRef}
            />
            {hover && <Tooltip item={hover.item} x={hover.x} y={hover.y} index={index} aggregates={aggregates} window={win} lang={lang} />}
          </div>
        ) : (
          <div className="no-map" role="note">
            <h2>{mapError ? t('error.title') : t('noWebgl.title')}</h2>
            <p>{mapError ? t('error.mapFailed', { message: mapError }) : t('noWebgl.body')}</p>
          </div>
        )}
        <Timeline
          histogram={aggregates.histogram}
          undatedByType={aggregates.undatedByType}
          mode={view.mode}
          year={view.year}
          from={view.from}
          includeUndated={view.includeUndated}
          lang={lang}
          labels={timelineLabels}
          reducedMotion={reducedMotion}
          onChange={onChange}
        />
        <div className="toolbar">
          {drawMap && (
            <button type="button" aria-expanded={showList} aria-controls="link-list" onClick={() => setShowList((s) => !s)}>
              {showList ? t('list.hide') : t('list.show')}
            </button>
          )}
          {(mapReady || !drawMap) && (
            <Suspense fallback={null}>
              <Downloads index={index} links={() => linksInView(aggregates, win)} lang={lang} fileSubject={[]} years={win} filterSentence=""
                windowLabel={view.includeUndated ? `${windowLabel} (${t('summary.undatedIncluded')})` : windowLabel}
                capture={drawMap ? () => captureRef.current?.(2) ?? Promise.reject(new Error(t('download.pngUnavailable'))) : undefined} />
            </Suspense>
          )}
        </div>
        {(showList || !drawMap) && list}
      </div>
      <div className="atlas-side">
        {selected ? (
          <DetailsPanel selected={selected} index={index} aggregates={aggregates} window={win} lang={lang} onClose={() => select(null)} onSelect={select} autoFocus={view.selection !== selectionAtLoad.current} />
        ) : (
          <>
            <Legend />
            <OffMapList index={index} aggregates={aggregates} window={win} lang={lang} onSelect={select} />
          </>
        )}
      </div>
    </div>
  );
}
