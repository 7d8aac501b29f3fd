/** Props the lazily loaded views (table, sources) take from the atlas screen. */
import type { Aggregates } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';

export interface LinksViewProps {
  index: DatasetIndex;
  /** The filtered counts (Aggregates with `included`); `pairOfLink` gives each link's arc. */
  counts: Aggregates;
  /** Indexes into index.dataset.links of the links shown: the filters and the time window applied, dataset order. */
  links: readonly number[];
  lang: Lang;
  /** What the rows are, in words ("Training · Kazakhstan · 2015–2023: 7 links"): the table's caption. */
  caption: string;
  /** Opens a link's panel (and highlights its arc on the map). */
  onOpenLink: (li: number) => void;
  /** The arc whose panel is open (an index into counts.pairs), if any: its links' rows are marked. */
  selectedPair?: number | null;
}

export interface SourcesViewProps extends LinksViewProps {
  /** The source whose links are the active filter, if any. */
  activeSource: string | null;
  /** Filters the atlas to the links a source supports (null clears it). */
  onFilterSource: (id: string | null) => void;
}
