/**
 * The panel for what the reader chose: an arc (its links), or a Chinese institution, a country
 * or a partner (a table of who works with it and since when). An arc's links in the current time
 * window come first; the rest are listed after, so a reader can always reach every link and its
 * source. Escape closes the panel; on a phone, where the panel sits below the map, a control at
 * its top and bottom leads back to the map.
 */
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregates, Pair, YearWindow } from '../domain/aggregate.ts';
import { linksInWindow, linksOfPair, partnerOfPair } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { PanelSubject } from '../domain/panel-rows.ts';
import type { Lang, ViewName } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { LinkCard } from './LinkCard.tsx';
import { PanelFacts, partnerByKey } from './PanelFacts.tsx';
import { PanelTable } from './PanelTable.tsx';
import { VIEW_PANEL_ID } from './ViewSwitch.tsx';
import './panel.css';
import { dataLang } from '../domain/dates.ts';
import { DataFallbackNote } from './DataFallbackNote.tsx';
import { ProgrammeCoverage } from './ProgrammeCoverage.tsx';
import { programmeCoverage } from '../domain/programme-coverage.ts';
import { dataTextLang, formatNumber, partnerName, partnerNameLang } from './format.ts';

interface Props {
  selected: Selected;
  index: DatasetIndex;
  aggregates: Aggregates;
  window: YearWindow;
  lang: Lang;
  onClose: () => void;
  onSelect: (s: Selected) => void;
  /** Move focus to the panel's heading (not when the panel was opened by the URL at load). */
  autoFocus: boolean;
  /** The view beside the panel, which "Back to …" leads to. */
  view?: ViewName;
  /** Filters the atlas to the links a source supports (offered on each citation). */
  onFilterSource?: (id: string) => void;
  /** Filters the atlas to a programme's links (offered in its panel), and opens a programme's panel (from a link card). */
  onFilterProgramme?: (id: string) => void;
  /** Whether the filters already keep only this programme's links. */
  programmeFiltered?: string | null;
}

export function DetailsPanel({ selected, index, aggregates, window: w, lang, onClose, onSelect, autoFocus, view = 'map', onFilterSource, onFilterProgramme, programmeFiltered }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [selected, autoFocus]);
  useEscape(onClose);

  const subjectKey = selected.kind === 'inst' ? `inst:${selected.id}` : selected.kind === 'partner' ? `partner:${selected.key}` : selected.kind === 'prog' ? `prog:${selected.id}` : null;
  const subject = useMemo((): PanelSubject | null => {
    if (!subjectKey) return null;
    const [kind, key = ''] = subjectKey.split(/:(.*)/s);
    return kind === 'inst' ? { kind: 'inst', id: key } : kind === 'prog' ? { kind: 'prog', id: key } : { kind: 'partner', key };
  }, [subjectKey]);

  const title = titleOf(selected, index, aggregates, lang);
  const pair = selected.kind === 'arc' ? aggregates.pairs[selected.pair] : undefined;
  const onOpenProgramme = (id: string) => onSelect({ kind: 'prog', id });
  const back = <BackToView view={view} label={t(`panel.backTo_${view}`)} />;
  return (
    <aside className="details" aria-labelledby="details-title">
      {back}
      <div className="details-head">
        <h2 id="details-title" tabIndex={-1} ref={heading} lang={titleLang(selected, index, aggregates, lang)}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>×</button>
      </div>
      {selected.kind === 'prog'
        ? <ProgrammeFacts id={selected.id} index={index} lang={lang} filtered={programmeFiltered === selected.id} onFilter={onFilterProgramme} />
        : <PanelFacts selected={selected} index={index} aggregates={aggregates} lang={lang} />}
      <DataFallbackNote lang={lang} />
      {pair && <ArcDetails pair={pair} {...{ index, aggregates, w, lang, onFilterSource, onOpenProgramme }} />}
      {subject && <PanelTable key={subjectKey} subject={subject} name={title} {...{ index, aggregates, window: w, lang, onSelect }} />}
      {back}
    </aside>
  );
}

