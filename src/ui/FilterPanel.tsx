/**
 * The filter panel: one group per dimension, each option with the number of links it would
 * leave in the current time window given the other filters. Long lists (institutions,
 * countries, partners, programmes) show the options with the most links first, and a box to
 * narrow them by name. Counts come from optionCounts (prefix sums per option), so a year step
 * while the panel is open reads one subtraction per option.
 */
import { memo, useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityCount, type YearWindow } from '../domain/aggregate.ts';
import { optionCounts, type Facets } from '../domain/facets.ts';
import { ALL_OF, chosen, SINGLE_CHOICE, toggleChosen, type FilterDimension, type Filters } from '../domain/filters.ts';
import { CATEGORY_OF_TYPE, type Category } from '../domain/categories.ts';
import { CATEGORY_COLOR } from '../style/palette.ts';
import type { LinkType } from '../domain/schema.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import { formatNumber } from './format.ts';
import { optionName, type WordsContext } from './filter-words.ts';
import { dataTextLang } from './format.ts';

/** Dimensions whose option names come from the data (English on Arabic and Russian pages). */
const DATA_NAMED = new Set<string>(['inst', 'partner', 'prog', 'source']);

interface Props {
  id: string;
  facets: Facets;
  filters: Filters;
  /** Each link's time code (Aggregates), for the options' counts in the window. */
  time: { codeOfLink: Uint32Array; codes: Uint32Array };
  window: YearWindow;
  index: DatasetIndex;
  lang: Lang;
  onChange: (f: Filters) => void;
}

/** Dimensions shown in the panel, in order; `source` is set from the Sources view and shown as a chip. */
const PANEL_DIMENSIONS: readonly FilterDimension[] = ['cat', 'type', 'scope', 'online', 'status', 'evidence', 'country', 'inst', 'partner', 'prog'];
/** Lists of records (not fixed vocabularies) longer than this show their first options, a box to narrow them and "show all". */
const SHORT_LIST = 10;
const RECORD_DIMENSIONS: ReadonlySet<FilterDimension> = new Set(['inst', 'country', 'partner', 'prog', 'source']);

export const FilterPanel = memo(function FilterPanel({ id, facets, filters, time, window: w, index, lang, onChange }: Props) {
  const { t } = useTranslation();
  // Counting is O(links); deferring keeps a click on an option responsive at a million links.
  const deferredFilters = useDeferredValue(filters);
  const counts = useMemo(() => optionCounts(facets, deferredFilters, time), [facets, deferredFilters, time]);
  const words: WordsContext = { index, programmeNames: facets.programmeNames, lang, t };
  return (
    <section id={id} className="filter-panel" aria-label={t('filters.panel')}>
      {PANEL_DIMENSIONS.map((d) => {
        const e = counts[d];
        const options = e.keys.map((key, i) => ({ key, count: entityCount(e, i, w), name: optionName(d, key, words) }));
        return (
          <FilterGroup key={d} dimension={d} options={options} selected={chosen(filters, d)} lang={lang}
            onToggle={(key) => onChange(toggleChosen(filters, d, key))} />
        );
      })}
    </section>
  );
});

interface Option {
  key: string;
  count: number;
  name: string;
}

function FilterGroup({ dimension: d, options, selected, lang, onToggle }: {
  dimension: FilterDimension; options: Option[]; selected: readonly string[]; lang: Lang; onToggle: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [all, setAll] = useState(false);
  const searchId = useId();
  const hintId = useId();
  const long = RECORD_DIMENSIONS.has(d) && options.length > SHORT_LIST;
  // Short, fixed lists keep their natural order (categories, types); long ones put the most links first.
  const sorted = useMemo(() => {
    if (!long) return options;
    const q = query.trim().toLocaleLowerCase();
    const hit = q ? options.filter((o) => o.name.toLocaleLowerCase().includes(q) || o.key.toLowerCase().includes(q)) : options;
    return [...hit].sort((a, b) => Number(selected.includes(b.key)) - Number(selected.includes(a.key)) || b.count - a.count || a.name.localeCompare(b.name, lang));
  }, [options, long, query, selected, lang]);
  if (options.length === 0) return null;
  const shown = long && !all && !query ? sorted.slice(0, SHORT_LIST) : sorted;
  const single = SINGLE_CHOICE.has(d);
  const allOf = ALL_OF.has(d);
  return (
    <fieldset className={`filter-group filter-${d}`} aria-describedby={allOf ? hintId : undefined}>
      <legend>{t(`filters.dim_${d}`)}</legend>
      {allOf && <p className="filter-hint" id={hintId}>{t('filters.allOfHint')}</p>}
      {long && (
        <>
          <label className="visually-hidden" htmlFor={searchId}>{t('filters.narrow', { what: t(`filters.dim_${d}`) })}</label>
          <input id={searchId} type="search" className="filter-narrow" placeholder={t('filters.narrowPlaceholder')} value={query} onChange={(e) => setQuery(e.target.value)} />
        </>
      )}
      <ul>
        {single && (
          <li>
            <label className="filter-option">
              <input type="radio" name={`filter-${d}`} checked={selected.length === 0} onChange={() => { for (const k of selected) onToggle(k); }} />
              <span className="filter-option-name">{t('filters.any')}</span>
            </label>
          </li>
        )}
        {shown.map((o) => {
          const on = selected.includes(o.key);
          return (
            <li key={o.key}>
              <label className={o.count === 0 && !on ? 'filter-option empty' : 'filter-option'}>
                <input type={single ? 'radio' : 'checkbox'} name={single ? `filter-${d}` : undefined} checked={on} onChange={() => onToggle(o.key)} />
                {(d === 'cat' || d === 'type') && <span className="swatch" style={{ background: CATEGORY_COLOR[d === 'cat' ? o.key as Category : CATEGORY_OF_TYPE[o.key as LinkType]] }} aria-hidden="true" />}
                <span className="filter-option-name" lang={DATA_NAMED.has(d) ? dataTextLang(lang) : undefined}>{o.name}</span>
                <span className="filter-count">{t('filters.optionCount', { count: o.count, n: formatNumber(o.count, lang) })}</span>
              </label>
            </li>
          );
        })}
      </ul>
      {long && !query && sorted.length > SHORT_LIST && (
        <button type="button" className="link-button" aria-expanded={all} onClick={() => setAll((x) => !x)}>
          {all ? t('filters.showFewer') : t('filters.showAll', { count: options.length })}
        </button>
      )}
    </fieldset>
  );
}
