/**
 * "Who works with this, and since when": the details panel's table. For a country or a partner,
 * one row per Chinese institution with its partners there; for a Chinese institution, one row
 * per partner. Every row counts its links (in the view / all) and names its first and latest
 * dated link at the date's own precision; every column sorts (the header says how, by aria-sort).
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Aggregates, YearWindow } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { formatDate } from '../domain/dates.ts';
import { countryName } from '../domain/countries.ts';
import { isCountryRef } from '../domain/schema-values.ts';
import { DEFAULT_SORT, nextSort, panelRows, sortRows, type PanelColumn, type PanelRow, type PanelSort, type PanelSubject } from '../domain/panel-rows.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { formatNumber } from './format.ts';
import { dataLang } from '../domain/dates.ts';
import { dataTextLang } from './format.ts';

interface Props {
  subject: PanelSubject;
  /** The subject's name, for the caption. */
  name: string;
  index: DatasetIndex;
  aggregates: Aggregates;
  window: YearWindow;
  lang: Lang;
  onSelect: (s: Selected) => void;
}

const collators = { en: new Intl.Collator('en'), zh: new Intl.Collator('zh-CN'), ar: new Intl.Collator('ar'), ru: new Intl.Collator('ru') };

export function PanelTable({ subject, name, index, aggregates, window: w, lang, onSelect }: Props) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<PanelSort>(DEFAULT_SORT);
  const rows = useMemo(() => panelRows(index, aggregates, subject, w), [index, aggregates, subject, w]);
  // A programme's table is a country's: one row per Chinese institution, with its partners.
  const country = (subject.kind === 'partner' && isCountryRef(subject.key)) || subject.kind === 'prog';
  const byInstitution = subject.kind !== 'inst';

  const partnerName = (key: string): string => (isCountryRef(key) ? countryName(key, lang)
    : index.partners.get(key)?.name[dataLang(lang)] ?? index.institutions.get(key)?.name[dataLang(lang)] ?? key);
  const rowName = (r: PanelRow) => (byInstitution ? index.institutions.get(r.key)?.name[dataLang(lang)] ?? r.key : partnerName(r.key));
  const subjectKey = subject.kind === 'partner' ? subject.key : '';
  // Names from the data are English on Arabic and Russian pages; a country's is in the interface language.
  const nameLang = (key: string) => (isCountryRef(key) ? undefined : dataTextLang(lang));
  const partnerLabel = (key: string) => (key === (subject.kind === 'partner' ? subject.key : '') ? t('panel.countryItself', { name: partnerName(key) }) : partnerName(key));
  const sorted = sortRows(rows, sort, (r, column) => (column === 'name' ? rowName(r) : r.partners.map(partnerLabel).join(', ')), collators[lang].compare);

  if (rows.length === 0) return <p className="muted">{t('panel.noRows')}</p>;

  const columns: [PanelColumn, string][] = [
    ['name', byInstitution ? t('panel.colInstitution') : t('panel.colPartner')],
    ...(country ? [['partners', subject.kind === 'prog' ? t('panel.colPartnersAll') : t('panel.colPartners', { name })] as [PanelColumn, string]] : []),
    ['links', t('panel.colLinks')],
    ['first', t('panel.colFirst')],
    ['latest', t('panel.colLatest')],
  ];
  const label = (column: PanelColumn) => columns.find(([c]) => c === column)?.[1];
  const n = (x: number) => formatNumber(x, lang);
  const dateCell = (li: number) => {
    const link = index.dataset.links[li];
    return link ? formatDate(link.date, lang) : <span className="muted">{t('panel.noDate')}</span>;
  };
  const openRow = (r: PanelRow) => onSelect(r.pairs.length === 1 || !byInstitution ? { kind: 'arc', pair: r.pairs[0] as number } : { kind: 'inst', id: r.key });

  return (
    <div className="panel-table-scroll">
      {/* Explicit roles: on a phone the rows are laid out as blocks, which can cost a table its semantics. */}
      <table className="panel-table" role="table">
        <caption>
          {subject.kind === 'inst' ? t('panel.captionInstitution', { name }) : subject.kind === 'prog' ? t('panel.captionProgramme', { name }) : country ? t('panel.captionCountry', { name }) : t('panel.captionPartner', { name })}
        </caption>
        <thead>
          <tr role="row">
            {columns.map(([column, label]) => (
              <th key={column} scope="col" role="columnheader" className={`col-${column}`}
                aria-sort={sort.column === column ? (sort.descending ? 'descending' : 'ascending') : undefined}>
                <button type="button" className="sort-button" onClick={() => setSort((s) => nextSort(s, column))}>
                  {label}
                  <span className="sort-mark" aria-hidden="true">{sort.column === column ? (sort.descending ? '▼' : '▲') : '↕'}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.map((r) => {
            const inst = byInstitution ? undefined : index.partners.get(r.key);
            return (
              <tr key={r.key} role="row">
                <th scope="row" role="rowheader">
                  <button type="button" className="link-button" onClick={() => openRow(r)} lang={nameLang(byInstitution ? '' : r.key)}
                    aria-label={byInstitution && r.pairs.length > 1 ? t('panel.openInstitution', { name: rowName(r) }) : undefined}>
                    {rowName(r)}
                  </button>
                  {inst?.kind === 'institution' && <span className="muted panel-row-country">{countryName(inst.country, lang)}</span>}
                </th>
                {country && (
                  <td role="cell" className="col-partners" data-label={label('partners')}>
                    <ul className="panel-partners">
                      {r.partners.map((key, i) => (
                        <li key={key} lang={key === subjectKey ? undefined : nameLang(key)}>
                          {r.pairs.length > 1
                            ? <button type="button" className="link-button" onClick={() => onSelect({ kind: 'arc', pair: r.pairs[i] as number })}>{partnerLabel(key)}</button>
                            : partnerLabel(key)}
                        </li>
                      ))}
                    </ul>
                  </td>
                )}
                <td role="cell" className="num" data-label={label('links')}>{t('panel.linksCell', { inWindow: n(r.inWindow), total: n(r.total) })}</td>
                <td role="cell" data-label={label('first')}>{r.first >= 0 ? dateCell(r.first) : <span className="muted">{t('panel.noDate')}</span>}</td>
                <td role="cell" data-label={label('latest')}>{r.latest >= 0 ? dateCell(r.latest) : <span className="muted">{t('panel.noDate')}</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
