/**
 * The panel for what the reader chose: an arc (its links), a Chinese institution or a partner
 * (their arcs). Links in the current time window come first; the rest are listed after, so a
 * reader can always reach every link and its source.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { languageName } from './format.ts';
import type { Aggregates, Pair, YearWindow } from '../domain/aggregate.ts';
import { linksInWindow, pairCount, partnerOfPair } from '../domain/aggregate.ts';
import type { DatasetIndex, ResolvedPartner } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { countryName } from '../domain/countries.ts';
import { isCountryRef } from '../domain/schema.ts';
import { LinkCard } from './LinkCard.tsx';

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
  /** Filters the atlas to the links a source supports (offered on each citation). */
  onFilterSource?: (id: string) => void;
}

export function DetailsPanel({ selected, index, aggregates, window: w, lang, onClose, onSelect, autoFocus, onFilterSource }: Props) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (autoFocus) heading.current?.focus();
  }, [selected, autoFocus]);

  const body = (() => {
    if (selected.kind === 'arc') {
      const pair = aggregates.pairs[selected.pair];
      return pair ? <ArcDetails pair={pair} {...{ index, aggregates, w, lang, onFilterSource }} /> : null;
    }
    // A country's panel also lists its institutions that the sources name as partners.
    const pairs = aggregates.pairs.filter((p) => (selected.kind === 'inst' ? p.institution === selected.id
      : p.partnerKey === selected.key || (isCountryRef(selected.key) && p.iso3 === selected.key)));
    return <PairList pairs={pairs} {...{ index, aggregates, w, lang, onSelect }} by={selected.kind === 'inst' ? 'partner' : 'institution'} />;
  })();

  const title = titleOf(selected, index, aggregates, lang);
  return (
    <aside className="details" aria-labelledby="details-title">
      <div className="details-head">
        <h2 id="details-title" tabIndex={-1} ref={heading}>{title}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('details.close')}>×</button>
      </div>
      <Facts selected={selected} index={index} aggregates={aggregates} lang={lang} />
      {body}
    </aside>
  );
}

function partnerByKey(index: DatasetIndex, a: Aggregates, key: string): ResolvedPartner | undefined {
  if (isCountryRef(key)) {
    return { key, kind: 'country', iso3: key, name: { en: countryName(key, 'en'), zh: countryName(key, 'zh') } };
  }
  const pair = a.pairs.find((p) => p.partnerKey === key);
  return pair ? partnerOfPair(index, pair) : undefined;
}

function titleOf(s: Selected, index: DatasetIndex, a: Aggregates, lang: Lang): string {
  if (s.kind === 'inst') return index.institutions.get(s.id)?.name[lang] ?? s.id;
  if (s.kind === 'partner') return partnerByKey(index, a, s.key)?.name[lang] ?? s.key;
  const pair = a.pairs[s.pair];
  if (!pair) return '';
  return `${index.institutions.get(pair.institution)?.name[lang] ?? ''} → ${partnerOfPair(index, pair).name[lang]}`;
}

/** What kind of thing it is and how exactly it is placed on the map. */
function Facts({ selected, index, aggregates, lang }: { selected: Selected; index: DatasetIndex; aggregates: Aggregates; lang: Lang }) {
  const { t } = useTranslation();
  if (selected.kind === 'inst') {
    const inst = index.institutions.get(selected.id);
    if (!inst) return null;
    return (
      <p className="details-facts">
        {t(`institutionKind.${inst.kind}`)} · {inst.city[lang]} · {t(`details.pointPrecision_${inst.precision}`)}
        {inst.note && <><br />{inst.note[lang]}</>}
      </p>
    );
  }
  const partner = selected.kind === 'partner' ? partnerByKey(index, aggregates, selected.key)
    : aggregates.pairs[selected.pair] && partnerOfPair(index, aggregates.pairs[selected.pair] as Pair);
  if (!partner) return null;
  const record = index.partners.get(partner.key);
  return (
    <p className="details-facts">
      {t(`partnerKind.${partner.kind}`)}
      {partner.kind === 'group' && <> · {partner.count ? t('details.groupCount', { count: partner.count }) : t('details.groupNoCount')}</>}
      {!partner.point && <> · {t('details.noPlace')}</>}
      {partner.kind === 'institution' && partner.pointBasis === 'country-anchor' && <> · {t('details.countryAnchor')}</>}
      {record?.kind === 'institution' && record.originalName && (
        <><br />{t('details.originalName', { language: languageName(record.originalName.language, lang) })}: <span lang={record.originalName.language}>{record.originalName.text}</span></>
      )}
      {record?.note && <><br />{record.note[lang]}</>}
    </p>
  );
}

function ArcDetails({ pair, index, aggregates, w, lang, onFilterSource }: {
  pair: Pair; index: DatasetIndex; aggregates: Aggregates; w: YearWindow; lang: Lang; onFilterSource?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const inWindow = linksInWindow(aggregates, pair, w);
  const shown = new Set(inWindow);
  const rest = pair.links.filter((li) => !shown.has(li));
  return (
    <div className="details-body">
      <p className="details-count">
        {t('details.links', { count: pair.links.length })} · {inWindow.length > 0 ? t('details.inWindow', { count: inWindow.length }) : t('details.noneInWindow')}
      </p>
      {[...inWindow, ...rest].map((li) => {
        const link = index.dataset.links[li];
        return link ? <div key={link.id} className={shown.has(li) ? '' : 'outside-window'}><LinkCard link={link} index={index} lang={lang} onFilterSource={onFilterSource} /></div> : null;
      })}
    </div>
  );
}

function PairList({ pairs, index, aggregates, w, lang, onSelect, by }: {
  pairs: Pair[]; index: DatasetIndex; aggregates: Aggregates; w: YearWindow; lang: Lang; onSelect: (s: Selected) => void; by: 'partner' | 'institution';
}) {
  const { t } = useTranslation();
  const rows = pairs
    .map((pair) => ({ pair, n: pairCount(aggregates, pair.index, w) }))
    .sort((a, b) => b.n - a.n || b.pair.links.length - a.pair.links.length);
  return (
    <div className="details-body">
      <h3>{by === 'partner' ? t('details.partners') : t('details.institutions')}</h3>
      <ul className="pair-list">
        {rows.map(({ pair, n }) => {
          const name = by === 'partner' ? partnerOfPair(index, pair).name[lang] : index.institutions.get(pair.institution)?.name[lang];
          return (
            <li key={pair.index}>
              <button type="button" className="link-button" onClick={() => onSelect({ kind: 'arc', pair: pair.index })}>
                {name}
              </button>{' '}
              <span className="muted">{t('details.links', { count: pair.links.length })}{n !== pair.links.length ? ` · ${t('details.inWindow', { count: n })}` : ''}</span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
