/**
 * Precomputed aggregates that make a year change cheap whatever the number of links. Links are
 * grouped into one arc per (institution, partner) pair, and every count — per pair, institution,
 * country, partner, all links — is kept as counts per *time code* (time-codes.ts): a window then
 * decides once per code whether it is certain, possible, undated, planned or outside, and a step
 * sums per-code counts, O(keys × codes in use), never O(links). Built once per dataset; a filter
 * change recounts the same tables under a mask, O(links) once.
 */
import type { DatasetIndex, PartnerKind, ResolvedPartner } from './dataset-index.ts';
import type { LinkType, LonLat } from './schema.ts';
import { LINK_TYPE_OPTIONS } from './schema-values.ts';
import { CERTAIN, OUTSIDE, PLANNED, POSSIBLE, UNDATED, presenceFor, timeCode, type YearsWindow } from './time-codes.ts';
import { tallyAll, windowTallies } from './window-tallies.ts';
import { perAlikeLinks } from './link-columns.ts';
import { compactPairs } from './pair-table.ts';

/** The fields a link's time code depends on (time-codes.ts timeCode, link-time.ts linkSpan). */
const TIME_FIELDS = ['kind', 'date', 'end', 'ongoingAsOf', 'status'] as const;
// The fresh count and its arrays live beside the tracker that carries them from window to window.
export { emptyTallies, tallyAll, type Tallies } from './window-tallies.ts';

/** The timeline's years (live: the shown dataset's span, dates.ts setTimelineSpan). */
export { TIMELINE_YEARS as YEARS, TIMELINE_YEAR_COUNT as YEAR_COUNT } from './dates.ts';
import { TIMELINE_YEARS as YEARS, TIMELINE_YEAR_COUNT as YEAR_COUNT } from './dates.ts';
export const LINK_TYPES: readonly LinkType[] = LINK_TYPE_OPTIONS;

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
}

/**
 * A window of years, inclusive, and what joins it beyond the links its dates put there.
 * `from` is −Infinity for "up to" (a link by any of its years counts, however early).
 */
export interface YearWindow {
  from: number;
  to: number;
  /** Draw and list links with no date bound at all (they never join a year's count). */
  includeUndated: boolean;
  /** Draw and list planned links (counted apart, never as links). */
  includePlanned?: boolean;
}

/**
 * Counts per key (a pair, an institution, a filter option …) and time code, in CSR layout: key k's
 * codes are `code[offsets[k]..offsets[k+1])` with counts `count[…]` (indexes into `codes`).
 * Keys are numbered 0..size−1; pairs are named by that number alone (EntityCounts adds names).
 */
export interface CodeCounts {
  size: number;
  offsets: Uint32Array;
  code: Uint32Array;
  count: Uint32Array;
  /** The distinct time codes the `code` entries index. */
  codes: Uint32Array;
}

/** Code counts of named keys (an institution, a country, a filter option …): key k is `keys[k]`. */
export interface EntityCounts extends CodeCounts {
  keys: string[];
  indexOf: Map<string, number>;
}

/** Per key: links certain in the window, possible only, undated, planned (reaching the window). */
export interface Tally {
  certain: number;
  possible: number;
  undated: number;
  planned: number;
}

export interface Aggregates extends AggregateStructure {
  /** Links the active filters let through (1) or leave out (0); null: every link counts. */
  included: Uint8Array | null;
  /** Per pair (key p is pairs[p]). */
  byPair: CodeCounts;
  byInstitution: EntityCounts;
  byCountry: EntityCounts;
  byPartner: EntityCounts;
  /** All links together, as one key. */
  total: EntityCounts;
  /** Per time code and first type: `codeType[k * LINK_TYPES.length + t]` (the histogram's source). */
  codeType: Uint32Array;
}

type EntityName = 'byInstitution' | 'byCountry' | 'byPartner' | 'total';
const ENTITY_NAMES: readonly EntityName[] = ['byInstitution', 'byCountry', 'byPartner', 'total'];

/** The key each pair counts towards, per entity kind (undefined: none); one definition for the keys and the counts. */
const ENTITY_KEY: Record<EntityName, (p: Pair) => string | undefined> = {
  byInstitution: (p) => p.institution,
  byCountry: (p) => p.iso3,
  byPartner: (p) => p.partnerKey,
  total: () => 'all',
};