/** Closes on Escape, unless a text field or an open dialog has the key (theirs to use). */
function useEscape(onClose: () => void): void {
  const latest = useRef(onClose);
  useEffect(() => {
    latest.current = onClose;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented || e.isComposing) return;
      if (isTextField(e.target) || document.querySelector('dialog[open]')) return;
      e.preventDefault();
      latest.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (target instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
  return ['combobox', 'searchbox', 'textbox'].includes(target.getAttribute('role') ?? '');
}

/** Scrolls the view (the map, on a phone above the panel) back into sight and moves focus there. */
function BackToView({ view, label }: { view: ViewName; label: string }) {
  const onClick = () => {
    const box = document.getElementById(VIEW_PANEL_ID);
    if (!box) return;
    box.scrollIntoView({ block: 'start' });
    const target = box.querySelector<HTMLElement>(view === 'map' ? '.maplibregl-canvas' : 'table, h2') ?? box;
    if (!target.hasAttribute('tabindex') && target.tabIndex < 0) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  };
  return <button type="button" className="back-to-view" onClick={onClick}>↑ {label}</button>;
}

function titleOf(s: Selected, index: DatasetIndex, a: Aggregates, lang: Lang): string {
  if (s.kind === 'inst') return index.institutions.get(s.id)?.name[dataLang(lang)] ?? s.id;
  if (s.kind === 'prog') return index.programmes.get(s.id)?.name[dataLang(lang)] ?? s.id;
  if (s.kind === 'partner') { const p = partnerByKey(index, a, s.key); return p ? partnerName(p, lang) : s.key; }
  const pair = a.pairs[s.pair];
  if (!pair) return '';
  return `${index.institutions.get(pair.institution)?.name[dataLang(lang)] ?? ''} → ${partnerName(partnerOfPair(index, a, pair), lang)}`;
}

/** The title's language: a country's name is in the interface language, any other name is data. */
function titleLang(s: Selected, index: DatasetIndex, a: Aggregates, lang: Lang): 'en' | undefined {
  if (s.kind === 'partner') { const p = partnerByKey(index, a, s.key); return p ? partnerNameLang(p, lang) : undefined; }
  return dataTextLang(lang);
}

/** An arc's links: those in the window under their heading, then the rest under theirs, set apart by a dashed border. */
function ArcDetails({ pair, index, aggregates, w, lang, onFilterSource, onOpenProgramme }: {
  pair: Pair; index: DatasetIndex; aggregates: Aggregates; w: YearWindow; lang: Lang; onFilterSource?: ((id: string) => void) | undefined;
  onOpenProgramme: (id: string) => void;
}) {
  const { t } = useTranslation();
  const inWindow = linksInWindow(aggregates, pair, w);
  const shown = new Set(inWindow);
  const all = linksOfPair(aggregates, pair.index);
  const rest = Array.from(all).filter((li) => !shown.has(li));
  const cards = (list: number[], outside: boolean) => list.map((li) => {
    const link = index.dataset.links[li];
    return link ? <div key={link.id} className={outside ? 'outside-window' : undefined}><LinkCard link={link} index={index} lang={lang} onFilterSource={onFilterSource} onOpenProgramme={onOpenProgramme} /></div> : null;
  });
  return (
    <div className="details-body">
      <p className="details-count">
        {t('details.links', { count: all.length })} · {inWindow.length > 0 ? t('details.inWindow', { count: inWindow.length }) : t('details.noneInWindow')}
      </p>
      {inWindow.length > 0 && <h3>{t('panel.inWindowHeading', { count: inWindow.length })}</h3>}
      {cards(inWindow, false)}
      {rest.length > 0 && <h3 className="outside-heading">{t('panel.outsideHeading', { count: rest.length })}</h3>}
      {cards(rest, true)}
    </div>
  );
}

/** A programme's panel head: what it is, its official figures beside what the atlas maps, and a filter to its links. */
function ProgrammeFacts({ id, index, lang, filtered, onFilter }: {
  id: string; index: DatasetIndex; lang: Lang; filtered: boolean; onFilter?: ((id: string) => void) | undefined;
}) {
  const { t } = useTranslation();
  const coverage = useMemo(() => programmeCoverage(index, id), [index, id]);
  if (!coverage) return null;
  const { programme } = coverage;
  return (
    <div className="details-facts programme-facts">
      <p>
        {t('details.programmeKind')} · {t('details.programmeLinks', { count: coverage.links, links: formatNumber(coverage.links, lang) })}
        {programme.summary && <><br /><span lang={dataTextLang(lang)}>{programme.summary[dataLang(lang)]}</span></>}
      </p>
      {coverage.lines.length > 0 && <ProgrammeCoverage coverage={coverage} index={index} lang={lang} caption={t('coverage.panelCaption')} testId="programme-coverage" />}
      {onFilter && !filtered && <p><button type="button" onClick={() => onFilter(id)}>{t('details.programmeFilter', { count: coverage.links, links: formatNumber(coverage.links, lang) })}</button></p>}
    </div>
  );
}
