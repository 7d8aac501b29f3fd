/**
 * Precomputed aggregates that make a year change cheap whatever the number of links:
 * links are grouped into one arc per (institution, partner) pair, and each pair keeps
 * cumulative per-year counts (prefix sums), so the count in any window of years is one
 * subtraction per pair. Built once per dataset.
 */
import type { DatasetIndex, PartnerKind, ResolvedPartner } from './dataset-index.ts';
import type { LinkType, LonLat } from './schema.ts';
import { LinkType as LinkTypeSchema } from './schema.ts';
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR, knownYear } from './dates.ts';

export const YEARS: readonly number[] = Array.from(
  { length: TIMELINE_LAST_YEAR - TIMELINE_FIRST_YEAR + 1 }, (_, i) => TIMELINE_FIRST_YEAR + i,
);
export const YEAR_COUNT = YEARS.length;
export const LINK_TYPES: readonly LinkType[] = LinkTypeSchema.options;

/** One arc: every link between one Chinese institution and one partner. */
export interface Pair {
  index: number;
  institution: string;
  partnerKey: string;
  partnerKind: PartnerKind;
  from: LonLat;
  /** Undefined when the partner has no place (organisation without a seat, worldwide group). */
  to?: LonLat;
  /** The partner's country (countries and foreign institutions); undefined otherwise. */
  iso3?: string;
  /** The commonest type across the pair's links (ties go to the earlier type in LINK_TYPES). */
  dominantType: LinkType;
  /** Indexes into dataset.links. */
  links: number[];
}

export interface Aggregates extends AggregateStructure {
  /** Links the active filters let through (1) or leave out (0); null: every link counts. */
  included: Uint8Array | null;
  /**
   * Cumulative counts: `cumulative[p * (YEAR_COUNT + 1) + k]` is the number of pair p's links
   * whose known year is among the first k timeline years. Index k = 0 is always 0.
   */
  cumulative: Uint32Array;
  /** Per pair: links without a single known year (undated, "by 2018", "2016–2018"). */
  undated: Uint32Array;
  /** Per year and type, links dated to that year: `histogram[y * LINK_TYPES.length + t]`, by first type. */
  histogram: Uint32Array;
  /** Per type, links without a known year (the "undated" column beside the axis). */
  undatedByType: Uint32Array;
  /** Links with a known year outside 2015–2025 (kept, counted, never drawn on the axis). */
  outsideTimeline: number;
  /** The same prefix sums summed over every pair of one institution, partner country or partner. */
  byInstitution: EntityCounts;
  byCountry: EntityCounts;
  byPartner: EntityCounts;
  /** All links together, as one entity. */
  total: EntityCounts;
}

/**
 * Cumulative per-year counts for a set of entities (institutions, countries …), laid out like
 * `Aggregates.cumulative`, so any entity's count in any window is one subtraction and a year
 * step costs O(entities), not O(pairs) or O(links).
 */
export interface EntityCounts {
  keys: string[];
  indexOf: Map<string, number>;
  cumulative: Uint32Array;
  undated: Uint32Array;
}

/** A window of timeline years, inclusive, plus whether undated links are included. */
export interface YearWindow {
  from: number;
  to: number;
  includeUndated: boolean;
}

