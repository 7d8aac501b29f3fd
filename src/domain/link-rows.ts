/**
 * The table view's rows: what each column shows for a link and how each column sorts. The
 * interface's words come in as functions, so this stays pure (tested in Node); the sort builds
 * numeric keys once per sort change and never formats a date or a number for it.
 */
import type { Link, Participants, Source } from './schema.ts';
import { linkSourceIds } from './evidence.ts';
import { dateKeyArrays, sortPositions, textRanks, type SortState } from './sort-order.ts';
import { LINK_STATUSES } from './filters.ts';

/** The table's columns, in order. */
export const LINK_COLUMNS = ['date', 'status', 'institution', 'partner', 'type', 'participants', 'evidence', 'sources'] as const;
/** One of the table's columns. */
export type LinkColumn = (typeof LINK_COLUMNS)[number];

/** The table's first order: oldest first. */
export const DEFAULT_LINK_SORT: SortState<LinkColumn> = { column: 'date', dir: 'ascending' };

/** Names for a link's ends and types, in the interface language. */
export interface LinkNames {
  institution: (link: Link) => string;
  partner: (link: Link) => string;
  /** The link's types as one label ("Training, Agreement / MoU"). */
  types: (link: Link) => string;
  /** The link's evidence strength as one number, weakest first (evidence-strength.ts strengthRank). */
  evidenceRank: (link: Link) => number;
}

/** Everything a table row shows, as text (formatting is the caller's, through `LinkWords`). */
export interface LinkRow {
  li: number;
  id: string;
  date: string;
  institution: string;
  partner: string;
  types: string;
  /** Empty when the source gives no figure. */
  participants: string;
  /** "Active · tie" (the cell), and the whole time sentence (its tooltip). */
  status: string;
  time: string;
  /** "Chinese side, partner side · 2 independent · stated" */
  evidence: string;
  /** Inferred, not stated by a source: the row is marked. */
  inferred: boolean;
  /** "2 sources" (the cell adds the first title, in its own language) */
  sources: string;
  /** The first source's title in the interface language, and the language it is in (for the lang attribute). */
  firstTitle: string;
  firstTitleLang: string | undefined;
}

/** The words a row needs, in the interface language. */
export interface LinkWords extends LinkNames {
  date: (link: Link) => string;
  /** The figure with its qualifier and unit ("more than 50 trainees"). */
  participants: (p: Participants) => string;
  /** Said after a figure that covers a whole event or programme ("shared across the event's links"). */
  shared: (scope: 'event' | 'programme') => string;
  /** "2 sources" */
  sources: (count: number) => string;
  /** The status and kind, short ("Active · tie"). */
  status: (link: Link) => string;
  /** The link's time in a sentence ("Tie · since 2019 · active, still running as of …"). */
  time: (link: Link) => string;
  /** The evidence, short. */
  evidence: (link: Link) => string;
}

/** A link's sources: how many documents it cites, and the first (most authoritative) one. */
export function linkSourceSummary(link: Link, sources: ReadonlyMap<string, Source>): { count: number; first: Source | undefined } {
  const ids = linkSourceIds(link);
  return { count: ids.length, first: sources.get(ids[0] ?? '') };
}

const STATUS_RANK = new Map(LINK_STATUSES.map((s, i) => [s, i]));

/** One row's cells. Called for the rows on screen only. */
export function buildLinkRow(li: number, link: Link, sources: ReadonlyMap<string, Source>, words: LinkWords, lang: 'en' | 'zh'): LinkRow {
  const { count, first } = linkSourceSummary(link, sources);
  const p = link.participants;
  const firstTitle = first?.title[lang] ?? '';
  return {
    li,
    id: link.id,
    date: words.date(link),
    institution: words.institution(link),
    partner: words.partner(link),
    types: words.types(link),
    participants: p ? `${words.participants(p)}${p.scope === 'link' ? '' : ` ${words.shared(p.scope)}`}` : '',
    status: words.status(link),
    time: words.time(link),
    evidence: words.evidence(link),
    inferred: link.inferred !== undefined,
    sources: words.sources(count),
    firstTitle,
    // A title left as printed (not translated) is in the document's language.
    firstTitleLang: first && first.title[lang] === first.title.original ? first.language : lang,
  };
}

/**
 * The rows (indexes into `links`) in the order of `sort`. Dates by their earliest then latest
 * possible day, unknown last; status in the order of a link's life (planned … ended), unknown last;
 * names by the collator; participants by the figure, none last; evidence by strength, weakest first;
 * sources by count. Ties keep the order of `rows`. O(n log n) over numbers.
 */
export function sortLinkRows(
  rows: readonly number[], links: readonly Link[], sort: SortState<LinkColumn>, names: LinkNames, collator: Intl.Collator,
): number[] {
  const at = (i: number) => links[rows[i] as number] as Link;
  const n = rows.length;
  const texts = (f: (link: Link) => string) => textRanks(Array.from({ length: n }, (_, i) => f(at(i))), collator);
  const numbers = (f: (link: Link) => number) => Float64Array.from({ length: n }, (_, i) => f(at(i)));
  let keys: Float64Array[];
  switch (sort.column) {
    case 'date': keys = dateKeyArrays(Array.from({ length: n }, (_, i) => at(i).date)); break;
    case 'institution': keys = [texts(names.institution)]; break;
    case 'partner': keys = [texts(names.partner)]; break;
    case 'type': keys = [texts(names.types)]; break;
    case 'status': keys = [numbers((l) => (l.status === 'unknown' ? Number.NaN : STATUS_RANK.get(l.status) ?? Number.NaN))]; break;
    case 'participants': keys = [numbers((l) => l.participants?.value ?? Number.NaN)]; break;
    case 'evidence': keys = [numbers(names.evidenceRank)]; break;
    case 'sources': keys = [numbers((l) => linkSourceIds(l).length)]; break;
  }
  const order = sortPositions(n, keys, sort.dir);
  return Array.from(order, (i) => rows[i] as number);
}
