/**
 * The table view: every link the filters and the time window let through, one row each, sortable
 * by any column; a row opens its link's panel (and its arc). It is also the map's text
 * alternative. Sorting is over all links once per sort change; a filter or year change then only
 * picks the shown ones in that order (O(links), no re-sort), so the timeline stays cheap here too.
 */
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { LinksViewProps } from '../explore-types.ts';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Lang } from '../../url/view-state.ts';
import { formatDate } from '../../domain/dates.ts';
import { buildLinkRow, DEFAULT_LINK_SORT, LINK_COLUMNS, sortLinkRows, type LinkColumn, type LinkNames, type LinkWords } from '../../domain/link-rows.ts';
import { collatorFor, nextSort, type SortState } from '../../domain/sort-order.ts';
import { evidenceStrength, strengthRank, confirmation } from '../../domain/evidence-strength.ts';
import { evidenceShort, linkTimeWords, statusShort } from '../../domain/link-words.ts';
import { formatNumber, formatParticipants } from '../format.ts';
import { VirtualTable, type Column, type RowAttrs } from './VirtualTable.tsx';
import { dataLang } from '../../domain/dates.ts';
import { dataTextLang, listSep, partnerName, partnerNameLang } from '../format.ts';

/** Row height in px: two lines of text, and a touch target of at least 44 px. */
const ROW_HEIGHT = 48;

const WIDTHS: Record<LinkColumn, string> = {
  date: '10%', status: '10%', institution: '15%', partner: '14%', type: '11%', participants: '11%', evidence: '14%', sources: '15%',
};

/** Names in the interface language; type labels are worked out once per combination of types. */
function linkNames(index: DatasetIndex, lang: Lang, t: TFunction): LinkNames {
  const typeLabels = new Map<string, string>();
  return {
    institution: (l) => index.institutionOf(l).name[dataLang(lang)],
    partner: (l) => partnerName(index.partnerOf(l), lang),
    // Worked out for every link once per sort by evidence (O(sources of each link)), never per frame.
    evidenceRank: (l) => strengthRank(confirmation(index, l)),
    types: (l) => {
      const key = l.types.join(',');
      let label = typeLabels.get(key);
      if (label === undefined) {
        label = l.types.map((ty) => t(`type.${ty}`)).join(listSep(lang));
        typeLabels.set(key, label);
      }
      return label;
    },
  };
}

/** The links as a sortable, virtualised table; the map's text alternative. */
export default function TableView({ index, counts, links, lang, caption, onOpenLink, selectedPair }: LinksViewProps) {
  const { t } = useTranslation();
  const [sort, setSort] = useState<SortState<LinkColumn>>(DEFAULT_LINK_SORT);
  const all = index.dataset.links;
  const names = useMemo(() => linkNames(index, lang, t), [index, lang, t]);
  // Every link in sort order: only a new sort, language or dataset sorts again.
  const sortedAll = useMemo(
    () => sortLinkRows(Array.from(all, (_, i) => i), all, sort, names, collatorFor(lang)),
    [all, sort, names, lang],
  );
  const rows = useMemo(() => {
    const shown = new Uint8Array(all.length);
    for (const li of links) shown[li] = 1;
    return sortedAll.filter((li) => shown[li] === 1);
  }, [sortedAll, links, all.length]);

  const words: LinkWords = useMemo(() => ({
    ...names,
    date: (l) => formatDate(l.date, lang),
    participants: (p) => formatParticipants(p, lang, (q, value) => t(`qualifier.${q}`, { value })),
    shared: (scope) => t('table.participantsShared', { scope: t(`details.scope_${scope}`) }),
    sources: (count) => t('table.sources', { count, n: formatNumber(count, lang) }),
    status: (l) => statusShort(l, lang),
    time: (l) => linkTimeWords(l, lang, (id) => index.sources.get(id)?.title[dataLang(lang)]),
    evidence: (l) => evidenceShort(evidenceStrength(index, l), lang),
  }), [names, lang, t, index]);

  const columns: Column<LinkColumn>[] = LINK_COLUMNS.map((key) => ({
    key, label: t(`table.columns.${key}`), width: WIDTHS[key], sortable: true,
  }));

  const renderRow = useCallback((pos: number, attrs: RowAttrs) => {
    const li = rows[pos] as number;
    const link = all[li];
    if (!link) return <tr key={`missing-${pos}`} {...attrs} />;
    const r = buildLinkRow(li, link, index.sources, words, dataLang(lang));
    const current = selectedPair !== null && selectedPair !== undefined && counts.pairOfLink[li] === selectedPair;
    const sourcesText = r.firstTitle ? `${r.sources} · ${r.firstTitle}` : r.sources;
    return (
      // The whole row opens the link for pointer users; the partner button is the keyboard's way in.
      <tr key={r.id} {...attrs} data-link={r.id} className="vt-row" aria-current={current ? 'true' : undefined} onClick={() => onOpenLink(li)}>
        <td title={r.date}><div className="vt-clamp">{r.date}</div></td>
        <td title={r.time}><div className="vt-clamp">{r.status}</div></td>
        <td title={r.institution} lang={dataTextLang(lang)}><div className="vt-clamp">{r.institution}</div></td>
        <td>
          <button type="button" className="vt-open" title={`${r.partner} — ${t('table.open')}`}><span lang={partnerNameLang(index.partnerOf(link), lang)}>{r.partner}</span></button>
        </td>
        <td title={r.types}><div className="vt-clamp">{r.types}</div></td>
        <td title={r.participants || undefined}><div className="vt-clamp">{r.participants}</div></td>
        <td title={r.evidence} className={r.inferred ? 'vt-inferred' : undefined}>
          <div className="vt-clamp">{r.inferred && <span className="inferred-mark" aria-hidden="true">≈ </span>}{r.evidence}</div>
        </td>
        <td title={sourcesText}>
          <div className="vt-clamp">{r.sources}{r.firstTitle && <> · <span lang={r.firstTitleLang}>{r.firstTitle}</span></>}</div>
        </td>
      </tr>
    );
  }, [rows, all, index.sources, words, lang, selectedPair, counts.pairOfLink, onOpenLink, t]);

  return (
    <VirtualTable
      id="link-list"
      className="link-table"
      caption={caption}
      hint={dataLang(lang) === lang ? t('table.hint') : `${t('table.hint')} ${t('data.fallbackNote')}`}
      columns={columns}
      sort={sort}
      onSort={(c) => setSort((s) => nextSort(s, c))}
      count={rows.length}
      rowHeight={ROW_HEIGHT}
      renderRow={renderRow}
      minWidth="66rem"
      scrollKey={sortedAll}
    />
  );
}
