/**
 * One representative point per country, for drawing arcs to a country and shading it:
 * the pole of inaccessibility (polylabel) of the country's largest polygon, so the point lies
 * inside the mainland rather than in the sea between islands or overseas territories.
 */
import polylabel from 'polylabel';
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { LonLat } from './schema.ts';

export type CountryShape = Feature<Polygon | MultiPolygon, { iso3?: string }>;

/** The representative point of one country shape. */
export function countryAnchor(shape: CountryShape): LonLat {
  const polygons: Position[][][] = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
  let best = polygons[0] ?? [];
  let bestArea = -1;
  for (const rings of polygons) {
    const area = geoArea({ type: 'Polygon', coordinates: rings });
    if (area > bestArea) {
      best = rings;
      bestArea = area;
    }
  }
  const p = polylabel(best as [number, number][][], 0.05);
  return [round(p[0] ?? 0), round(p[1] ?? 0)];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Anchors for every shape that carries an ISO alpha-3 code (or only those in `only`, to save time). Some codes have several shapes
 * (Australia and the Ashmore and Cartier Islands share 036): the largest shape wins.
 */
export function countryAnchors(
  shapes: FeatureCollection<Polygon | MultiPolygon, { iso3?: string }>,
  only?: ReadonlySet<string>,
): Map<string, LonLat> {
  const largest = new Map<string, { shape: CountryShape; area: number }>();
  for (const f of shapes.features) {
    const iso3 = f.properties?.iso3;
    if (!iso3 || (only && !only.has(iso3))) continue;
    const area = geoArea(f);
    const prior = largest.get(iso3);
    if (!prior || area > prior.area) largest.set(iso3, { shape: f, area });
  }
  return new Map([...largest].map(([iso3, { shape }]) => [iso3, countryAnchor(shape)]));
}

/** Every country's anchor, worked out by the build from the same world file the page fetches (vite.config.ts); undefined in Node. */
declare const __ATLAS_COUNTRY_ANCHORS__: Record<string, LonLat> | undefined;

/** The build's anchors, or null where there are none (tests, the command-line tools). */
export function builtAnchors(): Readonly<Record<string, LonLat>> | null {
  return typeof __ATLAS_COUNTRY_ANCHORS__ === 'object' && __ATLAS_COUNTRY_ANCHORS__ !== null ? __ATLAS_COUNTRY_ANCHORS__ : null;
}

/**
 * The anchors of the countries in `needed`: from `built` (the build's table) where it has them,
 * worked out from `shapes` otherwise. The table comes from the app's own world file, the only
 * one the page reads, so both give the same points; taking them from the table spares the page
 * the polylabel searches (about 150 ms of a first view on the bench machine).
 */
export function anchorsOf(
  shapes: FeatureCollection<Polygon | MultiPolygon, { iso3?: string }>,
  needed: ReadonlySet<string>,
  built: Readonly<Record<string, LonLat>> | null = builtAnchors(),
): Map<string, LonLat> {
  if (!built) return countryAnchors(shapes, needed);
  const out = new Map<string, LonLat>();
  const missing = new Set<string>();
  for (const iso3 of needed) {
    const a = built[iso3];
    if (a) out.set(iso3, a);
    else missing.add(iso3);
  }
  if (missing.size) for (const [iso3, a] of countryAnchors(shapes, missing)) out.set(iso3, a);
  return out;
}