/** Groups links into pairs and precomputes their counts over every link. O(links). */
export function aggregate(index: DatasetIndex): Aggregates {
  const links = index.dataset.links;
  const pairByKey = new Map<string, Pair>();
  const pairOfLink = new Uint32Array(links.length);
  const yearOfLink = new Int16Array(links.length);
  const typeIndex = new Map(LINK_TYPES.map((t, i) => [t, i]));
  const firstTypeOfLink = new Uint8Array(links.length);
  const typeCounts: Uint32Array[] = [];

  links.forEach((link, li) => {
    const partner = index.partnerOf(link);
    const key = `${link.institution}\u0000${partner.key}`;
    let pair = pairByKey.get(key);
    if (!pair) {
      pair = {
        index: pairByKey.size,
        institution: link.institution,
        partnerKey: partner.key,
        partnerKind: partner.kind,
        from: index.institutionOf(link).coordinates,
        ...(partner.point ? { to: partner.point } : {}),
        ...(partner.iso3 ? { iso3: partner.iso3 } : {}),
        dominantType: link.types[0] ?? 'agreement',
        links: [],
      };
      pairByKey.set(key, pair);
      typeCounts.push(new Uint32Array(LINK_TYPES.length));
    }
    pair.links.push(li);
    pairOfLink[li] = pair.index;
    const t = typeIndex.get(link.types[0] ?? 'agreement') ?? 0;
    firstTypeOfLink[li] = t;
    (typeCounts[pair.index] as Uint32Array)[t]! += 1;
    yearOfLink[li] = knownYear(link.date) ?? 0;
  });

  const pairs = [...pairByKey.values()];
  for (let p = 0; p < pairs.length; p++) {
    const counts = typeCounts[p] as Uint32Array;
    let best = 0;
    for (let t = 1; t < counts.length; t++) if ((counts[t] as number) > (counts[best] as number)) best = t;
    (pairs[p] as Pair).dominantType = LINK_TYPES[best] as LinkType;
  }
  const structure: AggregateStructure = {
    pairs, pairOfLink, yearOfLink, firstTypeOfLink,
    entityKeys: {
      byInstitution: entityKeys(pairs, ENTITY_KEY.byInstitution), byCountry: entityKeys(pairs, ENTITY_KEY.byCountry),
      byPartner: entityKeys(pairs, ENTITY_KEY.byPartner), total: entityKeys(pairs, ENTITY_KEY.total),
    },
  };
  return countLinks(structure, null);
}

type EntityName = 'byInstitution' | 'byCountry' | 'byPartner' | 'total';

/** The key each pair counts towards, per entity kind (undefined: none); one definition for the keys and the counts. */
const ENTITY_KEY: Record<EntityName, (p: Pair) => string | undefined> = {
  byInstitution: (p) => p.institution,
  byCountry: (p) => p.iso3,
  byPartner: (p) => p.partnerKey,
  total: () => 'all',
};

/** What does not change when a filter leaves some links out: the pairs and each link's pair, year and first type. */
export interface AggregateStructure {
  pairs: Pair[];
  pairOfLink: Uint32Array;
  yearOfLink: Int16Array;
  /** Index into LINK_TYPES of each link's first type (the histogram's colour). */
  firstTypeOfLink: Uint8Array;
  entityKeys: Record<EntityName, { keys: string[]; indexOf: Map<string, number> }>;
}

/**
 * The counts of the links that `included` lets through (every link when null), over the same
 * pairs and entity keys as `base`: a filter change costs O(links) once, and a year step after it
 * still costs O(entities). The map keeps its arcs and only re-uploads their counts.
 */
export function countLinks(base: AggregateStructure, included: Uint8Array | null): Aggregates {
  const { pairs, pairOfLink, yearOfLink, firstTypeOfLink } = base;
  const stride = YEAR_COUNT + 1;
  const T = LINK_TYPES.length;
  const cumulative = new Uint32Array(pairs.length * stride);
  const undated = new Uint32Array(pairs.length);
  const histogram = new Uint32Array(YEAR_COUNT * T);
  const undatedByType = new Uint32Array(T);
  let outsideTimeline = 0;
  for (let li = 0; li < pairOfLink.length; li++) {
    if (included && !included[li]) continue;
    const p = pairOfLink[li] as number;
    const y = yearOfLink[li] as number;
    const t = firstTypeOfLink[li] as number;
    if (y === 0) {
      undated[p]! += 1;
      undatedByType[t]! += 1;
    } else if (y < TIMELINE_FIRST_YEAR || y > TIMELINE_LAST_YEAR) outsideTimeline += 1;
    else {
      cumulative[p * stride + (y - TIMELINE_FIRST_YEAR) + 1]! += 1;
      histogram[(y - TIMELINE_FIRST_YEAR) * T + t]! += 1;
    }
  }
  for (let p = 0; p < pairs.length; p++) {
    for (let k = 1; k < stride; k++) cumulative[p * stride + k]! += cumulative[p * stride + k - 1] as number;
  }
  const sum = (which: EntityName) => sumEntities(pairs, cumulative, undated, base.entityKeys[which], ENTITY_KEY[which]);
  return {
    ...base, included, cumulative, undated, histogram, undatedByType, outsideTimeline,
    byInstitution: sum('byInstitution'),
    byCountry: sum('byCountry'),
    byPartner: sum('byPartner'),
    total: sum('total'),
  };
}