/** What does not change when a filter leaves some links out. */
export interface AggregateStructure {
  /** Made when read (pair-table.ts): no object per pair is kept; name a pair by its index. */
  pairs: Pair[];
  pairOfLink: Uint32Array;
  /**
   * Each pair's links, in CSR layout: pair p's are `pairLinks[pairLinkStart[p]..pairLinkStart[p+1])`,
   * in dataset order (pairLinks). Typed arrays rather than an array per pair: at a million links
   * the page would otherwise hold a million array slots that every collection traces.
   */
  pairLinkStart: Uint32Array;
  pairLinks: Uint32Array;
  /** Index into `codes` of each link's time code. */
  codeOfLink: Uint32Array;
  /** The distinct time codes of the dataset. */
  codes: Uint32Array;
  /** Index into LINK_TYPES of each link's first type (the histogram's colour). */
  firstTypeOfLink: Uint8Array;
  entityKeys: Record<EntityName, { keys: string[]; indexOf: Map<string, number>; ofPair: Int32Array }>;
}

/** Groups links into pairs and counts every link. O(links). */
export function aggregate(index: DatasetIndex): Aggregates {
  const links = index.dataset.links;
  const pairByKey = new Map<string, Pair>();
  const pairOfLink = new Uint32Array(links.length);
  const codeOfLink = new Uint32Array(links.length);
  const codeIndex = new Map<number, number>();
  const typeIndex = new Map(LINK_TYPES.map((t, i) => [t, i]));
  const firstTypeOfLink = new Uint8Array(links.length);
  const typeCounts: Uint32Array[] = [];
  // Links read from their compact form share these values by table: each distinct combination
  // of the fields a result depends on is worked out once (perAlikeLinks), not once per link.
  const pairOf = perAlikeLinks(links, ['institution', 'partner'], (li): Pair => {
    const link = links[li]!;
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
      };
      pairByKey.set(key, pair);
      typeCounts.push(new Uint32Array(LINK_TYPES.length));
    }
    return pair;
  });
  const typeOf = perAlikeLinks(links, ['types'], (li) => typeIndex.get(links[li]!.types[0] ?? 'agreement') ?? 0);
  const codeOf = perAlikeLinks(links, TIME_FIELDS, (li) => {
    const code = timeCode(links[li]!);
    let k = codeIndex.get(code);
    if (k === undefined) {
      k = codeIndex.size;
      codeIndex.set(code, k);
    }
    return k;
  });

  for (let li = 0; li < links.length; li++) {
    const pair = pairOf(li);
    pairOfLink[li] = pair.index;
    const t = typeOf(li);
    firstTypeOfLink[li] = t;
    (typeCounts[pair.index] as Uint32Array)[t]! += 1;
    codeOfLink[li] = codeOf(li);
  }

  const made = [...pairByKey.values()];
  const dominantTypeOf = new Uint8Array(made.length);
  for (let p = 0; p < made.length; p++) {
    const counts = typeCounts[p] as Uint32Array;
    let best = 0;
    for (let t = 1; t < counts.length; t++) if ((counts[t] as number) > (counts[best] as number)) best = t;
    (made[p] as Pair).dominantType = LINK_TYPES[best] as LinkType;
    dominantTypeOf[p] = best;
  }
  const { start: pairLinkStart, items: pairLinks } = groupByKey(pairOfLink, made.length);
  const keys = Object.fromEntries(ENTITY_NAMES.map((n) => [n, entityKeys(made, ENTITY_KEY[n])])) as AggregateStructure['entityKeys'];
  const structure: AggregateStructure = {
    // Kept as columns, the objects made here dropped (pair-table.ts).
    pairs: compactPairs(made, keys.byInstitution.ofPair, keys.byPartner.ofPair, dominantTypeOf),
    pairOfLink, pairLinkStart, pairLinks, codeOfLink, firstTypeOfLink,
    codes: Uint32Array.from(codeIndex.keys()),
    entityKeys: keys,
  };
  return countLinks(structure, null);
}

/**
 * Items 0..n−1 grouped by their key (a counting sort), each group in item order: key k's items
 * are `items[start[k]..start[k+1])`. Only items `taken` lets through (all when omitted).
 */
