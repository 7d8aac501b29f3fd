/**
 * Lookups over a validated dataset: resolve a link's institution and partner to names and
 * points, whatever kind the partner is (country, foreign institution, organisation, group,
 * or a place in China for domestic links).
 */
import { isCountryRef } from './schema-values.ts';
import type { Dataset, Institution, Link, LonLat, Partner, Programme, Source, Bilingual } from './schema.ts';
import { countryName } from './countries.ts';

export type PartnerKind = 'country' | 'institution' | 'organization' | 'group' | 'domestic';

/** A link's partner, resolved to what the map and the exports need. */
export interface ResolvedPartner {
  /** The key arcs aggregate on: the iso3 code for countries, the record id otherwise. */
  key: string;
  kind: PartnerKind;
  name: Bilingual;
  /** The partner's country code, when it has one (countries and foreign institutions). */
  iso3?: string;
  /** Where it is drawn; undefined when the source gives no place (organisations, worldwide groups). */
  point?: LonLat;
  /** How the point was chosen, for readers of the export. */
  pointBasis?: 'stated-or-known-site' | 'country-anchor' | 'schematic-region';
  /** For groups: how many countries the source counts. */
  count?: number;
}

export interface DatasetIndex {
  dataset: Dataset;
  institutions: Map<string, Institution>;
  partners: Map<string, Partner>;
  sources: Map<string, Source>;
  programmes: Map<string, Programme>;
  partnerOf(link: Link): ResolvedPartner;
  institutionOf(link: Link): Institution;
}

/** Builds the lookups once. `anchors` gives each country's drawing point (see country-anchors.ts). */
export function indexDataset(dataset: Dataset, anchors: ReadonlyMap<string, LonLat>): DatasetIndex {
  const institutions = new Map(dataset.institutions.map((i) => [i.id, i]));
  const partners = new Map(dataset.partners.map((p) => [p.id, p]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  const programmes = new Map(dataset.programmes.map((p) => [p.id, p]));
  const cache = new Map<string, ResolvedPartner>();

  const resolve = (ref: string): ResolvedPartner => {
    if (isCountryRef(ref)) {
      const point = anchors.get(ref);
      return {
        key: ref, kind: 'country', iso3: ref,
        name: { en: countryName(ref, 'en'), zh: countryName(ref, 'zh') },
        ...(point ? { point, pointBasis: 'country-anchor' as const } : {}),
      };
    }
    const domestic = institutions.get(ref);
    if (domestic) {
      return { key: ref, kind: 'domestic', name: domestic.name, point: domestic.coordinates, pointBasis: 'stated-or-known-site' };
    }
    const p = partners.get(ref);
    if (!p) throw new Error(`unknown partner "${ref}" (the dataset was not validated)`);
    switch (p.kind) {
      case 'institution': {
        const anchor = anchors.get(p.country);
        const point = p.coordinates ?? anchor;
        return {
          key: p.id, kind: 'institution', name: p.name, iso3: p.country,
          ...(point ? { point, pointBasis: p.coordinates ? 'stated-or-known-site' as const : 'country-anchor' as const } : {}),
        };
      }
      case 'organization':
        return { key: p.id, kind: 'organization', name: p.name, ...(p.coordinates ? { point: p.coordinates, pointBasis: 'stated-or-known-site' as const } : {}) };
      case 'group':
        return {
          key: p.id, kind: 'group', name: p.name,
          ...(p.anchor ? { point: p.anchor, pointBasis: 'schematic-region' as const } : {}),
          ...(p.count !== undefined ? { count: p.count } : {}),
        };
    }
  };

  return {
    dataset, institutions, partners, sources, programmes,
    partnerOf(link) {
      let r = cache.get(link.partner);
      if (!r) {
        r = resolve(link.partner);
        cache.set(link.partner, r);
      }
      return r;
    },
    institutionOf(link) {
      const i = institutions.get(link.institution);
      if (!i) throw new Error(`unknown institution "${link.institution}" (the dataset was not validated)`);
      return i;
    },
  };
}