/** Entity keys in first-seen pair order (pairs whose key is undefined are left out). */
function entityKeys(pairs: Pair[], keyOf: (p: Pair) => string | undefined): { keys: string[]; indexOf: Map<string, number> } {
  const indexOf = new Map<string, number>();
  const keys: string[] = [];
  for (const p of pairs) {
    const k = keyOf(p);
    if (k !== undefined && !indexOf.has(k)) {
      indexOf.set(k, keys.length);
      keys.push(k);
    }
  }
  return { keys, indexOf };
}

/** Adds up pairs' prefix sums by a key, into the entities `keys` names. */
function sumEntities(pairs: Pair[], cumulative: Uint32Array, undated: Uint32Array, keys: { keys: string[]; indexOf: Map<string, number> }, keyOf: (p: Pair) => string | undefined): EntityCounts {
  const stride = YEAR_COUNT + 1;
  const cum = new Uint32Array(keys.keys.length * stride);
  const und = new Uint32Array(keys.keys.length);
  for (const p of pairs) {
    const k = keyOf(p);
    if (k === undefined) continue;
    const e = keys.indexOf.get(k) as number;
    for (let j = 0; j < stride; j++) cum[e * stride + j]! += cumulative[p.index * stride + j] as number;
    und[e]! += undated[p.index] as number;
  }
  return { keys: keys.keys, indexOf: keys.indexOf, cumulative: cum, undated: und };
}

/** Links of entity i (an index into `e.keys`, or -1 for an unknown key: 0) inside the window. */
export function entityCount(e: EntityCounts, i: number, w: YearWindow): number {
  return i < 0 || i >= e.keys.length ? 0 : windowed(e.cumulative, e.undated, i, w);
}

function windowed(cumulative: Uint32Array, undated: Uint32Array, i: number, w: YearWindow): number {
  const stride = YEAR_COUNT + 1;
  const lo = Math.max(0, Math.min(YEAR_COUNT, w.from - TIMELINE_FIRST_YEAR));
  const hi = Math.max(0, Math.min(YEAR_COUNT, w.to - TIMELINE_FIRST_YEAR + 1));
  const dated = hi > lo ? (cumulative[i * stride + hi] as number) - (cumulative[i * stride + lo] as number) : 0;
  return dated + (w.includeUndated ? (undated[i] as number) : 0);
}

/** Links of pair p inside the window: one subtraction, plus the undated ones when included. */
export function pairCount(a: Aggregates, p: number, w: YearWindow): number {
  return windowed(a.cumulative, a.undated, p, w);
}

/** Counts for every pair in the window, into `out` (reused between calls to avoid garbage). */
export function windowCounts(a: Aggregates, w: YearWindow, out = new Uint32Array(a.pairs.length)): Uint32Array {
  for (let p = 0; p < a.pairs.length; p++) out[p] = pairCount(a, p, w);
  return out;
}

/** What the live region and legends report for a window. */
export interface WindowSummary {
  links: number;
  countries: number;
  institutions: number;
}

/** Totals over a window from the entity prefix sums: O(countries + institutions), whatever the links. */
export function summarize(a: Aggregates, w: YearWindow): WindowSummary {
  const nonZero = (e: EntityCounts) => {
    let n = 0;
    for (let i = 0; i < e.keys.length; i++) if (entityCount(e, i, w) > 0) n++;
    return n;
  };
  return { links: a.total.keys.length ? entityCount(a.total, 0, w) : 0, countries: nonZero(a.byCountry), institutions: nonZero(a.byInstitution) };
}

/** Indexes of the links of a pair that fall inside the window, in dataset order. */
export function linksInWindow(a: Aggregates, pair: Pair, w: YearWindow): number[] {
  return pair.links.filter((li) => linkInWindow(a, li, w));
}

/** Whether link `li` (an index into dataset.links) passes the filters and falls inside the window. */
export function linkInWindow(a: Aggregates, li: number, w: YearWindow): boolean {
  if (a.included && !a.included[li]) return false;
  const y = a.yearOfLink[li] as number;
  return y === 0 ? w.includeUndated : y >= w.from && y <= w.to;
}

/** The partner an arc leads to (every link of a pair has the same one). */
export function partnerOfPair(index: DatasetIndex, pair: Pair): ResolvedPartner {
  const link = index.dataset.links[pair.links[0] ?? -1];
  if (!link) throw new Error('a pair without links');
  return index.partnerOf(link);
}
