/** Natural Earth country shapes from world-atlas TopoJSON, keyed by ISO alpha-3. */
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { numericToIso3 } from './countries.ts';

export type WorldTopology = Topology<{ countries: GeometryCollection<{ name: string }>; land: GeometryCollection }>;
export type CountryShapes = FeatureCollection<Polygon | MultiPolygon, { iso3?: string; name: string }>;

/** Country polygons with an `iso3` property (absent for shapes without an ISO code, e.g. N. Cyprus). */
export function countryShapes(world: WorldTopology): CountryShapes {
  const fc = feature(world, world.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { name: string }>;
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const iso3 = f.id === undefined ? undefined : numericToIso3(String(f.id));
      return { ...f, properties: { name: f.properties?.name ?? '', ...(iso3 ? { iso3 } : {}) } };
    }),
  };
}

/** Borders between countries as one line geometry; lines avoid the fill-outline streaks at ±180°. */
export function countryBorders(world: WorldTopology): MultiLineString {
  return mesh(world, world.objects.countries, (a, b) => a !== b) as MultiLineString;
}
