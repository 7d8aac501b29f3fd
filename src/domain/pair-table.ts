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

/**
 * The same pairs, read from columns; `list[i].index` must be i. Each pair's institution and
 * partner are numbered as the aggregate's entity keys number them (`institutionOf`, `partnerOf`),
 * its commonest type as an index into LINK_TYPE_OPTIONS (`typeOf`).
 */
export function compactPairs(list: readonly Pair[], institutionOf: Int32Array, partnerOf: Int32Array, typeOf: Uint8Array): Pair[] {
  const institutions: { id: string; from: LonLat }[] = [], partners: PartnerValues[] = [];
  list.forEach((pair, p) => {
    if (pair.index !== p) throw new Error(`pair ${p} is numbered ${pair.index}`);
    institutions[institutionOf[p] as number] ??= { id: pair.institution, from: pair.from };
    partners[partnerOf[p] as number] ??= { key: pair.partnerKey, kind: pair.partnerKind, ...(pair.to ? { to: pair.to } : {}), ...(pair.iso3 ? { iso3: pair.iso3 } : {}) };
  });
  return lazyArray(list.length, (p): Pair => {
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
