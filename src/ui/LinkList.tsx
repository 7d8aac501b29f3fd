/**
 * Every link in the current view as a table: the keyboard and screen-reader route to each link's
 * details, and the whole atlas when the browser cannot draw the map. Long lists are paged.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTally, linksInView, type Aggregates, type YearWindow } from '../domain/aggregate.ts';
import { tallyWords } from './tally-words.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import { formatDate } from '../domain/dates.ts';
import { formatNumber } from './format.ts';
import type { Selected } from './selection.ts';
import { linkSourceIds } from '../domain/evidence.ts';
import { evidenceStrength } from '../domain/evidence-strength.ts';
import { evidenceShort, linkTimeWords, statusShort } from '../domain/link-words.ts';
import { dataLang } from '../domain/dates.ts';
import { partnerName } from './format.ts';
import { Locator } from './Locator.tsx';

const PAGE = 100;

export function LinkList({ index, aggregates, window: w, lang, onSelect, id }: {
  index: DatasetIndex; aggregates: Aggregates; window: YearWindow; lang: Lang; onSelect: (s: Selected) => void; id?: string;
}) {
  const { t } = useTranslation();
  const [limit, setLimit] = useState(PAGE);
  const rows = useMemo(() => linksInView(aggregates, w), [aggregates, w]);
  // The rows are what is drawn; the count says how many are certain, possible, undated or planned.
  const tally = useMemo(() => entityTally(aggregates.total, 0, w), [aggregates, w]);
  return (
    <section className="link-list" id={id} aria-labelledby="link-list-title">
      <h2 id="link-list-title">{t('list.title')}</h2>
      <p>{t('list.caption', { count: rows.length, formattedCount: formatNumber(rows.length, lang) })}</p>
      {tally.certain !== rows.length && <p className="muted">{t('list.counted', { tally: tallyWords(t, tally, w, lang) })}</p>}
      {rows.length === 0 ? <p>{t('list.empty')}</p> : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('list.columns.date')}</th>
                <th scope="col">{t('table.columns.status')}</th>
                <th scope="col">{t('list.columns.institution')}</th>
                <th scope="col">{t('list.columns.partner')}</th>
                <th scope="col">{t('list.columns.type')}</th>
                <th scope="col">{t('list.columns.source')}</th>
                <th scope="col">{t('table.columns.evidence')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, limit).map((li) => {
                const link = index.dataset.links[li];
                if (!link) return null;
                const source = index.sources.get(link.evidence[0]?.source ?? '');
                const sourceCount = linkSourceIds(link).length;
                return (
                  <tr key={link.id}>
                    <td>{formatDate(link.date, lang)}</td>
                    <td title={linkTimeWords(link, lang)}>{statusShort(link, lang)}</td>
                    <td>{index.institutionOf(link).name[dataLang(lang)]}</td>
                    <td>
                      <button type="button" className="link-button" onClick={() => onSelect({ kind: 'arc', pair: aggregates.pairOfLink[li] as number })}>
                        {partnerName(index.partnerOf(link), lang)}
                      </button>
                    </td>
                    <td>{link.types.map((ty) => t(`type.${ty}`)).join(', ')}</td>
                    <td>
                      {source?.title[dataLang(lang)]} <span className="muted"><Locator locator={link.evidence[0]?.locator ?? ''} lang={lang} /></span>
                      {sourceCount > 1 && <> · <strong>{t('details.sources', { count: sourceCount })}</strong></>}
                    </td>
                    <td className={link.inferred ? 'list-inferred' : undefined}>
                      {link.inferred && <span className="inferred-mark" aria-hidden="true">≈ </span>}{evidenceShort(evidenceStrength(index, link), lang)}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > limit && (
        <button type="button" onClick={() => setLimit((n) => n + PAGE * 5)}>
          {`${formatNumber(limit, lang)} / ${formatNumber(rows.length, lang)} — +${formatNumber(Math.min(PAGE * 5, rows.length - limit), lang)}`}
        </button>
      )}
    </section>
  );
}
