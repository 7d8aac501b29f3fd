/**
 * The MapLibre style: inline GeoJSON sources only (country shapes, borders, the point layers),
 * so the map needs no request at all. Feature ids are small integers so that a year change sets
 * feature state on them directly.
 */
import type { StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { CountryShapes } from '../domain/world.ts';
import { CHINESE_TERRITORY, type MapModel } from './map-model.ts';
import { latOfY, lonOfX, mercatorX, mercatorY } from './mercator.ts';
import {
  backgroundLayer, bordersLayer, groupFillLayer, groupRingLayer, groupRingPossibleLayer, landLayer, landPossibleLayer, markerLayer, SOURCE,
} from './layer-styles.ts';

/** Radius of a group's ring in Mercator units (≈ 5° of longitude): a region, not a country. */
export const GROUP_RING_RADIUS = 0.014;

/** One feature id per ISO code (shapes sharing a code, e.g. Australia's islands, share it). */
export function countryFeatureIds(world: CountryShapes): Map<string, number> {
  const codes = [...new Set(world.features.map((f) => f.properties.iso3).filter((c): c is string => Boolean(c)))].sort();
  return new Map(codes.map((c, i) => [c, i]));
}

/** The ring around a group's anchor, round on screen (built in Mercator, stored as lon/lat). */
export function groupRing(center: readonly [number, number], radius = GROUP_RING_RADIUS, steps = 64): [number, number][] {
  const cx = mercatorX(center[0]), cy = mercatorY(center[1]);
  const ring: [number, number][] = [];
  for (let i = 0; i <= steps; i++) {
    const a = (2 * Math.PI * (i % steps)) / steps;
    ring.push([lonOfX(cx + radius * Math.cos(a)), latOfY(cy + radius * Math.sin(a))]);
  }
  return ring;
}

/**
 * Natural Earth cuts Russia's and Fiji's rings at ±180° and joins the pieces with edges that run
 * the whole width of the world; drawn as is, they fill a band across the map. Unwrapping each
 * ring's longitudes makes it continuous (Chukotka runs on past 180°), which MapLibre draws
 * across the antimeridian correctly. A ring around a pole (Antarctica) cannot be unwrapped and
 * crosses only at the pole, off the Mercator map: it is left alone.
 */
export function unwrapRing(ring: readonly Position[]): Position[] {
  // Nearly every ring never crosses: it is kept as it is (its points shared, not copied), without
  // a new array per point and the sort below; at 50m that was 40 ms of each page load.
  if (!crossesAntimeridian(ring)) return ring.slice();
  const out: Position[] = [];
  let shift = 0;
  let prev: number | undefined;
  for (const [lon = 0, lat = 0] of ring) {
    if (prev !== undefined) {
      while (lon + shift - prev > 180) shift -= 360;
      while (lon + shift - prev < -180) shift += 360;
    }
    prev = lon + shift;
    out.push([prev, lat]);
  }
  const first = out[0], last = out[out.length - 1];
  if (!first || !last || Math.abs((first[0] ?? 0) - (last[0] ?? 0)) > 1e-6) return ring.map((p) => [...p]);
  // Keep most of the ring in -180..180, so only the small piece past the line moves.
  const lons = out.map((p) => p[0] ?? 0).sort((a, b) => a - b);
  const k = Math.round((lons[lons.length >> 1] ?? 0) / 360);
  return k === 0 ? out : out.map(([lon = 0, lat = 0]) => [lon - 360 * k, lat]);
}

/** Whether some edge of the ring jumps by more than half the world (unwrapRing would shift what follows it). */
function crossesAntimeridian(ring: readonly Position[]): boolean {
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(((ring[i] as Position)[0] ?? 0) - ((ring[i - 1] as Position)[0] ?? 0)) > 180) return true;
  }
  return false;
}

function unwrapGeometry(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(unwrapRing) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((rings) => rings.map(unwrapRing)) };
}

const fc = <G extends Point | Polygon | MultiPolygon | LineString | MultiLineString>(features: Feature<G>[]): FeatureCollection<G> =>
  ({ type: 'FeatureCollection', features });

/** The country shapes as the countries source holds them: one feature id per ISO code, Chinese territory marked. */
export function countriesData(world: CountryShapes, fidOf: ReadonlyMap<string, number>): FeatureCollection<Polygon | MultiPolygon> {
  return fc<Polygon | MultiPolygon>(world.features.map((f) => {
    const iso3 = f.properties.iso3;
    const id = iso3 === undefined ? undefined : fidOf.get(iso3);
    return { type: 'Feature' as const, geometry: unwrapGeometry(f.geometry), properties: { cn: iso3 && CHINESE_TERRITORY.has(iso3) ? 1 : 0 }, ...(id === undefined ? {} : { id }) };
  }));
}

export const bordersData = (borders: MultiLineString): Feature<MultiLineString> => ({ type: 'Feature', geometry: borders, properties: {} });

/** The group rings (a ring per group slot, feature id = slot). */
export const groupsData = (groups: MapModel['groups']): FeatureCollection<Polygon> =>
  fc<Polygon>(groups.map((g, i) => ({ type: 'Feature', id: i, geometry: { type: 'Polygon', coordinates: [groupRing(g.point)] }, properties: {} })));

/** The partner markers (feature id = slot), with their kind for the marker's look. */
export const markersData = (markers: MapModel['markers']): FeatureCollection<Point> =>
  fc<Point>(markers.map((m, i) => ({ type: 'Feature', id: i, geometry: { type: 'Point', coordinates: [m.point[0], m.point[1]] }, properties: { kind: m.kind } })));

/**
 * The style. `world` null: the basemap before the shapes have arrived (the sea only; the
 * countries and borders sources are filled in when they come, early-map.ts); the groups and
 * markers are the dataset's, empty until it is here.
 */
export function buildStyle(world: CountryShapes | null, borders: MultiLineString | null, model: Pick<MapModel, 'groups' | 'markers'>, fidOf: ReadonlyMap<string, number>): StyleSpecification {
  return {
    version: 8,
    name: 'Health Silk Road Atlas basemap',
    sources: {
      [SOURCE.countries]: { type: 'geojson', data: world ? countriesData(world, fidOf) : fc([]), tolerance: 0.45 },
      [SOURCE.borders]: { type: 'geojson', data: borders ? bordersData(borders) : fc([]) },
      [SOURCE.groups]: { type: 'geojson', data: groupsData(model.groups) },
      [SOURCE.markers]: { type: 'geojson', data: markersData(model.markers) },
    },
    // Chinese institutions are drawn above these by a custom layer (institution-layer.ts). The
    // hatch of landPossibleLayer is an image the map adds when it first asks for it.
    layers: [backgroundLayer, landLayer, landPossibleLayer, bordersLayer, groupFillLayer, groupRingLayer, groupRingPossibleLayer, markerLayer],
  };
}
