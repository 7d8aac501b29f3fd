/**
 * Each link's options in every filter dimension, coded once per dataset, so that applying the
 * filters and counting what each option would leave are plain loops over typed arrays. A filter
 * change costs O(links × dimensions) once; a timeline step after it sums per-code counts only.
 */
import { CATEGORIES, CATEGORY_OF_TYPE } from './categories.ts';
import type { DatasetIndex } from './dataset-index.ts';
import { ALL_OF, chosen, FILTER_DIMENSIONS, LINK_STATUSES, withChosen, type FilterDimension, type Filters } from './filters.ts';
import { confirmation, EVIDENCE_OPTIONS, evidenceOptions } from './evidence-strength.ts';
import { linkSourceIds } from './evidence.ts';
import { LINK_TYPE_OPTIONS } from './schema-values.ts';
import type { Bilingual, Link } from './schema.ts';
import { perAlikeLinks } from './link-columns.ts';
import { tableFromDense, type EntityCounts } from './aggregate.ts';

/**
 * One dimension's codes: option keys, and per link either one code (`single`, -1 = none) or a
 * list (`offsets`/`values`, CSR layout) for dimensions where a link can have several options.
 */
export interface Facet {
  keys: string[];
  indexOf: Map<string, number>;
  single?: Int32Array;
  offsets?: Uint32Array;
  values?: Uint32Array;
  /** Every chosen option must hold (see ALL_OF in filters.ts), not any one of them. */
  allOf?: boolean;
}

export interface Facets {
  links: number;
  dims: Record<FilterDimension, Facet>;
  /** Bilingual names of programmes by id. */
  programmeNames: Map<string, Bilingual>;
  /** A programme's current id by each of its former ids (programmes.json `formerIds`). */
  formerProgrammeIds: Map<string, string>;
}

class KeyCoder {
  readonly keys: string[] = [];
  readonly indexOf = new Map<string, number>();
  constructor(fixed: readonly string[] = []) {
    for (const k of fixed) this.code(k);
  }
  code(k: string): number {
    let c = this.indexOf.get(k);
    if (c === undefined) {
      c = this.keys.length;
      this.indexOf.set(k, c);
      this.keys.push(k);
    }
    return c;
  }
}

/**
 * A dimension's options depend on a few fields of the link (`fields`): links read from their
 * compact form share those values by table, so each distinct combination is coded once
 * (link-columns.ts perAlikeLinks); other links are coded one by one. Codes are given in the
 * order options are first met either way.
 */
function singleFacet(links: readonly Link[], fields: readonly string[], coder: KeyCoder, keyOf: (li: number) => string | null): Facet {
  const n = links.length;
  const single = new Int32Array(n);
  const codeOf = perAlikeLinks(links, fields, (li) => {
    const k = keyOf(li);
    return k === null ? -1 : coder.code(k);
  });
  for (let li = 0; li < n; li++) single[li] = codeOf(li);
  return { keys: coder.keys, indexOf: coder.indexOf, single };
}

function multiFacet(links: readonly Link[], fields: readonly string[], coder: KeyCoder, keysOf: (li: number) => readonly string[]): Facet {
  const n = links.length;
  const offsets = new Uint32Array(n + 1);
  const values: number[] = [];
  const codesOf = perAlikeLinks(links, fields, (li) => Array.from(new Set(keysOf(li)), (k) => coder.code(k)));
  for (let li = 0; li < n; li++) {
    for (const c of codesOf(li)) values.push(c);
    offsets[li + 1] = values.length;
  }
  return { keys: coder.keys, indexOf: coder.indexOf, offsets, values: Uint32Array.from(values) };
}

/** Codes every link in every dimension. O(links). */
export function buildFacets(index: DatasetIndex): Facets {
  const links = index.dataset.links;
  const n = links.length;
  const programmeNames = new Map<string, Bilingual>(index.dataset.programmes.map((p) => [p.id, p.name]));
  // Each dimension names the link fields its options are read from (for perAlikeLinks).
  const dims: Record<FilterDimension, Facet> = {
    cat: multiFacet(links, ['types'], new KeyCoder(CATEGORIES), (li) => links[li]!.types.map((t) => CATEGORY_OF_TYPE[t])),
    type: multiFacet(links, ['types'], new KeyCoder(LINK_TYPE_OPTIONS), (li) => links[li]!.types),
    inst: multiFacet(links, ['institution', 'with'], new KeyCoder(), (li) => [links[li]!.institution, ...(links[li]!.with ?? [])]),
    country: singleFacet(links, ['partner'], new KeyCoder(), (li) => index.partnerOf(links[li]!).iso3 ?? null),
    partner: singleFacet(links, ['partner'], new KeyCoder(), (li) => {
      const p = index.partnerOf(links[li]!);
      return p.kind === 'country' ? null : p.key;
    }),
    prog: singleFacet(links, ['programme'], new KeyCoder(), (li) => links[li]!.programme ?? null),
    scope: singleFacet(links, ['partner'], new KeyCoder(['international', 'domestic']), (li) => (index.partnerOf(links[li]!).kind === 'domestic' ? 'domestic' : 'international')),
    online: singleFacet(links, ['mode'], new KeyCoder(['1', '0']), (li) => (links[li]!.mode === 'online' || links[li]!.mode === 'hybrid' ? '1' : '0')),
    status: singleFacet(links, ['status'], new KeyCoder(LINK_STATUSES), (li) => links[li]!.status),
    evidence: { ...multiFacet(links, ['evidence', 'partner', 'inferred'], new KeyCoder(EVIDENCE_OPTIONS), (li) => evidenceOptions(confirmation(index, links[li]!))), allOf: ALL_OF.has('evidence') },
    source: multiFacet(links, ['evidence'], new KeyCoder(), (li) => linkSourceIds(links[li]!)),
  };
  const formerProgrammeIds = new Map(index.dataset.programmes.flatMap((p) => (p.formerIds ?? []).map((old) => [old, p.id] as const)));
  return { links: n, dims, programmeNames, formerProgrammeIds };
}