function groupByKey(keyOfItem: ArrayLike<number>, keys: number, taken: (i: number) => boolean = () => true): { start: Uint32Array; items: Uint32Array } {
  const start = new Uint32Array(keys + 1);
  for (let i = 0; i < keyOfItem.length; i++) if (taken(i)) start[(keyOfItem[i] as number) + 1]! += 1;
  for (let k = 0; k < keys; k++) start[k + 1]! += start[k] as number;
  const next = start.slice(0, keys);
  const items = new Uint32Array(start[keys] as number);
  for (let i = 0; i < keyOfItem.length; i++) if (taken(i)) items[next[keyOfItem[i] as number]!++] = i;
  return { start, items };
}

/** Pair p's links (indexes into dataset.links), in dataset order: a view, not a copy. */
export function linksOfPair(a: AggregateStructure, p: number): Uint32Array {
  return a.pairLinks.subarray(a.pairLinkStart[p], a.pairLinkStart[p + 1]);
}

/** Entity keys in first-seen pair order, and each pair's entity (-1: none). */
function entityKeys(pairs: readonly Pair[], keyOf: (p: Pair) => string | undefined): { keys: string[]; indexOf: Map<string, number>; ofPair: Int32Array } {
  const indexOf = new Map<string, number>();
  const keys: string[] = [];
  const ofPair = new Int32Array(pairs.length).fill(-1);
  for (const p of pairs) {
    const k = keyOf(p);
    if (k === undefined) continue;
    let e = indexOf.get(k);
    if (e === undefined) {
      e = keys.length;
      indexOf.set(k, e);
      keys.push(k);
    }
    ofPair[p.index] = e;
  }
  return { keys, indexOf, ofPair };
}

/**
 * Builds a code table of `n` keys from one code per item and the item's key (-1: none), skipping
 * items `included` leaves out. O(items + keys × codes used).
 */
export function codeTable(n: number, codes: Uint32Array, keyOfItem: ArrayLike<number>, codeOfItem: ArrayLike<number>, weight: ArrayLike<number> | null, included: Uint8Array | null): CodeCounts {
  const K = codes.length;
  const counted = (i: number): boolean => (!included || !!included[i]) && (keyOfItem[i] as number) >= 0 && (!weight || !!weight[i]);
  // Dense per key while counting when that is small.
  if (n * K <= 4_000_000) {
    const dense = new Uint32Array(n * K);
    for (let i = 0; i < keyOfItem.length; i++) {
      if (!counted(i)) continue;
      dense[(keyOfItem[i] as number) * K + (codeOfItem[i] as number)]! += weight ? (weight[i] as number) : 1;
    }
    return denseTable(n, codes, dense);
  }
  // Otherwise the items are grouped by key (a counting sort), and each key's codes summed in one
  // scratch row of K that is cleared behind it: O(items + keys + K), no map of key × code.
  const { start, items: order } = groupByKey(keyOfItem, n, counted);
  const scratch = new Uint32Array(K);
  const touched = new Uint32Array(K);
  const code = new Uint32Array(order.length), count = new Uint32Array(order.length);
  const offsets = new Uint32Array(n + 1);
  let j = 0;
  for (let key = 0; key < n; key++) {
    offsets[key] = j;
    let t = 0;
    for (let o = start[key] as number; o < (start[key + 1] as number); o++) {
      const i = order[o] as number;
      const c = codeOfItem[i] as number;
      if (!scratch[c]) touched[t++] = c;
      scratch[c]! += weight ? (weight[i] as number) : 1;
    }
    // Codes in ascending order within a key, as the dense layout gives them.
    const used = touched.subarray(0, t).sort();
    for (const c of used) {
      code[j] = c;
      count[j] = scratch[c] as number;
      scratch[c] = 0;
      j++;
    }
  }
  offsets[n] = j;
  return { size: n, offsets, code: code.slice(0, j), count: count.slice(0, j), codes };
}

/** A code table of named keys from dense counts `dense[key * codes.length + k]`. */
export function tableFromDense(keys: string[], indexOf: Map<string, number>, codes: Uint32Array, dense: Uint32Array): EntityCounts {
  return { ...denseTable(keys.length, codes, dense), keys, indexOf };
}

function denseTable(n: number, codes: Uint32Array, dense: Uint32Array): CodeCounts {
  const K = codes.length;
  let used = 0;
  for (let s = 0; s < dense.length; s++) if (dense[s]) used++;
  const offsets = new Uint32Array(n + 1), code = new Uint32Array(used), count = new Uint32Array(used);
  let j = 0;
  for (let key = 0; key < n; key++) {
    offsets[key] = j;
    for (let k = 0; k < K; k++) {
      const c = dense[key * K + k] as number;
      if (c) { code[j] = k; count[j] = c; j++; }
    }
  }
  offsets[n] = j;
  return { size: n, offsets, code, count, codes };
}

