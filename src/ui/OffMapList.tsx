/** Partners the sources give no place for (organisations without a seat, worldwide unnamed groups). */
import { useTranslation } from 'react-i18next';
import type { Aggregates } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { formatNumber } from './format.ts';

export function OffMapList({ index, aggregates, counts, lang, onSelect }: {
  index: DatasetIndex; aggregates: Aggregates; counts: Uint32Array; lang: Lang; onSelect: (s: Selected) => void;
}) {
  const { t } = useTranslation();
  const byPartner = new Map<string, number>();
  aggregates.pairs.forEach((pair, p) => {
    const n = counts[p] as number;
    if (pair.to || n === 0) return;
    byPartner.set(pair.partnerKey, (byPartner.get(pair.partnerKey) ?? 0) + n);
  });
  const rows = [...byPartner].sort((a, b) => b[1] - a[1]);
  return (
    <section className="offmap" aria-labelledby="offmap-title">
      <h2 id="offmap-title">{t('offmap.title')}</h2>
      <p className="muted">{t('offmap.body')}</p>
      {rows.length === 0 ? <p className="muted">{t('offmap.none')}</p> : (
        <ul>
          {rows.map(([key, n]) => (
            <li key={key}>
              <button type="button" className="link-button" onClick={() => onSelect({ kind: 'partner', key })}>
                {index.partners.get(key)?.name[lang] ?? key}
              </button>{' '}
              <span className="muted">{t('details.links', { count: n, formattedCount: formatNumber(n, lang) })}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
