/**
 * Whether a recorded point lies in the country it is recorded in (Natural Earth shapes,
 * d3-geo's geoContains). Catches swapped lon/lat and same-named cities in the wrong country.
 * Coastal cities can fall just outside the generalised coastline, so points within
 * `toleranceDeg` of the country count as inside.
 */
import { geoContains } from 'd3-geo';
import type { CountryShapes } from './world.ts';
import type { Dataset, LonLat } from './schema.ts';
import type { Problem } from './validate.ts';

/** Chinese territory in Natural Earth: institutions in China may lie in any of these shapes. */
export const CHINA_SHAPES = ['CHN', 'HKG', 'MAC', 'TWN'];

export function pointInCountry(shapes: CountryShapes, iso3s: readonly string[], p: LonLat, toleranceDeg = 0.25): boolean {
  const features = shapes.features.filter((f) => f.properties.iso3 && iso3s.includes(f.properties.iso3));
  if (features.length === 0) return true; // no shape to test against (e.g. Kosovo): nothing to say
  // Rings of probes inside the tolerance, not only on its edge: a small island (Barbados is
  // 0.2° across) can lie wholly between the point and a single ring.
  const probes: LonLat[] = [p];
  for (const r of [0.25, 0.5, 0.75, 1]) {
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      probes.push([p[0] + r * toleranceDeg * Math.cos(a), p[1] + r * toleranceDeg * Math.sin(a)]);
    }
  }
  return probes.some((q) => features.some((f) => geoContains(f, q)));
}

/** Every Chinese institution inside China; every placed partner institution inside its country. */
export function checkPlaces(d: Dataset, shapes: CountryShapes): Problem[] {
  const problems: Problem[] = [];
  for (const i of d.institutions) {
    if (!pointInCountry(shapes, CHINA_SHAPES, i.coordinates)) {
      problems.push({ file: 'institutions.json', id: i.id, field: 'coordinates', message: `[${i.coordinates.join(', ')}] is not in China (swapped lon/lat, or a same-named city elsewhere?)` });
    }
  }
  for (const p of d.partners) {
    if (p.kind === 'institution' && p.coordinates && !pointInCountry(shapes, [p.country], p.coordinates)) {
      problems.push({ file: 'partners.json', id: p.id, field: 'coordinates', message: `[${p.coordinates.join(', ')}] is not in ${p.country} (swapped lon/lat, or a same-named city elsewhere?)` });
    }
  }
  return problems;
}
