/**
 * The explore filters as one plain value, and the rules for what a link matches. Within one
 * dimension the chosen options are alternatives (Training OR TCM), except in the evidence
 * dimension, whose criteria add up (ALL_OF); across dimensions they all apply (Training AND
 * Kazakhstan). Pure: tested in Node. Per-link codes and counting are in
 * facets.ts; the URL form is in src/url/view-state.ts.
 */
import { CATEGORIES, isCategory, type Category } from './categories.ts';
import { LINK_STATUS_OPTIONS, LINK_TYPE_OPTIONS } from './schema-values.ts';
import type { LinkStatus, LinkType } from './schema.ts';
import { EVIDENCE_OPTIONS, isEvidenceOption, type EvidenceOption } from './evidence-strength.ts';

export type Scope = 'international' | 'domestic';

export interface Filters {
  /** Cooperation categories (any of the link's types in one of them). */
  cat: readonly Category[];
  /** Link types (ids as in data/links.json). */
  type: readonly LinkType[];
  /** Chinese institutions: links an institution leads or is named as taking part in. */
  inst: readonly string[];
  /** Partner countries (ISO 3166-1 alpha-3): the partner country, or a partner institution's country. */
  country: readonly string[];
  /** Partner records: foreign institutions, organisations, groups of countries, domestic places. */
  partner: readonly string[];
  /** A programme id (see programmes.ts). */
  prog: string | null;
  scope: Scope | null;
  /** true: online or hybrid; false: not recorded as online (in person, or the source does not say). */
  online: boolean | null;
  /** A source document id: the links it supports. */
  source: string | null;
  /** What the sources say of the link's state (planned, agreed, active, completed, ended, unknown). */
  status: readonly LinkStatus[];
  /**
   * Evidence strength: `partner` (a partner-side source confirms it), `stated` (not inferred),
   * `multi` (two or more independent sources). Unlike other dimensions, every chosen option must hold.
   */
  evidence: readonly EvidenceOption[];
}

export const NO_FILTERS: Readonly<Filters> = {
  cat: [], type: [], inst: [], country: [], partner: [], prog: null, scope: null, online: null, source: null, status: [], evidence: [],
};

/** The filter dimensions, in the order the panel and the sentence show them. */
export const FILTER_DIMENSIONS = ['cat', 'type', 'inst', 'country', 'partner', 'prog', 'scope', 'online', 'status', 'evidence', 'source'] as const;
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** The options chosen in one dimension, as the string keys facets.ts codes links by. */
export function chosen(f: Filters, d: FilterDimension): readonly string[] {
  switch (d) {
    case 'prog': return f.prog === null ? [] : [f.prog];
    case 'source': return f.source === null ? [] : [f.source];
    case 'scope': return f.scope === null ? [] : [f.scope];
    case 'online': return f.online === null ? [] : [f.online ? '1' : '0'];
    default: return f[d];
  }
}

/** Whether any filter is on. */
export const isFiltered = (f: Filters): boolean => FILTER_DIMENSIONS.some((d) => chosen(f, d).length > 0);

/** Whether two filter values select the same links (order of options aside). */
export function sameFilters(a: Filters, b: Filters): boolean {
  return FILTER_DIMENSIONS.every((d) => {
    const x = chosen(a, d), y = chosen(b, d);
    return x.length === y.length && x.every((v) => y.includes(v));
  });
}

/** `f` with dimension `d` set to `values` (the first one for single-choice dimensions; none clears it). */
export function withChosen(f: Filters, d: FilterDimension, values: readonly string[]): Filters {
  const first = values[0] ?? null;
  switch (d) {
    case 'prog': return { ...f, prog: first };
    case 'source': return { ...f, source: first };
    case 'scope': return { ...f, scope: first === 'international' || first === 'domestic' ? first : null };
    case 'online': return { ...f, online: first === null ? null : first === '1' };
    case 'cat': return { ...f, cat: CATEGORIES.filter((c) => values.includes(c)) };
    case 'type': return { ...f, type: LINK_TYPE_IDS.filter((t) => values.includes(t)) };
    case 'status': return { ...f, status: LINK_STATUSES.filter((s) => values.includes(s)) };
    case 'evidence': return { ...f, evidence: EVIDENCE_OPTIONS.filter((o) => values.includes(o)) };
    default: return { ...f, [d]: unique(values) };
  }
}

/** Adds or removes one option of a dimension. */
export function toggleChosen(f: Filters, d: FilterDimension, value: string): Filters {
  const cur = chosen(f, d);
  return withChosen(f, d, cur.includes(value) ? cur.filter((v) => v !== value) : SINGLE_CHOICE.has(d) ? [value] : [...cur, value]);
}

/**
 * Dimensions whose chosen options must all hold (a link confirmed by the partner side *and* with two
 * independent sources), where elsewhere any one of them does: evidence options are criteria a reader
 * adds up, not alternatives.
 */
export const ALL_OF: ReadonlySet<FilterDimension> = new Set(['evidence']);

/** Dimensions where one option at most is chosen. */
export const SINGLE_CHOICE: ReadonlySet<FilterDimension> = new Set(['prog', 'scope', 'online', 'source']);

const LINK_TYPE_IDS: readonly LinkType[] = LINK_TYPE_OPTIONS;
export const isLinkType = (s: string): s is LinkType => (LINK_TYPE_IDS as readonly string[]).includes(s);
/** The statuses in the schema's order, which is a link's life: planned, agreed, active, completed, ended, unknown. */
export const LINK_STATUSES: readonly LinkStatus[] = LINK_STATUS_OPTIONS;
export const isLinkStatus = (s: string): s is LinkStatus => (LINK_STATUSES as readonly string[]).includes(s);
export { isCategory, isEvidenceOption };

const unique = (xs: readonly string[]): string[] => [...new Set(xs)];
