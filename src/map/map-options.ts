/**
 * The MapLibre options every atlas map is made with, whether the controller makes it or it was
 * started early (early-map.ts): one place, so an adopted map behaves exactly as a fresh one.
 */
import { prewarm, setWorkerUrl, type MapOptions } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { touchScreen, type MapUiStrings } from './map-ui-strings.ts';

// MapLibre's worker is a separate file; without this a bundled app silently never loads GeoJSON.
setWorkerUrl(workerUrl);
/*
 * The worker is started now, while the page fetches and prepares its data, instead of when the map
 * is made: fetching, compiling and running its 520 KB script then no longer stands between `new Map`
 * and the countries' first tiles, which is the longest part of the way to the first view. Measured
 * (two cores, SwiftShader, two sets of 16 alternating loads; medians): atlas:ready 2576 and 2429 ms
 * against 2702 and 2634 ms without.
 * A page that never makes its map (no WebGL, a failed load) has only started an idle worker; where
 * there are no workers (Node, the unit tests) nothing is started.
 */
if (typeof Worker === 'function') prewarm();

/** What a map is made for, beyond its style: the controls' strings and the gesture mode. */
export interface MapStartOptions {
  uiStrings?: MapUiStrings;
  /** `embed`: the wheel scrolls the page unless Ctrl/⌘ is held or the map was clicked. */
  cooperative?: 'embed';
}

export function mapOptions(o: MapStartOptions, view: { center: [number, number]; zoom: number }): Omit<MapOptions, 'container' | 'style'> {
  return {
    center: view.center,
    zoom: view.zoom,
    minZoom: 0,
    maxZoom: 9,
    renderWorldCopies: true,
    attributionControl: false,
    // A flat, north-up map: the arc layer extrudes widths assuming no pitch or rotation.
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    fadeDuration: 0,
    // On a touch screen one finger scrolls the page and two move the map (a tap still picks).
    cooperativeGestures: o.cooperative === 'embed' || touchScreen(),
    ...(o.uiStrings ? { locale: { ...o.uiStrings } } : {}),
    // preserveDrawingBuffer: the canvas stays readable after a frame (screenshots, the e2e pixel check).
    // No multisampling: the arcs and points smooth their own edges in their shaders (as MapLibre's
    // lines do), and without a GPU 4× samples made a frame of 34,000 arcs take 9 s instead of 3.5 s.
    canvasContextAttributes: { antialias: false, preserveDrawingBuffer: true },
  };
}

/** The map's error when the browser could not give it a WebGL 2 context (its owner shows the "needs WebGL" view). */
export const NO_WEBGL2 = 'this browser cannot give the map a WebGL 2 context';
