/**
 * The atlas map as a React component; it fills its positioned parent. The map is created once
 * per dataset in an effect and then updated imperatively through AtlasMapController; React
 * renders one empty box and never a map object per frame.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';
import type { MultiLineString } from 'geojson';
import type { Aggregates, YearWindow } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { CountryShapes } from '../domain/world.ts';
import { AtlasMapController, type FitRequest, type FramePadding } from './map-controller.ts';
import type { Camera } from '../url/view-state.ts';
import type { MapItem } from './map-item.ts';
import type { MapCapture } from './map-capture.ts';
import type { MapUiStrings } from './map-ui-strings.ts';
import './atlas-map.css';
import type { Lang } from '../domain/dates.ts';

export type { MapItem } from './map-item.ts';
export type { FitRequest } from './map-controller.ts';
export type { MapCapture } from './map-capture.ts';

export interface AtlasMapProps {
  world: CountryShapes;
  borders: MultiLineString;
  index: DatasetIndex;
  /** The whole dataset's aggregates: the arcs and entities the map is built on (a change re-creates the map). */
  aggregates: Aggregates;
  /** Counts of the links the filters let through, over the same arcs (a change re-uploads counts only). */
  counts: Aggregates;
  /** The camera the URL asks for (null: the fitted first view). */
  camera: Camera | null;
  /** A request to frame something; acted on once per request id. */
  fit: FitRequest | null;
  /** The reader moved the map. */
  onCamera: (camera: Camera) => void;
  /**
   * The time window shown: inclusive years (`from` −Infinity for "up to") and whether undated and
   * planned links are drawn. Links certain in it are drawn solid and sized; links only possibly in
   * it (and included undated or planned ones) are drawn apart: dashed faint arcs, hollow or hatched
   * places. A change costs the map O(pairs + entities) main-thread work, whatever the number of links.
   */
  window: YearWindow;
  lang: Lang;
  /** MapLibre's own strings (zoom buttons, the two-finger hint) in the reader's language. */
  uiStrings?: MapUiStrings;
  /** `embed`: the wheel scrolls the host page unless Ctrl/⌘ is held or the map was clicked. Read once, when the map is made. */
  cooperative?: 'embed';
  /** No animation at all when true. */
  reducedMotion: boolean;
  selection: MapItem | null;
  /** Pointer over an item (or null), with the point in the map box's CSS px, for a tooltip. */
  onHover: (item: MapItem | null, point: { x: number; y: number }) => void;
  /** Click or tap: the item, or null on empty map. */
  onSelect: (item: MapItem | null) => void;
  /** Once: the first time the map is idle with every arc of the initial window drawn. */
  onReady: () => void;
  /** WebGL unavailable or lost, or a map error. */
  onError?: (message: string) => void;
  /** Filled with a function that draws the map at a pixel ratio (default 2) for an image; null while there is no map. */
  captureRef?: RefObject<((scale?: number) => Promise<MapCapture>) | null>;
  /** Map labels this many times their normal size (presenter mode). */
  labelScale?: number;
  /** Presenter mode: frame every arc the filters let through, keeping this room clear; null: the camera prop rules. */
  framing?: FramePadding | null;
}

export function AtlasMap(props: AtlasMapProps) {
  const { world, borders, index, aggregates } = props;
  const box = useRef<HTMLDivElement>(null);
  const controller = useRef<AtlasMapController | null>(null);
  // The latest props, read by the long-lived map callbacks without re-creating the map.
  const latest = useRef(props);
  const readyCalled = useRef(false);
  useLayoutEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const el = box.current;
    if (!el) return undefined;
    const p = latest.current;
    let c: AtlasMapController;
    try {
      c = new AtlasMapController(el, { world, borders, index, aggregates }, {
        window: p.window, lang: p.lang, reducedMotion: p.reducedMotion, selection: p.selection, camera: p.camera,
        ...(p.uiStrings ? { uiStrings: p.uiStrings } : {}),
        ...(p.cooperative ? { cooperative: p.cooperative } : {}),
      }, () => ({
        onCamera: (camera) => latest.current.onCamera(camera),
        onHover: (item, point) => latest.current.onHover(item, point),
        onSelect: (item) => latest.current.onSelect(item),
        onReady: () => {
          if (readyCalled.current) return;
          readyCalled.current = true;
          latest.current.onReady();
        },
        onError: (message) => latest.current.onError?.(message),
      }));
    } catch (e) {
      latest.current.onError?.(e instanceof Error ? e.message : String(e));
      return undefined;
    }
    controller.current = c;
    c.setCounts(p.counts);
    const captureRef = latest.current.captureRef;
    if (captureRef) captureRef.current = (scale) => c.capture(scale);
    return () => {
      if (captureRef) captureRef.current = null;
      c.destroy();
      controller.current = null;
    };
  }, [world, borders, index, aggregates]);

  // No dependency list: the window may be a new object with the same years, so compare every
  // render (O(1), and the controller does nothing when nothing changed).
  useEffect(() => {
    const c = controller.current;
    if (!c) return;
    c.setCounts(props.counts);
    c.setWindow(props.window);
    c.setLang(props.lang);
    c.setUiStrings(props.uiStrings);
    c.setReducedMotion(props.reducedMotion);
    c.setSelection(props.selection);
    c.setLabelScale(props.labelScale ?? 1);
  });

  const { camera, fit, framing = null } = props;
  const framingKey = framing ? `${framing.top},${framing.right},${framing.bottom},${framing.left}` : '';
  useEffect(() => {
    controller.current?.setFraming(framing, latest.current.camera);
    // framingKey stands for framing: a new object with the same room must not re-frame.
  }, [framingKey, world, borders, index, aggregates]);
  useEffect(() => {
    // While presenting the framed camera rules; the URL's returns when presenter mode ends.
    if (!latest.current.framing) controller.current?.setCamera(camera);
  }, [camera]);
  const fitDone = useRef(0);
  useEffect(() => {
    if (!fit || fit.id === fitDone.current) return;
    fitDone.current = fit.id;
    controller.current?.fit(fit);
  }, [fit]);

  return <div ref={box} className="atlas-map" />;
}