/**
 * The counts of the links that `included` lets through (every link when null), over the same
 * pairs and entity keys as `base`.
 */
export function countLinks(base: AggregateStructure, included: Uint8Array | null): Aggregates {
  const { pairs, pairOfLink, codeOfLink, codes, firstTypeOfLink } = base;
  const byPair = codeTable(pairs.length, codes, pairOfLink, codeOfLink, null, included);
  // Entities from the pair table: one item per (pair, code) entry, weighted by its count.
  const itemPair = new Uint32Array(byPair.code.length);
  for (let p = 0; p < pairs.length; p++) itemPair.fill(p, byPair.offsets[p], byPair.offsets[p + 1]);
  const entity = (n: EntityName): EntityCounts => {
    const { keys, indexOf, ofPair } = base.entityKeys[n];
    const keyOfItem = new Int32Array(itemPair.length);
    for (let i = 0; i < itemPair.length; i++) keyOfItem[i] = ofPair[itemPair[i] as number] as number;
    return { ...codeTable(keys.length, codes, keyOfItem, byPair.code, byPair.count, null), keys, indexOf };
  };
  const T = LINK_TYPES.length;
  const codeType = new Uint32Array(codes.length * T);
  for (let li = 0; li < codeOfLink.length; li++) {
    if (included && !included[li]) continue;
    codeType[(codeOfLink[li] as number) * T + (firstTypeOfLink[li] as number)]! += 1;
  }
  return {
    ...base, included, byPair, codeType,
    byInstitution: entity('byInstitution'), byCountry: entity('byCountry'), byPartner: entity('byPartner'), total: entity('total'),
  };
}

// ---------------------------------------------------------------- windows

export { presenceFor };

/** Key i's tally in the window (i = -1 or out of range: all zero). O(codes of the key). */
export function entityTally(e: CodeCounts, i: number, w: YearsWindow): Tally {
  const t: Tally = { certain: 0, possible: 0, undated: 0, planned: 0 };
  if (i < 0 || i >= e.size) return t;
  const pres = presenceFor(e.codes, w);
  for (let j = e.offsets[i] as number; j < (e.offsets[i + 1] as number); j++) {
    const n = e.count[j] as number;
    switch (pres[e.code[j] as number]) {
      case CERTAIN: t.certain += n; break;
      case POSSIBLE: t.possible += n; break;
      case UNDATED: t.undated += n; break;
      case PLANNED: t.planned += n; break;
    }
  }
  return t;
}

/** Links of key i certainly in the window: the number the atlas states as "links". */
export function entityCount(e: CodeCounts, i: number, w: YearsWindow): number {
  return entityTally(e, i, w).certain;
}

/** Everything the window draws for a tally: certain and possible links, plus undated and planned ones when included. */
export function shownCount(t: Tally, w: YearWindow): number {
  return t.certain + t.possible + (w.includeUndated ? t.undated : 0) + (w.includePlanned ? t.planned : 0);
}


/** Pair p's tally in the window. */
export function pairTally(a: Aggregates, p: number, w: YearsWindow): Tally {
  return entityTally(a.byPair, p, w);
}

/** Links of pair p drawn in the window (certain, possible, and included undated/planned ones). */
export function pairCount(a: Aggregates, p: number, w: YearWindow): number {
  return shownCount(pairTally(a, p, w), w);
}

/** Drawn counts for every pair in the window, into `out`. */
export function windowCounts(a: Aggregates, w: YearWindow, out = new Uint32Array(a.pairs.length)): Uint32Array {
  const t = tallyAll(a.byPair, w);
  for (let p = 0, n = a.pairs.length; p < n; p++) {
    out[p] = (t.certain[p] as number) + (t.possible[p] as number) + (w.includeUndated ? t.undated[p] as number : 0) + (w.includePlanned ? t.planned[p] as number : 0);
  }
  return out;
}

/** What the count sentence, live region and legends report for a window. */
export interface WindowSummary {
  /** Links certainly in the window. */
  links: number;
  /** Links possibly in it (their dates allow it, do not require it). */
  possible: number;
  /** Links with no date bound at all (never in a year's count). */
  undated: number;
  /** Planned links reaching the window (never counted as links). */
  planned: number;
  /** Countries and institutions with at least one link certainly in the window. */
  countries: number;
  institutions: number;
}

