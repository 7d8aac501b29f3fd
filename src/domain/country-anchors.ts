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
