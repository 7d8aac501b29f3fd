/**
 * The basemap and point layers as typed style constants: a calm, print-like light map on which
 * the saturated category colours of the arcs stand out. Nothing here loads a resource: no tiles,
 * no glyphs, no sprite (labels are an HTML overlay, see labels.ts).
 */
import type {
  BackgroundLayerSpecification, CircleLayerSpecification, ExpressionSpecification, FillLayerSpecification,
  LineLayerSpecification,
} from 'maplibre-gl';

export const SEA_COLOR = '#e8eef2';
export const LAND_COLOR = '#dcd8d1';
/** China with Hong Kong, Macao and Taiwan: one warm tone, never on the partner scale. */
export const CHINA_COLOR = '#eadbc8';
export const BORDER_COLOR = '#f7f5f1';
/** Partner countries: a cool slate ramp (low → high), apart from the warm land and China. */
export const PARTNER_RAMP: readonly [string, string] = ['#d5dde5', '#8299b0'];
export const SELECTED_COUNTRY_COLOR = '#5d7893';
export const INSTITUTION_COLOR = '#3a3734';
export const MARKER_STROKE = '#3a3734';
export const SELECTION_COLOR = '#111111';
export const GROUP_COLOR = '#4a4a4a';
/** Domestic arcs (China to China): neutral and dashed, never a category colour. */
export const DOMESTIC_ARC_COLOR = '#3b3b3b';
/** Partner countries with only possible links in the window: the ramp's lightest tint, hatched in this slate. */
export const POSSIBLE_HATCH_COLOR = '#6f869d';
/** The hatch image's name (added to the map at style load: possibleHatchImage). */
export const POSSIBLE_HATCH = 'possible-hatch';

export const SOURCE = {
  countries: 'countries',
  borders: 'borders',
  markers: 'markers',
  groups: 'groups',
} as const;

export const LAYER = {
  background: 'sea',
  land: 'land',
  borders: 'borders',
  landPossible: 'land-possible',
  groupFill: 'group-fill',
  groupRing: 'group-ring',
  groupRingPossible: 'group-ring-possible',
  arcs: 'arcs',
  markers: 'partner-markers',
  institutions: 'institutions',
} as const;

const state = (name: string): ExpressionSpecification => ['to-number', ['feature-state', name], 0];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'sel'], false];
/**
 * Feature states are signed: a positive `shade`, `r` or `active` is lit by links certain in the
 * window, a negative one only by possible (or included undated/planned) links (window-state.ts).
 */
const possible = (name: string): ExpressionSpecification => ['<', state(name), 0];

export const backgroundLayer: BackgroundLayerSpecification = {
  id: LAYER.background, type: 'background', paint: { 'background-color': SEA_COLOR },
};

/** Land, China and partner shading in one fill; `shade` (0–1) and `sel` come from feature state. */
export const landLayer: FillLayerSpecification = {
  id: LAYER.land, type: 'fill', source: SOURCE.countries,
  paint: {
    'fill-color': [
      'case',
      ['==', ['get', 'cn'], 1], CHINA_COLOR,
      selected, SELECTED_COUNTRY_COLOR,
      ['>', state('shade'), 0], ['interpolate', ['linear'], state('shade'), 0, PARTNER_RAMP[0], 1, PARTNER_RAMP[1]],
      possible('shade'), PARTNER_RAMP[0],
      LAND_COLOR,
    ],
    // No fill-outline: it streaks across the map where polygons are cut at ±180°.
    'fill-antialias': true,
  },
};

/**
 * Partner countries with only possible links in the window: diagonal hatching over the lightest
 * tint, so "possibly" reads as a texture, not as one more shade. (A pattern cannot follow
 * feature state, its opacity can.)
 */
export const landPossibleLayer: FillLayerSpecification = {
  id: LAYER.landPossible, type: 'fill', source: SOURCE.countries,
  paint: {
    'fill-pattern': POSSIBLE_HATCH,
    'fill-opacity': ['case', ['all', possible('shade'), ['!', selected]], 1, 0],
    'fill-antialias': false,
  },
};