/** Totals over a window: O(countries + institutions + the entries a step changes), whatever the links (window-tallies.ts). */
export function summarize(a: Aggregates, w: YearsWindow): WindowSummary {
  const withCertain = (e: CodeCounts) => {
    const t = windowTallies(e, w);
    let n = 0;
    for (let i = 0; i < e.size; i++) if ((t.certain[i] as number) > 0) n++;
    return n;
  };
  const all = entityTally(a.total, 0, w);
  return {
    links: all.certain, possible: all.possible, undated: all.undated, planned: all.planned,
    countries: withCertain(a.byCountry), institutions: withCertain(a.byInstitution),
  };
}

export type LinkPresence = 'certain' | 'possible' | 'undated' | 'planned' | 'outside';
const PRESENCE_NAME: readonly LinkPresence[] = ['outside', 'certain', 'possible', 'undated', 'planned'];

/** Where link `li` stands in the window, ignoring filters and the include toggles. */
export function linkPresence(a: Aggregates, li: number, w: YearsWindow): LinkPresence {
  return PRESENCE_NAME[presenceFor(a.codes, w)[a.codeOfLink[li] as number] as number] ?? 'outside';
}

/** Whether link `li` passes the filters and is drawn in the window (certain, possible, or an included undated or planned link). */
export function linkInWindow(a: Aggregates, li: number, w: YearWindow): boolean {
  if (a.included && !a.included[li]) return false;
  const p = presenceFor(a.codes, w)[a.codeOfLink[li] as number];
  return p === CERTAIN || p === POSSIBLE || (p === UNDATED && w.includeUndated) || (p === PLANNED && !!w.includePlanned);
}

/** Indexes of the links of a pair drawn in the window, in dataset order. */
export function linksInWindow(a: Aggregates, pair: Pair, w: YearWindow): number[] {
  return Array.from(linksOfPair(a, pair.index)).filter((li) => linkInWindow(a, li, w));
}

export { OUTSIDE };

/** The partner an arc leads to (every link of a pair has the same one). */
export function partnerOfPair(index: DatasetIndex, a: AggregateStructure, pair: Pair): ResolvedPartner {
  const link = index.dataset.links[linksOfPair(a, pair.index)[0] ?? -1];
  if (!link) throw new Error('a pair without links');
  return index.partnerOf(link);
}

/**
 * The timeline's bars: for each year, what "in that year" counts — events certainly in it and ties
 * certainly active in it, by first type, and the links only possibly in it — plus the undated links
 * by type. Planned links are in no bar. O(codes × years × types), once per filter change.
 */
export interface YearHistogram {
  /** `certain[y * LINK_TYPES.length + t]`, y indexing YEARS. */
  certain: Uint32Array;
  /** Per year, links possibly in it (any type). */
  possible: Uint32Array;
  undatedByType: Uint32Array;
}

export function yearHistogram(a: Pick<Aggregates, 'codes' | 'codeType'>): YearHistogram {
  const T = LINK_TYPES.length;
  const K = a.codes.length;
  const certain = new Uint32Array(YEAR_COUNT * T);
  const possible = new Uint32Array(YEAR_COUNT);
  const undatedByType = new Uint32Array(T);
  YEARS.forEach((year, y) => {
    const pres = presenceFor(a.codes, { from: year, to: year });
    for (let k = 0; k < K; k++) {
      const p = pres[k];
      if (p !== CERTAIN && p !== POSSIBLE && !(p === UNDATED && y === 0)) continue;
      for (let t = 0; t < T; t++) {
        const n = a.codeType[k * T + t] as number;
        if (!n) continue;
        if (p === CERTAIN) certain[y * T + t]! += n;
        else if (p === POSSIBLE) possible[y]! += n;
        else undatedByType[t]! += n;
      }
    }
  });
  return { certain, possible, undatedByType };
}

/** The positions of every link drawn in the window (certain or possible, and undated or planned ones when included). O(links). */
export function linksInView(a: Aggregates, w: YearWindow): number[] {
  const out: number[] = [];
  for (let li = 0; li < a.codeOfLink.length; li++) if (linkInWindow(a, li, w)) out.push(li);
  return out;
}
