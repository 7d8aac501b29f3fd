/**
 * The page Lighthouse compares the atlas with: MapLibre alone drawing the atlas's basemap (the
 * same Natural Earth shapes, fetched from the same origin, in the same style and first camera),
 * with no app, no data and no arcs. Built by bare-map.config.ts.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { countryBorders, countryShapes, type WorldTopology } from '../../src/domain/world.ts';
import { buildStyle, countryFeatureIds } from '../../src/map/map-style.ts';
import { POSSIBLE_HATCH, possibleHatchImage } from '../../src/map/layer-styles.ts';
import { initialView } from '../../src/map/initial-view.ts';
import type { MapModel } from '../../src/map/map-model.ts';

setWorkerUrl(workerUrl);
const el = document.getElementById('map');
const world = (await (await fetch('./world/countries-50m.json')).json()) as WorldTopology;
if (el) {
  const shapes = countryShapes(world);
  // No links: the style's point and ring sources are empty, only the basemap is drawn.
  const noLinks = { groups: [], markers: [] } as unknown as MapModel;
  const view = initialView(el.clientWidth, el.clientHeight);
  const map = new MapLibreMap({
    container: el, style: buildStyle(shapes, countryBorders(world), noLinks, countryFeatureIds(shapes)),
    center: view.center, zoom: view.zoom, attributionControl: false, fadeDuration: 0,
  });
  // The style's hatch pattern, given as the atlas gives it (without it MapLibre asks for it again and again).
  map.setMissingStyleImageResolver((id) => {
    if (id === POSSIBLE_HATCH && !map.hasImage(POSSIBLE_HATCH)) {
      const { pixelRatio, ...image } = possibleHatchImage();
      map.addImage(POSSIBLE_HATCH, image, { pixelRatio });
    }
  });
  map.once('idle', () => performance.mark('bare:ready'));
}
