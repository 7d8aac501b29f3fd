/**
 * The atlas in embed mode (`?embed=1`), for an iframe on another site: the title, one line saying
 * what is shown and how many links, the map, a legend folded behind a button, the timeline, and a
 * link to the full atlas. It fills the frame without a scrollbar (the map takes what the rest
 * leaves, down to a minimum) and tells the host page the height it would like (use-resize-report.ts).
 * The map lets the host page scroll: it zooms with the wheel only with Ctrl/⌘ or after a click.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWindowSummary, windowWords } from '../ui/use-window-summary.ts';
import type { AtlasData } from '../loaders/load-atlas-data.ts';
import type { Camera, ViewState } from '../url/view-state.ts';
import { AtlasMap, type MapItem } from '../map/AtlasMap.tsx';
import { Timeline } from '../timeline/Timeline.tsx';
import { Legend } from '../ui/Legend.tsx';
import { Tooltip } from '../ui/Tooltip.tsx';
import { tallyWords } from '../ui/tally-words.ts';
import { filterPhrases, type WordsContext } from '../ui/filter-words.ts';
import { mapSelection, selectionToString, type Selected } from '../ui/selection.ts';
import { knowsWebGL2, mapErrorHandler } from '../ui/webgl.ts';
import { useReducedMotion } from '../ui/use-reduced-motion.ts';
import { useTimelineLabels } from '../ui/timeline-labels.ts';
import { useMapStrings } from '../ui/use-map-strings.ts';
import type { Explore } from '../ui/use-explore.ts';
import { fullAtlasUrl } from './snippet.ts';
import { useResizeReport } from './use-resize-report.ts';
import './embed.css';

interface Props {
  data: AtlasData;
  explore: Explore;
  onChange: (patch: Partial<ViewState>) => void;
  onSettled: () => void;
}

export function EmbedAtlas({ data, explore, onChange, onSettled }: Props) {
  const { t } = useTranslation();
  const { index, aggregates } = data;
  const { view, counts, facets, selected } = explore;
  const lang = view.lang;
  const reducedMotion = useReducedMotion();
  const [webgl, setWebgl] = useState(knowsWebGL2);
  const [mapError, setMapError] = useState<string | null>(null);
  const [hover, setHover] = useState<{ item: MapItem; x: number; y: number } | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const mapBox = useRef<HTMLDivElement>(null);
  useResizeReport(root, mapBox, view.hosts);

  const { win, summary, histogram, plannedTotal } = useWindowSummary(view, counts);
  const timelineLabels = useTimelineLabels();
  const baseStrings = useMapStrings();
  // The hint says both ways in: the modifier key, or a click on the map first.
  const mapStrings = useMemo(() => ({
    ...baseStrings,
    'CooperativeGesturesHandler.WindowsHelpText': t('embed.gestureWindows'),
    'CooperativeGesturesHandler.MacHelpText': t('embed.gestureMac'),
  }), [baseStrings, t]);

  const select = useCallback((s: Selected | null) => onChange({ selection: selectionToString(s, aggregates) }), [onChange, aggregates]);
  const onCamera = useCallback((camera: Camera) => onChange({ camera }), [onChange]);
  const ready = useRef(false);
  const onReady = useCallback(() => {
    if (ready.current) return;
    ready.current = true;
    performance.mark('atlas:ready');
    onSettled();
  }, [onSettled]);
  const drawMap = webgl && !mapError;
  useEffect(() => {
    if (!drawMap) onSettled();
  }, [drawMap, onSettled]);

  const windowLabel = windowWords(view, t);
  const words: WordsContext = { index, programmeNames: facets?.programmeNames ?? new Map(), lang, t };
  const what = [...filterPhrases(view.filters, words), windowLabel].join(' · ');
  const sentence = what + t('summary.colon') + tallyWords(t, { certain: summary.links, possible: summary.possible, undated: summary.undated, planned: summary.planned }, win, lang);

  return (
    <div className="embed" ref={root}>
      <div className="embed-head">
        <h1 className="embed-title">{t('app.title')}</h1>
        {/* A new tab: the host page stays where the reader was. */}
        <a className="embed-full" href={fullAtlasUrl(view, location.href)} target="_blank" rel="noopener">
          {t('embed.openFull')}<span className="visually-hidden"> {t('embed.newTab')}</span>
        </a>
      </div>
      <p className="embed-summary" role="status">{sentence}</p>
      <div className="embed-map" ref={mapBox}>
        {drawMap ? (
          <div className="map-frame">
            <AtlasMap
              world={data.world} borders={data.borders} index={index} aggregates={aggregates} counts={counts} window={win} lang={lang}
              uiStrings={mapStrings} reducedMotion={reducedMotion} selection={mapSelection(selected)} camera={view.camera} fit={null}
              cooperative="embed" onCamera={onCamera} onHover={(item, p) => setHover(item ? { item, ...p } : null)}
              onSelect={select} onReady={onReady} onError={mapErrorHandler(() => setWebgl(false), setMapError)}
            />
            {hover && <Tooltip item={hover.item} x={hover.x} y={hover.y} index={index} aggregates={counts} window={win} lang={lang} />}
          </div>
        ) : (
          <div className="no-map" role="note">
            <h2>{mapError ? t('error.title') : t('noWebgl.title')}</h2>
            <p>{mapError ? t('error.mapFailed', { message: mapError }) : t('noWebgl.body')}</p>
          </div>
        )}
        <details className="embed-legend">
          <summary>{t('legend.title')}</summary>
          <Legend />
        </details>
      </div>
      <Timeline
        histogram={histogram.certain} possibleByYear={histogram.possible} undatedByType={histogram.undatedByType}
        planned={plannedTotal} includePlanned={view.includePlanned} mode={view.mode} year={view.year} from={view.from}
        includeUndated={view.includeUndated} lang={lang} labels={timelineLabels} reducedMotion={reducedMotion} onChange={onChange}
      />
    </div>
  );
}
