/**
 * The search box: the WAI-ARIA 1.2 combobox pattern with a listbox popup. Focus stays in the
 * input; arrows move the active suggestion (aria-activedescendant), Enter or a click picks it,
 * Escape closes the list and a second Escape clears the text. A polite live region says how many
 * suggestions there are.
 */
import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { searchEntities, type SearchHit, type SearchIndex, type SearchResult } from '../domain/search.ts';
import { htmlLang } from '../i18n/i18n.ts';
import type { Lang } from '../url/view-state.ts';
import './search-box.css';
import { dataLang } from '../domain/dates.ts';
import { countryName } from '../domain/countries.ts';

export interface SearchBoxProps {
  index: SearchIndex;
  lang: Lang;
  onPick: (hit: SearchHit) => void;
  /** Suggestions shown at most. */
  limit?: number;
}

/** The box and its suggestions; `onPick` receives the chosen entity's kind and id. */
export const SearchBox = memo(function SearchBox({ index, lang, onPick, limit = 8 }: SearchBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-option-${i}`;
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLUListElement>(null);

  const results = useMemo(() => searchEntities(index, text, lang, limit), [index, text, lang, limit]);
  const typed = text.trim() !== '';
  const expanded = open && results.length > 0;
  const noMatches = open && typed && results.length === 0;
  const current = expanded && active >= 0 && active < results.length ? active : -1;

  useEffect(() => {
    if (current < 0) return;
    // jsdom has no scrollIntoView; browsers do.
    list.current?.querySelector(`[data-index="${current}"]`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const pick = (r: SearchResult) => {
    setText(r.kind === 'country' ? countryName(r.id, lang) : r.name[dataLang(lang)]);
    close();
    onPick({ kind: r.kind, id: r.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const n = results.length;
    switch (e.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (n === 0) return;
        e.preventDefault();
        const down = e.key === 'ArrowDown';
        if (!expanded) {
          setOpen(true);
          // Alt+Down only opens the list (APG); plain arrows also step onto the first or last item.
          setActive(e.altKey ? -1 : down ? 0 : n - 1);
        } else if (!e.altKey) {
          setActive(current < 0 ? (down ? 0 : n - 1) : (current + (down ? 1 : n - 1)) % n);
        }
        return;
      }
      case 'Enter': {
        if (!expanded) return;
        e.preventDefault();
        // With no suggestion active, Enter takes the best one: what a reader who typed "SRRSH" means.
        pick(results[current >= 0 ? current : 0] as SearchResult);
        return;
      }
      case 'Escape': {
        if (open && typed) {
          e.preventDefault();
          close();
        } else if (text) {
          e.preventDefault();
          setText('');
        }
        return;
      }
      case 'Tab':
        close();
        return;
      default:
    }
  };

  const announce = !open || !typed ? '' : results.length > 0 ? t('search.results', { count: results.length }) : t('search.none');

  return (
    <div className="search-box" role="search" aria-label={t('search.label')}>
      <label htmlFor={`${id}-input`} className="visually-hidden">{t('search.label')}</label>
      <div className="search-field">
        <svg className="search-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="2" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
        </svg>
        <input
          ref={input}
          id={`${id}-input`}
          type="text"
          role="combobox"
          aria-expanded={expanded}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? optionId(current) : undefined}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          enterKeyHint="search"
          placeholder={t('search.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        {text && (
          <button
            type="button"
            className="search-clear"
            aria-label={t('search.clear')}
            // Keeps focus in the input: the list closes on blur, and the reader goes on typing.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              setText('');
              close();
              input.current?.focus();
            }}
          >
            <span aria-hidden="true">×</span>
          </button>
        )}
      </div>
      {/* A press in the list (an option, its scrollbar) must not blur the input, which would close the list. */}
      <ul ref={list} id={listId} role="listbox" aria-label={t('search.suggestions')} className="search-list" hidden={!expanded} onMouseDown={(e) => e.preventDefault()}>
        {expanded && results.map((r, i) => (
          <SearchOption key={`${r.kind}:${r.id}`} id={optionId(i)} index={i} result={r} lang={lang} active={i === current} onPick={pick} onHover={setActive} />
        ))}
      </ul>
      {noMatches && <p className="search-empty" aria-hidden="true">{t('search.none')}</p>}
      <SearchStatus message={announce} />
    </div>
  );
});

function SearchOption({ id, index, result: r, lang, active, onPick, onHover }: {
  id: string; index: number; result: SearchResult; lang: Lang; active: boolean;
  onPick: (r: SearchResult) => void; onHover: (i: number) => void;
}) {
  const { t } = useTranslation();
  const other: Lang = lang === 'en' ? 'zh' : 'en';
  // A country in the interface language; any other name is data (English on Arabic and Russian pages).
  const name = r.kind === 'country' ? countryName(r.id, lang) : r.name[dataLang(lang)];
  const otherName = r.name[other];
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      data-index={index}
      className="search-option"
      onClick={() => onPick(r)}
      onMouseMove={() => !active && onHover(index)}
    >
      <span className="search-option-names">
        <span className="search-option-name" lang={r.kind === 'country' ? htmlLang(lang) : htmlLang(dataLang(lang))}>{name}</span>
        {otherName !== name && <span className="search-option-other" lang={htmlLang(other)}>{otherName}</span>}
      </span>
      <span className="search-option-meta">
        <span className={`search-kind search-kind-${r.kind}`}>{t(`search.kind.${r.kind}`)}</span>
        <span className="search-links">{t('search.links', { count: r.links })}</span>
        {r.alias && <span className="search-alias">{t('search.alias', { alias: r.alias })}</span>}
      </span>
    </li>
  );
}

/** The polite count, a moment after typing stops, so that each keystroke is not read out. */
function SearchStatus({ message }: { message: string }) {
  const [spoken, setSpoken] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setSpoken(message), message ? 300 : 0);
    return () => clearTimeout(timer);
  }, [message]);
  return <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="search-status">{spoken}</div>;
}
