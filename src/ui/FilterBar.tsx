/**
 * What is filtered, in words, and the controls around it: the button that opens the filter panel,
 * one removable chip per chosen option, and a one-click reset. The sentence says what the count
 * counts ("Training · Kazakhstan · 2015–2023: 7 links").
 */
import { useTranslation } from 'react-i18next';
import { chosen, FILTER_DIMENSIONS, isFiltered, NO_FILTERS, toggleChosen, type Filters } from '../domain/filters.ts';
import { optionName, type WordsContext } from './filter-words.ts';

interface Props {
  filters: Filters;
  words: WordsContext;
  /** The sentence: active filters, the window and the count. */
  sentence: string;
  panelOpen: boolean;
  panelId: string;
  onTogglePanel: () => void;
  onChange: (f: Filters) => void;
}

export function FilterBar({ filters, words, sentence, panelOpen, panelId, onTogglePanel, onChange }: Props) {
  const { t } = useTranslation();
  const active = FILTER_DIMENSIONS.reduce((n, d) => n + chosen(filters, d).length, 0);
  return (
    <div className="filter-bar">
      <button type="button" className="filter-toggle" aria-expanded={panelOpen} aria-controls={panelId} onClick={onTogglePanel}>
        {active ? t('filters.buttonActive', { count: active }) : t('filters.button')}
      </button>
      <p className="filter-sentence">{sentence}</p>
      {isFiltered(filters) && (
        <>
          <ul className="filter-chips" aria-label={t('filters.active')}>
            {FILTER_DIMENSIONS.flatMap((d) => chosen(filters, d).map((key) => {
              const name = optionName(d, key, words);
              return (
                <li key={`${d}:${key}`}>
                  <button type="button" className="chip" aria-label={t('filters.remove', { name })} onClick={() => onChange(toggleChosen(filters, d, key))}>
                    <span className="chip-text">{name}</span> <span aria-hidden="true">×</span>
                  </button>
                </li>
              );
            }))}
          </ul>
          <button type="button" className="filter-reset" onClick={() => onChange(NO_FILTERS)}>{t('filters.reset')}</button>
        </>
      )}
    </div>
  );
}
