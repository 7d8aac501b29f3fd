/**
 * What the map draws with MapLibre's own layers, its institution layer and its labels for a time
 * window: partner-country shades, institution radii, which partner markers and group rings are
 * lit, and which of them only *possibly* hold links in the window. Each comes from the entity
 * tables' tracked tallies (window-tally.ts), so a year change costs O(keys of the institution, country
 * and partner tables + the entries whose presence it changes), never O(links); arcs are
 * counted apart (arc-data.ts). Allocation-free after emptyWindowState. Pure: tested in Node.
 *
 * Everything is sized and shaded by the links *certain* in the window (what the atlas states as
 * "links"). An entity with none, but with possible links (or undated or planned ones the window
 * includes), is still lit, with the *possible* look: a hatched country, a hollow faint marker, a
 * dotted group ring, a dashed hollow institution ring (layer-styles.ts, institution-layer.ts).
 */
import type { YearWindow } from '../domain/aggregate.ts';
import type { MapModel } from './map-model.ts';
import { countryShade, institutionRadius, MARKER_RADIUS } from './scales.ts';
import { emptyShownTallies, shownTallies, type ShownTallies } from './window-tally.ts';

/** The feature-state value of a country, marker or group lit only by possible (or included) links. */
export const POSSIBLE_LOOK = -1;

export interface WindowState {
  /** Per slot: links certain in the window. */
  countryTotals: Uint32Array;
  institutionTotals: Uint32Array;
  markerTotals: Uint32Array;
  groupTotals: Uint32Array;
  /** Per slot: the other links the window draws (possible; undated and planned when included). */
  countryOther: Uint32Array;
  institutionOther: Uint32Array;
  markerOther: Uint32Array;
  groupOther: Uint32Array;
  /** Per country slot, its `shade` feature state: 0–1 on the partner ramp by certain links; POSSIBLE_LOOK; 0 = unshaded. */
  countryShades: Float32Array;
  /** Per institution slot, its radius in CSS px (by certain links, or by the others when none is certain); 0 = not drawn. */
  institutionRadii: Float32Array;
  /** Per institution slot: 1 when drawn with the possible look. */
  institutionPossible: Uint8Array;
  /** Per marker slot, its radius when lit (for picking and label clearance); 0 = not drawn. */
  markerRadii: Float32Array;
  /** Per marker slot, its `r` feature state: MARKER_RADIUS, −MARKER_RADIUS for the possible look, 0 = not drawn. */
  markerLooks: Float32Array;
  /** Per group slot, its `active` feature state: 1, POSSIBLE_LOOK, or 0 = not drawn. */
  groupLooks: Float32Array;
  /** Per key of each entity table (reused at every step). */
  tallies: { institutions: ShownTallies; countries: ShownTallies; partners: ShownTallies };
}

export function emptyWindowState(model: MapModel): WindowState {
  const { institutions, countries, partners } = model.entities;
  return {
    countryTotals: new Uint32Array(model.countries.length),
    institutionTotals: new Uint32Array(model.institutions.length),
    markerTotals: new Uint32Array(model.markers.length),
    groupTotals: new Uint32Array(model.groups.length),
    countryOther: new Uint32Array(model.countries.length),
    institutionOther: new Uint32Array(model.institutions.length),
    markerOther: new Uint32Array(model.markers.length),
    groupOther: new Uint32Array(model.groups.length),
    countryShades: new Float32Array(model.countries.length),
    institutionRadii: new Float32Array(model.institutions.length),
    institutionPossible: new Uint8Array(model.institutions.length),
    markerRadii: new Float32Array(model.markers.length),
    markerLooks: new Float32Array(model.markers.length),
    groupLooks: new Float32Array(model.groups.length),
    tallies: {
      institutions: emptyShownTallies(institutions.keys.length),
      countries: emptyShownTallies(countries.keys.length),
      partners: emptyShownTallies(partners.keys.length),
    },
  };
}

/** Slot i is entity `entityOf[i]` of the tallies (-1: none, 0 links): its certain and other counts, into `certain` and `other`. */
export function slotTotals(t: ShownTallies, entityOf: Int32Array, certain: Uint32Array, other: Uint32Array): void {
  for (let i = 0; i < entityOf.length; i++) {
    const k = entityOf[i] as number;
    certain[i] = k >= 0 ? (t.certain[k] as number) : 0;
    other[i] = k >= 0 ? (t.other[k] as number) : 0;
  }
}

/** Fills `out` for the window. */
export function computeWindowState(model: MapModel, w: YearWindow, out: WindowState): WindowState {
  const { institutions, countries, partners } = model.entities;
  const t = out.tallies;
  slotTotals(shownTallies(countries, w, t.countries), model.countryEntity, out.countryTotals, out.countryOther);
  slotTotals(shownTallies(institutions, w, t.institutions), model.institutionEntity, out.institutionTotals, out.institutionOther);
  shownTallies(partners, w, t.partners);
  slotTotals(t.partners, model.markerEntity, out.markerTotals, out.markerOther);
  slotTotals(t.partners, model.groupEntity, out.groupTotals, out.groupOther);
  for (let i = 0; i < out.countryTotals.length; i++) {
    const c = out.countryTotals[i] as number;
    out.countryShades[i] = c > 0 ? countryShade(c, model.maxCountryAllTime) : (out.countryOther[i] as number) > 0 ? POSSIBLE_LOOK : 0;
  }
  for (let i = 0; i < out.institutionTotals.length; i++) {
    const c = out.institutionTotals[i] as number;
    out.institutionRadii[i] = institutionRadius(c > 0 ? c : (out.institutionOther[i] as number), model.maxInstitutionAllTime);
    out.institutionPossible[i] = c <= 0 && (out.institutionOther[i] as number) > 0 ? 1 : 0;
  }
  for (let i = 0; i < out.markerTotals.length; i++) {
    const certain = (out.markerTotals[i] as number) > 0, lit = certain || (out.markerOther[i] as number) > 0;
    out.markerRadii[i] = lit ? MARKER_RADIUS : 0;
    out.markerLooks[i] = certain ? MARKER_RADIUS : lit ? -MARKER_RADIUS : 0;
  }
  for (let i = 0; i < out.groupTotals.length; i++) {
    out.groupLooks[i] = (out.groupTotals[i] as number) > 0 ? 1 : (out.groupOther[i] as number) > 0 ? POSSIBLE_LOOK : 0;
  }
  return out;
}

/**
 * Whether `value` differs from what feature state holds for item i (`applied[i]`; NaN: never
 * set), recording it: the map then sets feature state only for changed items
 * (setFeatureState is the expensive part of a step). No allocation.
 */
export function takeChange(applied: Float32Array, i: number, value: number): boolean {
  if (applied[i] === value) return false;
  applied[i] = value;
  return true;
}
