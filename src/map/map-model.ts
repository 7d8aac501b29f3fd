/**
 * Static lookups the map needs, built once per dataset: the partner countries it shades, the
 * Chinese institution circles, partner markers and group rings it draws, and for each one its
 * key in the aggregates' per-entity code tables, so a year change reads each entity's tally
 * (window-state.ts) and never goes over the pairs for them. Per pair, the slot each arc counts
 * towards (for labels and selection).
 */
import type { Aggregates, EntityCounts, Pair } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Bilingual, LonLat } from '../domain/schema.ts';
import { keyTotal } from './window-tally.ts';

/** Shapes drawn as China: never shaded as partners (the dataset rejects them as partners anyway). */
export const CHINESE_TERRITORY: ReadonlySet<string> = new Set(['CHN', 'HKG', 'MAC', 'TWN']);

/** A thing drawn at one place: a Chinese institution, a partner marker or a group ring. */
export interface PointSlot {
  key: string;
  point: LonLat;
  name: Bilingual;
}

export interface MarkerSlot extends PointSlot {
  kind: 'institution' | 'organization' | 'domestic';
}

export interface CountrySlot {
  iso3: string;
  /** Feature id of the country's shapes in the basemap source; undefined when Natural Earth has no shape. */
  fid: number | undefined;
  /** Where its name is written: its anchor, when the dataset links to the country itself. */
  labelAt: LonLat | undefined;
}

export interface MapModel {
  pairs: readonly Pair[];
  countries: CountrySlot[];
  institutions: PointSlot[];
  markers: MarkerSlot[];
  groups: PointSlot[];
  /** Per pair: the slot in each list it counts towards, or -1. */
  pairCountry: Int32Array;
  pairInstitution: Int32Array;
  pairMarker: Int32Array;
  pairGroup: Int32Array;
  /** Per slot: its index in `entities` (institutions → byInstitution, countries → byCountry, markers and groups → byPartner), or -1. */
  institutionEntity: Int32Array;
  countryEntity: Int32Array;
  markerEntity: Int32Array;
  groupEntity: Int32Array;
  entities: { institutions: EntityCounts; countries: EntityCounts; partners: EntityCounts };
  /** Per pair: all its links, whatever their dates (undated and planned ones too); the scales' reference. */
  pairAllTime: Uint32Array;
  maxPairAllTime: number;
  maxCountryAllTime: number;
  maxInstitutionAllTime: number;
}

/** Links per slot for per-pair counts, into `out`: O(pairs), for the all-time maxima once per dataset (a year step uses window-state.ts). */
export function totalsBySlot(slotOfPair: Int32Array, counts: ArrayLike<number>, slots: number, out: Uint32Array = new Uint32Array(slots)): Uint32Array {
  out.fill(0);
  for (let p = 0; p < slotOfPair.length; p++) {
    const s = slotOfPair[p] as number;
    if (s >= 0) out[s]! += counts[p] ?? 0;
  }
  return out;
}

const maxOf = (xs: Uint32Array): number => xs.reduce((m, x) => Math.max(m, x), 0);

/**
 * Builds the slots. `fidOf` gives a country's basemap feature id; `anchorOf` a label point for
 * countries reached only through their institutions (the dataset then holds no anchor for them).
 */
export function buildMapModel(
  index: DatasetIndex,
  aggregates: Aggregates,
  fidOf: ReadonlyMap<string, number>,
  anchorOf: (iso3: string) => LonLat | undefined,
): MapModel {
  const pairs = aggregates.pairs;
  const n = pairs.length;
  const pairCountry = new Int32Array(n).fill(-1);
  const pairInstitution = new Int32Array(n).fill(-1);
  const pairMarker = new Int32Array(n).fill(-1);
  const pairGroup = new Int32Array(n).fill(-1);
  const countries: CountrySlot[] = [];
  const institutions: PointSlot[] = [];
  const markers: MarkerSlot[] = [];
  const groups: PointSlot[] = [];
  const slotOf = new Map<string, number>();
  const slot = <T>(list: T[], prefix: string, key: string, make: () => T | undefined): number => {
    const k = `${prefix}:${key}`;
    let s = slotOf.get(k);
    if (s === undefined) {
      const item = make();
      if (item === undefined) return -1;
      s = list.push(item) - 1;
      slotOf.set(k, s);
    }
    return s;
  };

  for (const pair of pairs) {
    const p = pair.index;
    pairInstitution[p] = slot(institutions, 'i', pair.institution, () => {
      const inst = index.institutions.get(pair.institution);
      return inst && { key: inst.id, point: inst.coordinates, name: inst.name };
    });
    const partner = index.partners.get(pair.partnerKey);
    const iso3 = pair.partnerKind === 'country' ? pair.partnerKey
      : partner?.kind === 'institution' ? partner.country : undefined;
    if (iso3 && !CHINESE_TERRITORY.has(iso3)) {
      const s = slot(countries, 'c', iso3, () => ({ iso3, fid: fidOf.get(iso3), labelAt: undefined }));
      pairCountry[p] = s;
      const c = countries[s];
      if (c && !c.labelAt) c.labelAt = pair.partnerKind === 'country' && pair.to ? pair.to : undefined;
    }
    if (!pair.to) continue;
    const to = pair.to;
    if (pair.partnerKind === 'group' && partner) {
      pairGroup[p] = slot(groups, 'g', pair.partnerKey, () => ({ key: partner.id, point: to, name: partner.name }));
    } else if ((pair.partnerKind === 'institution' || pair.partnerKind === 'organization') && partner) {
      const kind = pair.partnerKind;
      pairMarker[p] = slot(markers, 'm', pair.partnerKey, () => ({ key: partner.id, point: to, name: partner.name, kind }));
    } else if (pair.partnerKind === 'domestic') {
      const place = index.institutions.get(pair.partnerKey);
      pairMarker[p] = slot(markers, 'm', pair.partnerKey, () => place && { key: place.id, point: to, name: place.name, kind: 'domestic' as const });
    }
  }
  for (const c of countries) c.labelAt ??= anchorOf(c.iso3);
  const entityOf = (e: EntityCounts, keys: readonly string[]) => Int32Array.from(keys, (k) => e.indexOf.get(k) ?? -1);

  // The pair table's keys are the pairs' indexes, in order.
  const pairAllTime = Uint32Array.from(pairs, (p) => keyTotal(aggregates.byPair, p.index));
  return {
    pairs, countries, institutions, markers, groups, pairCountry, pairInstitution, pairMarker, pairGroup, pairAllTime,
    institutionEntity: entityOf(aggregates.byInstitution, institutions.map((x) => x.key)),
    countryEntity: entityOf(aggregates.byCountry, countries.map((c) => c.iso3)),
    markerEntity: entityOf(aggregates.byPartner, markers.map((x) => x.key)),
    groupEntity: entityOf(aggregates.byPartner, groups.map((x) => x.key)),
    entities: { institutions: aggregates.byInstitution, countries: aggregates.byCountry, partners: aggregates.byPartner },
    maxPairAllTime: maxOf(pairAllTime),
    maxCountryAllTime: maxOf(totalsBySlot(pairCountry, pairAllTime, countries.length)),
    maxInstitutionAllTime: maxOf(totalsBySlot(pairInstitution, pairAllTime, institutions.length)),
  };
}
