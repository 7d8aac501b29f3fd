/** A small label that follows the pointer over the map: what is under it and how many links. */
import { useTranslation } from 'react-i18next';
import { partnerOfPair, type Aggregates } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { formatNumber } from './format.ts';

export function Tooltip({ item, x, y, index, aggregates, counts, lang }: {
  item: Selected; x: number; y: number; index: DatasetIndex; aggregates: Aggregates; counts: Uint32Array; lang: Lang;
}) {
  const { t } = useTranslation();
  let title = '';
  let n = 0;
  if (item.kind === 'arc') {
    const pair = aggregates.pairs[item.pair];
    if (!pair) return null;
    title = `${index.institutions.get(pair.institution)?.name[lang] ?? ''} → ${partnerOfPair(index, pair).name[lang]}`;
    n = counts[item.pair] ?? 0;
  } else {
    const pairs = aggregates.pairs.filter((p) => (item.kind === 'inst' ? p.institution === item.id : p.partnerKey === item.key));
    n = pairs.reduce((s, p) => s + (counts[p.index] ?? 0), 0);
    title = item.kind === 'inst' ? index.institutions.get(item.id)?.name[lang] ?? item.id : pairs[0] ? partnerOfPair(index, pairs[0]).name[lang] : item.key;
  }
  return (
    <div className="tooltip" style={{ left: x, top: y }} aria-hidden="true">
      <div className="tooltip-title">{title}</div>
      <div>{t('details.links', { count: n, formattedCount: formatNumber(n, lang) })}</div>
    </div>
  );
}
