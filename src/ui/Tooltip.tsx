/** A small label that follows the pointer over the map: what is under it and how many links. */
import { useTranslation } from 'react-i18next';
import { entityTally, pairTally, partnerOfPair, type Aggregates, type Tally, type YearWindow } from '../domain/aggregate.ts';
import { tallyWords } from './tally-words.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import type { MapItem } from '../map/map-item.ts';
import { countryName } from '../domain/countries.ts';
import { isCountryRef } from '../domain/schema-values.ts';
import { dataLang } from '../domain/dates.ts';
import { dataTextLang, partnerName } from './format.ts';

export function Tooltip({ item, x, y, index, aggregates, window: w, lang }: {
  item: MapItem; x: number; y: number; index: DatasetIndex; aggregates: Aggregates; window: YearWindow; lang: Lang;
}) {
  const { t } = useTranslation();
  let title = '';
  // A country's name is in the interface language; any other title is the data's (English on Arabic and Russian pages).
  let titleIsData = true;
  let n: Tally = { certain: 0, possible: 0, undated: 0, planned: 0 };
  if (item.kind === 'arc') {
    const pair = aggregates.pairs[item.pair];
    if (!pair) return null;
    title = `${index.institutions.get(pair.institution)?.name[dataLang(lang)] ?? ''} → ${partnerName(partnerOfPair(index, aggregates, pair), lang)}`;
    n = pairTally(aggregates, item.pair, w);
  } else {
    const key = item.kind === 'inst' ? item.id : item.key;
    const country = item.kind === 'partner' && isCountryRef(key);
    // A country counts its partner institutions' links too, as its shading does.
    const e = item.kind === 'inst' ? aggregates.byInstitution : country ? aggregates.byCountry : aggregates.byPartner;
    n = entityTally(e, e.indexOf.get(key) ?? -1, w);
    const pair = item.kind === 'partner' && !country ? aggregates.pairs.find((p) => p.partnerKey === item.key) : undefined;
    titleIsData = !country;
    title = item.kind === 'inst' ? index.institutions.get(item.id)?.name[dataLang(lang)] ?? item.id
      : country ? countryName(key, lang) : pair ? partnerName(partnerOfPair(index, aggregates, pair), lang) : item.key;
  }
  return (
    <div className="tooltip" style={{ left: x, top: y }} aria-hidden="true">
      <div className="tooltip-title" lang={titleIsData ? dataTextLang(lang) : undefined}>{title}</div>
      <div>{tallyWords(t, n, w, lang)}</div>
    </div>
  );
}
