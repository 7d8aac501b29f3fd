/** Partners the sources give no place for (organisations without a seat, worldwide unnamed groups). */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { entityTally, shownCount, type Aggregates, type Tally, type YearWindow } from '../domain/aggregate.ts';
import { tallyWords } from './tally-words.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { dataLang } from '../domain/dates.ts';
import { DataFallbackNote } from './DataFallbackNote.tsx';
import { dataTextLang } from './format.ts';

export function OffMapList({ index, aggregates, window: w, lang, onSelect }: {
  index: DatasetIndex; aggregates: Aggregates; window: YearWindow; lang: Lang; onSelect: (s: Selected) => void;
}) {
  const { t } = useTranslation();
  const offMap = useMemo(() => new Set(aggregates.pairs.filter((p) => !p.to).map((p) => p.partnerKey)), [aggregates]);
  const { byPartner } = aggregates;
  const rows = [...offMap]
    .map((key): [string, Tally] => [key, entityTally(byPartner, byPartner.indexOf.get(key) ?? -1, w)])
    .filter(([, n]) => shownCount(n, w) > 0)
    .sort((a, b) => b[1].certain - a[1].certain || b[1].possible - a[1].possible);
  return (
    <section className="offmap" aria-labelledby="offmap-title">
      <h2 id="offmap-title">{t('offmap.title')}</h2>
      <p className="muted">{t('offmap.body')}</p>
      {rows.length > 0 && <DataFallbackNote lang={lang} />}
      {rows.length === 0 ? <p className="muted">{t('offmap.none')}</p> : (
        <ul>
          {rows.map(([key, n]) => (
            <li key={key}>
              <button type="button" className="link-button" lang={dataTextLang(lang)} onClick={() => onSelect({ kind: 'partner', key })}>
                {index.partners.get(key)?.name[dataLang(lang)] ?? key}
              </button>{' '}
              <span className="muted">{tallyWords(t, n, w, lang)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
