/**
 * The sources view: every source document, with how many links cite it in the current view and
 * in the whole dataset; narrowed by language, kind and words, sorted by any column. From a source,
 * "Show the links it supports" filters every view to them.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SourcesViewProps } from '../explore-types.ts';
import type { Source } from '../../domain/schema.ts';
import { formatDate } from '../../domain/dates.ts';
import { collatorFor, nextSort, type SortState } from '../../domain/sort-order.ts';
import {
  citationCounts, DEFAULT_SOURCE_SORT, narrowSources, NO_NARROWING, SOURCE_COLUMNS, sortSources, sourceLanguages,
  type SourceColumn, type SourceNames, type SourceNarrowing,
} from '../../domain/source-rows.ts';
import { formatNumber, languageName } from '../format.ts';
import { VirtualTable, type Column, type RowAttrs } from '../table/VirtualTable.tsx';
import { SourceTools } from './SourceTools.tsx';
import { dataLang } from '../../domain/dates.ts';
import { dataTextLang } from '../format.ts';

/** Three lines of text (a title, its translation, the address), and a touch target of at least 44 px. */
const ROW_HEIGHT = 64;

const WIDTHS: Record<SourceColumn | 'action', string> = {
  title: '27%', publisher: '13%', date: '12%', language: '11%', kind: '9%', inView: '8%', inAll: '7%', action: '13%',
};

/** Every source document, its citing links, narrowing and sorting, and the filter to its links. */
export default function SourcesView({ index, links, lang, activeSource, onFilterSource }: SourcesViewProps) {
  const { t } = useTranslation();
  const { sources, links: allLinks } = index.dataset;
  const [sort, setSort] = useState<SortState<SourceColumn>>(DEFAULT_SOURCE_SORT);
  const [narrowing, setNarrowing] = useState<SourceNarrowing>(NO_NARROWING);
  const n = (x: number) => formatNumber(x, lang);

  const inAll = useMemo(() => citationCounts(sources, allLinks, null), [sources, allLinks]);
  const inView = useMemo(() => citationCounts(sources, allLinks, links), [sources, allLinks, links]);
  const languages = useMemo(() => {
    const codes = sourceLanguages(sources);
    const named = new Map(codes.map((c) => [c, languageName(c, lang)]));
    return { named, codes: codes.sort((a, b) => collatorFor(lang).compare(named.get(a) ?? a, named.get(b) ?? b)) };
  }, [sources, lang]);
  const names: SourceNames = useMemo(() => ({
    publisher: (s) => s.publisher?.[dataLang(lang)] ?? '',
    language: (s) => languages.named.get(s.language) ?? s.language,
    kind: (s) => t(`about.kindName_${s.kind}`),
  }), [lang, languages, t]);

  const rows = useMemo(
    () => sortSources(narrowSources(sources, narrowing), sources, sort, names, { inView, inAll }, collatorFor(lang)),
    [sources, narrowing, sort, names, inView, inAll, lang],
  );
  const activePos = activeSource ? rows.findIndex((i) => sources[i]?.id === activeSource) : -1;
  const active = activeSource ? index.sources.get(activeSource) : undefined;

  const columns: Column<SourceColumn | 'action'>[] = [
    ...SOURCE_COLUMNS.map((key) => ({
      key, label: t(`sourcesView.columns.${key}`), width: WIDTHS[key], sortable: true, numeric: key === 'inView' || key === 'inAll',
    })),
    { key: 'action' as const, label: t('sourcesView.columns.action'), width: WIDTHS.action, sortable: false },
  ];

  const renderRow = useCallback((pos: number, attrs: RowAttrs) => {
    const s = sources[rows[pos] as number] as Source;
    const si = rows[pos] as number;
    const isActive = s.id === activeSource;
    const translated = s.title[dataLang(lang)];
    const publisher = s.publisher?.[dataLang(lang)];
    const date = formatDate(s.published, lang);
    const all = inAll[si] as number;
    return (
      <tr key={s.id} {...attrs} data-source={s.id} aria-current={isActive ? 'true' : undefined}>
        <td>
          <div className="vt-lines" title={translated !== s.title.original ? `${s.title.original}\n${translated}` : s.title.original}>
            <cite className="vt-line" lang={s.language}>{s.title.original}</cite>
            {translated !== s.title.original && <span className="vt-line vt-sub" lang={dataTextLang(lang)}>{translated}</span>}
          </div>
          <span className="vt-line" title={s.url ?? t('sourcesView.seedFile', { file: s.file ?? '' })}>
            {s.url ? <a href={s.url} target="_blank" rel="noopener noreferrer">{s.url.replace(/^https?:\/\/(www\.)?/, '')}</a>
              : s.file ? <code>{s.file}</code> : null}
          </span>
        </td>
        <td title={publisher} lang={publisher ? dataTextLang(lang) : undefined}><div className="vt-clamp">{publisher ?? <span className="muted">{t('details.publisherUnknown')}</span>}</div></td>
        <td title={date}><div className="vt-clamp">{date}</div></td>
        <td><div className="vt-clamp">{languages.named.get(s.language) ?? s.language}</div></td>
        <td title={t(`details.sourceKind_${s.kind}`)}><div className="vt-clamp">{t(`about.kindName_${s.kind}`)}</div></td>
        <td className="num">{n(inView[si] as number)}</td>
        <td className="num">{n(all)}</td>
        <td>
          {isActive ? (
            <button type="button" className="sv-action" onClick={() => onFilterSource(null)}>{t('sourcesView.clear')}</button>
          ) : all > 0 ? (
            <button type="button" className="sv-action" onClick={() => onFilterSource(s.id)}>{t('sourcesView.showLinks', { count: all, n: n(all) })}</button>
          ) : <span className="muted">{t('sourcesView.noLinks')}</span>}
        </td>
      </tr>
    );
  }, [sources, rows, activeSource, lang, inAll, inView, languages, onFilterSource, t]);

  return (
    <div className="sources-view">
      <SourceTools narrowing={narrowing} onChange={setNarrowing} languages={languages.codes} languageName={(c) => languages.named.get(c) ?? c} />
      {active && (
        <div className="sv-active" role="status">
          <p>{t('sourcesView.active', { title: active.title[dataLang(lang)] })}</p>
          <button type="button" onClick={() => onFilterSource(null)}>{t('sourcesView.clear')}</button>
        </div>
      )}
      <VirtualTable
        id="source-table"
        caption={t('sourcesView.caption', { count: rows.length, n: n(rows.length), total: n(sources.length) })}
        hint={dataLang(lang) === lang ? t('sourcesView.hint') : `${t('sourcesView.hint')} ${t('data.fallbackNote')}`}
        columns={columns}
        sort={sort}
        onSort={(c) => { if (c !== 'action') setSort((s) => nextSort(s, c)); }}
        count={rows.length}
        rowHeight={ROW_HEIGHT}
        renderRow={renderRow}
        reveal={activeSource && activePos >= 0 ? { key: activeSource, pos: activePos } : null}
        minWidth="52rem"
        scrollKey={`${sort.column}:${sort.dir}`}
      />
      {rows.length === 0 && <p className="muted">{t('sourcesView.none')}</p>}
    </div>
  );
}
