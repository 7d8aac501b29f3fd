/**
 * The sources view's rows: how many links cite each source (among the links shown, and in the
 * whole dataset), narrowing by language, kind and text, and the sort of each column. Pure:
 * tested in Node.
 */
import type { Link, Source } from './schema.ts';
import { dateKeyArrays, sortPositions, textRanks, type SortState } from './sort-order.ts';

/** The sortable columns, in order. */
export const SOURCE_COLUMNS = ['title', 'publisher', 'date', 'language', 'kind', 'inView', 'inAll'] as const;
/** One of the sources view's sortable columns. */
export type SourceColumn = (typeof SOURCE_COLUMNS)[number];

/** The first order: the sources most cited in the view first. */
export const DEFAULT_SOURCE_SORT: SortState<SourceColumn> = { column: 'inView', dir: 'descending' };

/** Original, news or copy (see schema.ts). */
export type SourceKind = Source['kind'];
/** The kinds, in the order the filter offers them. */
export const SOURCE_KINDS: readonly SourceKind[] = ['original', 'news', 'copy'];

/**
 * For each source (by position in `sources`), how many of the given links cite it; a link that
 * cites one document at two places counts once. `rows` are indexes into `links` (all when null).
 */
export function citationCounts(sources: readonly Source[], links: readonly Link[], rows: readonly number[] | null): Uint32Array {
  const at = new Map(sources.map((s, i) => [s.id, i]));
  const out = new Uint32Array(sources.length);
  const count = (link: Link | undefined) => {
    if (!link) return;
    const first = link.evidence[0];
    // Most links cite one source: skip the set for them.
    if (link.evidence.length === 1 && first) {
      const i = at.get(first.source);
      if (i !== undefined) out[i]! += 1;
      return;
    }
    for (const id of new Set(link.evidence.map((e) => e.source))) {
      const i = at.get(id);
      if (i !== undefined) out[i]! += 1;
    }
  };
  if (rows) for (const li of rows) count(links[li]);
  else for (const link of links) count(link);
  return out;
}

/** What the reader narrowed the list to: a language (BCP 47 tag), a kind, and words. */
export interface SourceNarrowing {
  language: string | null;
  kind: SourceKind | null;
  text: string;
}

/** Every source. */
export const NO_NARROWING: SourceNarrowing = { language: null, kind: null, text: '' };

/** Positions (in `sources`) of the sources that pass: the text is looked for in the titles, the publisher and the address. */
export function narrowSources(sources: readonly Source[], n: SourceNarrowing): number[] {
  const words = n.text.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  sources.forEach((s, i) => {
    if (n.language !== null && s.language !== n.language) return;
    if (n.kind !== null && s.kind !== n.kind) return;
    if (words.length) {
      const hay = [s.title.original, s.title.en, s.title.zh, s.publisher?.en, s.publisher?.zh, s.url, s.file]
        .filter(Boolean).join('\n').toLocaleLowerCase();
      if (!words.every((w) => hay.includes(w))) return;
    }
    out.push(i);
  });
  return out;
}

/** The languages the sources are in, each once, in first-seen order. */
export function sourceLanguages(sources: readonly Source[]): string[] {
  return [...new Set(sources.map((s) => s.language))];
}

/** Texts for the columns that sort by words, in the interface language. */
export interface SourceNames {
  publisher: (s: Source) => string;
  language: (s: Source) => string;
  kind: (s: Source) => string;
}

/**
 * `rows` (positions in `sources`) in the order of `sort`. Titles sort by the original title;
 * a source without a publisher, or with an unknown date, goes last; counts sort numerically.
 * Ties keep the order of `rows`.
 */
export function sortSources(
  rows: readonly number[], sources: readonly Source[], sort: SortState<SourceColumn>, names: SourceNames,
  counts: { inView: Uint32Array; inAll: Uint32Array }, collator: Intl.Collator,
): number[] {
  const at = (i: number) => sources[rows[i] as number] as Source;
  const n = rows.length;
  const texts = (f: (s: Source) => string) => textRanks(Array.from({ length: n }, (_, i) => f(at(i))), collator);
  const numbers = (a: Uint32Array) => Float64Array.from({ length: n }, (_, i) => a[rows[i] as number] as number);
  let keys: Float64Array[];
  switch (sort.column) {
    case 'title': keys = [texts((s) => s.title.original)]; break;
    case 'publisher': keys = [texts(names.publisher)]; break;
    case 'date': keys = dateKeyArrays(Array.from({ length: n }, (_, i) => at(i).published)); break;
    case 'language': keys = [texts(names.language)]; break;
    case 'kind': keys = [texts(names.kind)]; break;
    case 'inView': keys = [numbers(counts.inView)]; break;
    case 'inAll': keys = [numbers(counts.inAll)]; break;
  }
  return Array.from(sortPositions(n, keys, sort.dir), (i) => rows[i] as number);
}