/**
 * The hatch tile: thin (1.2 px) half-opaque diagonal lines every 6 CSS px, drawn at 2× (MapLibre
 * scales it by `pixelRatio`), transparent between them: lighter than any certain shade, so a
 * country possibly linked never outweighs one certainly linked. Pixels for map.addImage.
 */
export function possibleHatchImage(): { width: number; height: number; data: Uint8Array; pixelRatio: number } {
  const size = 12, ratio = 2;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(POSSIBLE_HATCH_COLOR.slice(i, i + 2), 16)) as [number, number, number];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // Distance across the stripe x + y ≡ 0 (mod size), wrapping so the tile repeats seamlessly.
      const m = (x + y) % size;
      const d = Math.min(m, size - m) / Math.SQRT2;
      const a = Math.max(0, Math.min(1, 1.2 * ratio / 2 + 0.5 - d));
      const o = (y * size + x) * 4;
      // Premultiplied is not expected here: MapLibre takes straight RGBA for images.
      data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = Math.round(150 * a);
    }
  }
  return { width: size, height: size, data, pixelRatio: ratio };
}

export const bordersLayer: LineLayerSpecification = {
  id: LAYER.borders, type: 'line', source: SOURCE.borders,
  layout: { 'line-join': 'round' },
  paint: { 'line-color': BORDER_COLOR, 'line-width': ['interpolate', ['linear'], ['zoom'], 0, 0.4, 4, 0.9, 8, 1.4] },
};

/** Groups of unnamed countries: a faint disc and a dashed ring at the region the source names. */
export const groupFillLayer: FillLayerSpecification = {
  id: LAYER.groupFill, type: 'fill', source: SOURCE.groups,
  paint: {
    'fill-color': GROUP_COLOR,
    'fill-opacity': ['case', ['>', state('active'), 0], ['case', selected, 0.16, 0.07], possible('active'), ['case', selected, 0.1, 0], 0],
    'fill-antialias': false,
  },
};

export const groupRingLayer: LineLayerSpecification = {
  id: LAYER.groupRing, type: 'line', source: SOURCE.groups,
  paint: {
    'line-color': ['case', selected, SELECTION_COLOR, GROUP_COLOR],
    'line-width': ['case', selected, 2.2, 1.2],
    'line-opacity': ['case', ['>', state('active'), 0], 0.9, 0],
    'line-dasharray': [3, 2],
  },
};

/** A group with only possible links in the window: a fainter dotted ring and no disc (a dash pattern cannot follow feature state). */
export const groupRingPossibleLayer: LineLayerSpecification = {
  id: LAYER.groupRingPossible, type: 'line', source: SOURCE.groups,
  layout: { 'line-cap': 'round' },
  paint: {
    'line-color': ['case', selected, SELECTION_COLOR, GROUP_COLOR],
    'line-width': ['case', selected, 2.2, 1.4],
    'line-opacity': ['case', possible('active'), ['case', selected, 0.9, 0.6], 0],
    'line-dasharray': [0.1, 2.6],
  },
};

/**
 * Partner institutions and organisations with a seat: small fixed markers (white / dark). With
 * only possible links in the window: hollow, a thinner and fainter ring.
 */
export const markerLayer: CircleLayerSpecification = {
  id: LAYER.markers, type: 'circle', source: SOURCE.markers,
  paint: {
    'circle-radius': ['abs', state('r')],
    'circle-color': ['match', ['get', 'kind'], 'organization', MARKER_STROKE, '#ffffff'],
    'circle-opacity': ['case', possible('r'), 0, 1],
    'circle-stroke-color': ['case', selected, SELECTION_COLOR, MARKER_STROKE],
    'circle-stroke-width': ['case', ['==', state('r'), 0], 0, selected, 3, possible('r'), 1.2, 1.4],
    'circle-stroke-opacity': ['case', selected, 1, possible('r'), 0.6, 1],
  },
};
