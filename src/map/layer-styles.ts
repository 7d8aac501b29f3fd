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
  groupFill: 'group-fill',
  groupRing: 'group-ring',
  arcs: 'arcs',
  markers: 'partner-markers',
  institutions: 'institutions',
} as const;

const state = (name: string): ExpressionSpecification => ['to-number', ['feature-state', name], 0];
const selected: ExpressionSpecification = ['boolean', ['feature-state', 'sel'], false];

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
      LAND_COLOR,
    ],
    // No fill-outline: it streaks across the map where polygons are cut at ±180°.
    'fill-antialias': true,
  },
};

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
    'fill-opacity': ['case', ['>', state('active'), 0], ['case', selected, 0.16, 0.07], 0],
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

/** Partner institutions and organisations with a seat: small fixed markers (hollow / solid). */
export const markerLayer: CircleLayerSpecification = {
  id: LAYER.markers, type: 'circle', source: SOURCE.markers,
  paint: {
    'circle-radius': state('r'),
    'circle-color': ['match', ['get', 'kind'], 'organization', MARKER_STROKE, '#ffffff'],
    'circle-stroke-color': ['case', selected, SELECTION_COLOR, MARKER_STROKE],
    'circle-stroke-width': ['case', ['<=', state('r'), 0], 0, selected, 3, 1.4],
  },
};
