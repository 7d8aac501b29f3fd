/**
 * Everything the map draws that depends on the time window, from per-pair counts: arc widths,
 * partner-country totals, institution radii, which markers and group rings are lit. O(pairs),
 * allocation-free after the first call, so a year change costs the same on the tenth step as on
 * the first. Pure: tested in Node.
 */
import type { ArcBuffers } from './arc-buffer.ts';
import { totalsBySlot, type MapModel } from './map-model.ts';
import { arcWidth, countryShade, institutionRadius, MARKER_RADIUS } from './scales.ts';

export interface WindowState {
  /** Per arc slot (draw order), CSS px; 0 = not drawn. */
  widths: Float32Array;
  countryTotals: Uint32Array;
  /** Per country slot, 0–1 on the partner ramp; 0 = unshaded. */
  countryShades: Float32Array;
  institutionTotals: Uint32Array;
  institutionRadii: Float32Array;
  markerTotals: Uint32Array;
  markerRadii: Float32Array;
  groupTotals: Uint32Array;
}

export function emptyWindowState(model: MapModel, buffers: ArcBuffers): WindowState {
  return {
    widths: new Float32Array(buffers.pairOfArc.length),
    countryTotals: new Uint32Array(model.countries.length),
    countryShades: new Float32Array(model.countries.length),
    institutionTotals: new Uint32Array(model.institutions.length),
    institutionRadii: new Float32Array(model.institutions.length),
    markerTotals: new Uint32Array(model.markers.length),
    markerRadii: new Float32Array(model.markers.length),
    groupTotals: new Uint32Array(model.groups.length),
  };
}

/** Fills `out` for the window's per-pair `counts`. */
export function computeWindowState(model: MapModel, buffers: ArcBuffers, counts: ArrayLike<number>, out: WindowState): WindowState {
  const { pairOfArc } = buffers;
  for (let a = 0; a < pairOfArc.length; a++) out.widths[a] = arcWidth(counts[pairOfArc[a] as number] ?? 0, model.maxPairAllTime);
  totalsBySlot(model.pairCountry, counts, model.countries.length, out.countryTotals);
  totalsBySlot(model.pairInstitution, counts, model.institutions.length, out.institutionTotals);
  totalsBySlot(model.pairMarker, counts, model.markers.length, out.markerTotals);
  totalsBySlot(model.pairGroup, counts, model.groups.length, out.groupTotals);
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
