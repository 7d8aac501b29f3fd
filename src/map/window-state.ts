/**
 * What the map draws with MapLibre's own layers and labels for a time window: partner-country
 * shades, institution radii, which partner markers and group rings are lit. Each comes from the
 * entity's cumulative counts (one subtraction per country, institution or partner), so a year
 * change costs O(countries + institutions + partners), never O(pairs) or O(links); arcs are
 * counted by their shader (arc-data.ts). Allocation-free after the first call. Pure: tested in Node.
 */
import { entityCount, type EntityCounts, type YearWindow } from '../domain/aggregate.ts';
import type { MapModel } from './map-model.ts';
import { countryShade, institutionRadius, MARKER_RADIUS } from './scales.ts';

export interface WindowState {
  countryTotals: Uint32Array;
  /** Per country slot, 0–1 on the partner ramp; 0 = unshaded. */
  countryShades: Float32Array;
  institutionTotals: Uint32Array;
  institutionRadii: Float32Array;
  markerTotals: Uint32Array;
  markerRadii: Float32Array;
  groupTotals: Uint32Array;
}

export function emptyWindowState(model: MapModel): WindowState {
  return {
    countryTotals: new Uint32Array(model.countries.length),
    countryShades: new Float32Array(model.countries.length),
    institutionTotals: new Uint32Array(model.institutions.length),
    institutionRadii: new Float32Array(model.institutions.length),
    markerTotals: new Uint32Array(model.markers.length),
    markerRadii: new Float32Array(model.markers.length),
    groupTotals: new Uint32Array(model.groups.length),
  };
}

/** Links per slot in the window, into `out`: slot i is entity `entityOf[i]` of `e` (-1: none, 0 links). */
export function slotTotals(e: EntityCounts, entityOf: Int32Array, w: YearWindow, out: Uint32Array): Uint32Array {
  for (let i = 0; i < entityOf.length; i++) {
    const k = entityOf[i] as number;
    out[i] = k >= 0 ? entityCount(e, k, w) : 0;
  }
  return out;
}

/** Fills `out` for the window. */
export function computeWindowState(model: MapModel, w: YearWindow, out: WindowState): WindowState {
  const { institutions, countries, partners } = model.entities;
  slotTotals(countries, model.countryEntity, w, out.countryTotals);
  slotTotals(institutions, model.institutionEntity, w, out.institutionTotals);
  slotTotals(partners, model.markerEntity, w, out.markerTotals);
  slotTotals(partners, model.groupEntity, w, out.groupTotals);
  out.countryTotals.forEach((t, i) => { out.countryShades[i] = countryShade(t, model.maxCountryAllTime); });
  out.institutionTotals.forEach((t, i) => { out.institutionRadii[i] = institutionRadius(t, model.maxInstitutionAllTime); });
  out.markerTotals.forEach((t, i) => { out.markerRadii[i] = t > 0 ? MARKER_RADIUS : 0; });
  return out;
}

/**
 * Indexes where `next` differs from `applied`, copying the new values into `applied`: the map
 * then sets feature state only for those (setFeatureState is the expensive part of a step).
 */
export function takeChanges(applied: Float32Array, next: ArrayLike<number>): number[] {
  const changed: number[] = [];
  for (let i = 0; i < applied.length; i++) {
    const v = next[i] ?? 0;
    if (applied[i] !== v) {
      applied[i] = v;
      changed.push(i);
    }
  }
  return changed;
}
