/**
 * The map started before the data: made while a slow load goes on (EarlyBasemap.tsx says when), so that MapLibre's worker, the
 * WebGL context and the country shapes are ready (and the basemap painted) by the time the data
 * is, instead of starting after it. The atlas's map controller adopts it (adoptEarlyMap): it moves
 * the map's box into its own and adds the dataset's sources and layers. One early map at a time;
 * one that is never adopted (the load failed) is removed after a while.
 */
import { Map as MapLibreMap } from 'maplibre-gl';
import type { MultiLineString } from 'geojson';
import type { CountryShapes } from '../domain/world.ts';
import { bordersData, buildStyle, countriesData, countryFeatureIds } from './map-style.ts';
import { SOURCE } from './layer-styles.ts';
import { initialView } from './initial-view.ts';
import { mapOptions, type MapStartOptions } from './map-options.ts';
import type { GeoJSONSource } from 'maplibre-gl';

export interface EarlyMap {
  map: MapLibreMap;
  /** The element MapLibre draws into; the adopter moves it into its own container. */
  canvasBox: HTMLDivElement;
  /** The shapes the countries source holds (null until they arrived). */
  world: CountryShapes | null;
  /** Whether the style has loaded: its event fires once, maybe before the adopter listens. */
  styleLoaded: boolean;
  options: MapStartOptions;
}

let early: EarlyMap | null = null;
let dropTimer: ReturnType<typeof setTimeout> | undefined;
/** The shapes, once they arrived: a map started after them draws them at once. */
let arrived: { world: CountryShapes; borders: MultiLineString } | null = null;

/** How long an early map waits to be adopted once its box has left the page. */
const UNADOPTED_MS = 15_000;

/**
 * Starts the map in `host` with the sea only (no request: the style is inline), unless one is
 * running. Never throws: without WebGL there is simply no early map, and the atlas says why
 * when it makes its own.
 */
export function startEarlyMap(host: HTMLElement, options: MapStartOptions): void {
  if (early) {
    if (!host.contains(early.canvasBox)) host.appendChild(early.canvasBox);
    if (dropTimer) clearTimeout(dropTimer);
    early.map.resize();
    return;
  }
  const canvasBox = document.createElement('div');
  canvasBox.className = 'atlas-map-canvas';
  host.appendChild(canvasBox);
  const view = initialView(host.clientWidth, host.clientHeight);
  try {
    const map = new MapLibreMap({
      container: canvasBox,
      style: buildStyle(null, null, { groups: [], markers: [] }, new Map()),
      ...mapOptions(options, view),
    });
    const made: EarlyMap = { map, canvasBox, world: null, styleLoaded: false, options };
    map.once('style.load', () => { made.styleLoaded = true; });
    early = made;
    if (arrived) showEarlyWorld(arrived.world, arrived.borders);
  } catch {
    canvasBox.remove();
  }
}

/** The country shapes have arrived: the early map draws them (the borders too). */
export function showEarlyWorld(world: CountryShapes, borders: MultiLineString): void {
  arrived = { world, borders };
  if (!early || early.world === world) return;
  early.world = world;
  const { map } = early;
  const fill = () => {
    (map.getSource(SOURCE.countries) as GeoJSONSource | undefined)?.setData(countriesData(world, countryFeatureIds(world)));
    (map.getSource(SOURCE.borders) as GeoJSONSource | undefined)?.setData(bordersData(borders));
  };
  if (early.styleLoaded) fill();
  else map.once('style.load', fill);
}

/** The early map's box has left the page (the loading view is gone): removed unless adopted soon. */
export function releaseEarlyMap(): void {
  if (!early) return;
  if (dropTimer) clearTimeout(dropTimer);
  dropTimer = setTimeout(() => {
    early?.map.remove();
    early?.canvasBox.remove();
    early = null;
  }, UNADOPTED_MS);
}

/**
 * The early map for a controller: it is handed over once (and is then the controller's to
 * remove), or null when there is none or it was made for another gesture mode (the controls'
 * strings the controller sets itself).
 */
export function adoptEarlyMap(options: MapStartOptions): EarlyMap | null {
  const e = early;
  if (!e) return null;
  early = null;
  if (dropTimer) clearTimeout(dropTimer);
  if (e.options.cooperative !== options.cooperative) {
    e.map.remove();
    e.canvasBox.remove();
    return null;
  }
  return e;
}
