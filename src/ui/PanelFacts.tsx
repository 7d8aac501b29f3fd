/** What kind of thing the panel is about and how exactly it is placed on the map. */
import { useTranslation } from 'react-i18next';
import type { Aggregates, Pair } from '../domain/aggregate.ts';
import { partnerOfPair } from '../domain/aggregate.ts';
import type { DatasetIndex, ResolvedPartner } from '../domain/dataset-index.ts';
import { countryName } from '../domain/countries.ts';
import { isCountryRef } from '../domain/schema-values.ts';
import { subjectPairs } from '../domain/panel-rows.ts';
import type { Lang } from '../url/view-state.ts';
import type { Selected } from './selection.ts';
import { dataTextLang, languageName } from './format.ts';
import { dataLang } from '../domain/dates.ts';

/**
 * A partner by its key. A country is drawn when the map has a place for it: an arc to the
 * country itself ends at its anchor, and one to its institutions at theirs.
 */
export function partnerByKey(index: DatasetIndex, a: Aggregates, key: string): ResolvedPartner | undefined {
  if (isCountryRef(key)) {
    const placed = subjectPairs(a, { kind: 'partner', key }).find((p) => p.to);
    const own = a.pairs.find((p) => p.partnerKey === key);
    return {
      key, kind: 'country', iso3: key, name: { en: countryName(key, 'en'), zh: countryName(key, 'zh') },
      ...(own?.to ? { point: own.to, pointBasis: 'country-anchor' as const } : placed?.to ? { point: placed.to } : {}),
    };
  }
  const pair = a.pairs.find((p) => p.partnerKey === key);
  return pair ? partnerOfPair(index, a, pair) : undefined;
}

export function PanelFacts({ selected, index, aggregates, lang }: { selected: Selected; index: DatasetIndex; aggregates: Aggregates; lang: Lang }) {
  const { t } = useTranslation();
  if (selected.kind === 'prog') return null;
  if (selected.kind === 'inst') {
    const inst = index.institutions.get(selected.id);
    if (!inst) return null;
    return (
      <p className="details-facts">
        {t(`institutionKind.${inst.kind}`)} · <span lang={dataTextLang(lang)}>{inst.city[dataLang(lang)]}</span> · {t(`details.pointPrecision_${inst.precision}`)}
        {inst.note && <><br /><span lang={dataTextLang(lang)}>{inst.note[dataLang(lang)]}</span></>}
      </p>
    );
  }
  const partner = selected.kind === 'partner' ? partnerByKey(index, aggregates, selected.key)
    : aggregates.pairs[selected.pair] && partnerOfPair(index, aggregates, aggregates.pairs[selected.pair] as Pair);
  if (!partner) return null;
  const record = index.partners.get(partner.key);
  return (
    <p className="details-facts">
      {t(`partnerKind.${partner.kind}`)}
      {partner.kind === 'group' && <> · {partner.count ? t('details.groupCount', { count: partner.count }) : t('details.groupNoCount')}</>}
      {!partner.point && <> · {t('details.noPlace')}</>}
      {record?.kind === 'institution' && <> · {countryName(record.country, lang)}</>}
      {partner.kind === 'institution' && partner.pointBasis === 'country-anchor' && <> · {t('details.countryAnchor')}</>}
      {record?.kind === 'institution' && record.originalName && (
        <><br />{t('details.originalName', { language: languageName(record.originalName.language, lang) })}: <span lang={record.originalName.language}>{record.originalName.text}</span></>
      )}
      {record?.note && <><br /><span lang={dataTextLang(lang)}>{record.note[dataLang(lang)]}</span></>}
    </p>
  );
}
