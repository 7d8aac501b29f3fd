/**
 * The pairs (institution → partner) of a dataset as columns: per pair, the index of its
 * institution, of its partner and of its dominant type; per institution and per partner, their
 * values once. The array handed out makes each Pair when read (lazy-array.ts). At a million
 * synthetic links there are some 40,000 pairs: kept as objects, they were the largest thing the
 * page held beyond what it holds for a thousand links, and every idle collection traced them.
 */
import type { Pair } from './aggregate.ts';
import type { LinkType, LonLat } from './schema.ts';
import type { PartnerKind } from './dataset-index.ts';
import { LINK_TYPE_OPTIONS } from './schema-values.ts';
import { lazyArray } from './lazy-array.ts';

interface PartnerValues { key: string; kind: PartnerKind; to?: LonLat; iso3?: string }

/** The same pairs, read from columns; `list[i].index` must be i. */
export function compactPairs(list: readonly Pair[]): Pair[] {
  const n = list.length;
  const institutionOf = new Uint32Array(n), partnerOf = new Uint32Array(n), typeOf = new Uint8Array(n);
  const institutions: { id: string; from: LonLat }[] = [], partners: PartnerValues[] = [];
  const institutionIndex = new Map<string, number>(), partnerIndex = new Map<string, number>();
  const typeIndex = new Map<LinkType, number>(LINK_TYPE_OPTIONS.map((t, i) => [t, i]));
  for (let p = 0; p < n; p++) {
    const pair = list[p] as Pair;
    if (pair.index !== p) throw new Error(`pair ${p} is numbered ${pair.index}`);
    let i = institutionIndex.get(pair.institution);
    if (i === undefined) {
      i = institutions.length;
      institutionIndex.set(pair.institution, i);
      institutions.push({ id: pair.institution, from: pair.from });
    }
    let k = partnerIndex.get(pair.partnerKey);
    if (k === undefined) {
      k = partners.length;
      partnerIndex.set(pair.partnerKey, k);
      partners.push({ key: pair.partnerKey, kind: pair.partnerKind, ...(pair.to ? { to: pair.to } : {}), ...(pair.iso3 ? { iso3: pair.iso3 } : {}) });
    }
    institutionOf[p] = i;
    partnerOf[p] = k;
    typeOf[p] = typeIndex.get(pair.dominantType) ?? 0;
  }
  return lazyArray(n, (p): Pair => {
    const inst = institutions[institutionOf[p] as number]!;
    const partner = partners[partnerOf[p] as number]!;
    return {
      index: p,
      institution: inst.id,
      partnerKey: partner.key,
      partnerKind: partner.kind,
      from: inst.from,
      ...(partner.to ? { to: partner.to } : {}),
      ...(partner.iso3 ? { iso3: partner.iso3 } : {}),
      dominantType: LINK_TYPE_OPTIONS[typeOf[p] as number] as LinkType,
    };
  });
}
