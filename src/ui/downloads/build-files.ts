/** The three downloads' contents, built from the links shown: the same rows as data:export. */
import type { TFunction } from 'i18next';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Link } from '../../domain/schema.ts';
import { exportLinks } from '../../domain/export-formats.ts';
import { distinctSources } from '../../domain/evidence.ts';
import { CATEGORIES } from '../../domain/categories.ts';
import { CATEGORY_COLOR } from '../../style/palette.ts';
import type { LegendEntry, PosterTexts } from './poster-layout.ts';
import type { Lang } from '../../domain/dates.ts';

/** CSV with the byte-order mark spreadsheets need for the Chinese columns. */
export function csvBlob(index: DatasetIndex, links: readonly Link[]): Blob {
  return new Blob([exportLinks(index, 'csv', links, { bom: true })], { type: 'text/csv;charset=utf-8' });
}

/** GeoJSON (RFC 7946) of the links and the points they join. */
export function geoJsonBlob(index: DatasetIndex, links: readonly Link[]): Blob {
  return new Blob([exportLinks(index, 'geojson', links)], { type: 'application/geo+json' });
}

/** The legend as on the page: seven categories, the dashed domestic line, the group ring. */
export function legendEntries(t: TFunction): LegendEntry[] {
  return [
    ...CATEGORIES.map((c): LegendEntry => ({ kind: 'colour', colour: CATEGORY_COLOR[c], label: t(`category.${c}`) })),
    { kind: 'dashed', label: t('legend.domestic') },
    { kind: 'ring', label: t('legend.group') },
  ];
}

/** Every word on the PNG, in the current language. */
export function posterTexts(t: TFunction, lang: Lang, links: readonly Link[], windowLabel: string, filterSentence: string): PosterTexts {
  const width = t('legend.width'), direction = t('legend.direction');
  return {
    title: t('app.title'),
    window: `${windowLabel} · ${t('download.links', { count: links.length })}`,
    filters: filterSentence,
    legendTitle: t('legend.title'),
    legend: legendEntries(t),
    // Chinese sentences join with full-width punctuation and no space.
    legendNote: lang === 'zh' ? `${width}；${direction}。` : lang === 'ar' ? `${width}؛ ${direction}.` : `${width}. ${direction}.`,
    sources: t('download.sources', { count: distinctSources(links).length }),
    credit: `${t('app.title')} · Natural Earth · MapLibre`,
  };
}