/** The filters with every option the dataset does not know dropped (an old link, a typo, a hostile URL). */
export function knownFilters(f: Filters, facets: Facets): Filters {
  // A shared link from before a programme was renamed names it by a former id.
  const renamed = f.prog === null || facets.dims.prog.indexOf.has(f.prog) ? undefined : facets.formerProgrammeIds.get(f.prog);
  const asked = renamed ? { ...f, prog: renamed } : f;
  let out = asked;
  for (const d of FILTER_DIMENSIONS) {
    const cur = chosen(asked, d);
    const known = cur.filter((k) => facets.dims[d].indexOf.has(k));
    if (known.length !== cur.length) out = withChosen(out, d, known);
  }
  return out;
}

/** The chosen options of each active dimension as a lookup over its codes. */
interface ActiveSet {
  d: FilterDimension;
  facet: Facet;
  on: Uint8Array;
  /** How many chosen options a link must have: 1, or all of them in an all-of dimension. */
  need: number;
}

function activeSets(facets: Facets, f: Filters): ActiveSet[] {
  const out: ActiveSet[] = [];
  for (const d of FILTER_DIMENSIONS) {
    const keys = chosen(f, d);
    if (!keys.length) continue;
    const facet = facets.dims[d];
    const on = new Uint8Array(facet.keys.length);
    let known = 0;
    for (const k of keys) {
      const c = facet.indexOf.get(k);
      if (c !== undefined && !on[c]) { on[c] = 1; known++; }
    }
    out.push({ d, facet, on, need: facet.allOf ? known : 1 });
  }
  return out;
}

function matches({ facet, on, need }: ActiveSet, li: number): boolean {
  if (need === 0) return true;
  if (facet.single) {
    const c = facet.single[li] as number;
    return c >= 0 && on[c] === 1 && need === 1;
  }
  const offsets = facet.offsets as Uint32Array, values = facet.values as Uint32Array;
  let hits = 0;
  // A link's options are distinct (multiFacet dedupes), so counting hits counts chosen options held.
  for (let i = offsets[li] as number; i < (offsets[li + 1] as number); i++) if (on[values[i] as number] === 1 && ++hits >= need) return true;
  return false;
}

/** Which links the filters let through (1) or not (0); null when no filter is on. O(links). */
export function filterMask(facets: Facets, f: Filters): Uint8Array | null {
  const active = activeSets(facets, f);
  if (!active.length) return null;
  const mask = new Uint8Array(facets.links);
  for (let li = 0; li < facets.links; li++) {
    let ok = 1;
    for (const a of active) if (!matches(a, li)) { ok = 0; break; }
    mask[li] = ok;
  }
  return mask;
}

/**
 * For every option of every dimension, how many links choosing it would leave given the other
 * dimensions' filters (an option's own dimension is ignored, so alternatives stay visible; in an
 * all-of dimension, how many adding it to the chosen ones would leave), per
 * time code (aggregate.ts): any window's count is then a sum over the codes in use. O(links × dimensions).
 */
export function optionCounts(facets: Facets, f: Filters, time: { codeOfLink: Uint32Array; codes: Uint32Array }): Record<FilterDimension, EntityCounts> {
  const active = activeSets(facets, f);
  const K = time.codes.length;
  const counts = Object.fromEntries(FILTER_DIMENSIONS.map((d) => [d, new Uint32Array(facets.dims[d].keys.length * K)])) as Record<FilterDimension, Uint32Array>;
  // Runs up to links × dimensions times: no closure or array is made per call.
  const add = (d: FilterDimension, li: number, k: number) => {
    const facet = facets.dims[d], c = counts[d];
    const single = facet.single;
    if (single) {
      const code = single[li] as number;
      if (code >= 0) c[code * K + k]! += 1;
      return;
    }
    const offsets = facet.offsets as Uint32Array, values = facet.values as Uint32Array;
    for (let i = offsets[li] as number; i < (offsets[li + 1] as number); i++) c[(values[i] as number) * K + k]! += 1;
  };
  for (let li = 0; li < facets.links; li++) {
    const k = time.codeOfLink[li] as number;
    let failed: FilterDimension | null = null, fails = 0;
    for (const a of active) {
      if (!matches(a, li)) {
        failed = a.d;
        if (++fails > 1) break;
      }
    }
    if (fails === 0) for (const d of FILTER_DIMENSIONS) add(d, li, k);
    // Failing only an all-of dimension, a link lacks a chosen option: adding any other cannot let it through.
    else if (fails === 1 && failed && !facets.dims[failed].allOf) add(failed, li, k);
  }
  return Object.fromEntries(FILTER_DIMENSIONS.map((d) => {
    const facet = facets.dims[d];
    return [d, tableFromDense(facet.keys, facet.indexOf, time.codes, counts[d])];
  })) as Record<FilterDimension, EntityCounts>;
}
