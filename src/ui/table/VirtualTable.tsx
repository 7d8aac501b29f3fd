/**
 * A real <table> (caption, column headers, sortable headers) that renders only the rows in view
 * plus a margin, inside a scroll box of fixed height: spacer rows stand in for the rest, so the
 * browser lays out a few dozen rows whether there are a hundred or a hundred thousand.
 * aria-rowcount and aria-rowindex tell screen readers where they are. The row that has focus
 * stays rendered when it scrolls out of the window, so keyboard focus is never lost.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { SortState } from '../../domain/sort-order.ts';
import './table.css';

/** One column: its key, header text, width (CSS) and whether it sorts. */
export interface Column<C extends string> {
  key: C;
  label: string;
  width: string;
  sortable: boolean;
  /** Numbers: aligned to the end. */
  numeric?: boolean;
}

/** Attributes the caller spreads onto each row's <tr>. */
export interface RowAttrs {
  'aria-rowindex': number;
  'data-pos': number;
  style: { height: number };
}

interface Props<C extends string> {
  id?: string;
  className?: string;
  /** What the rows are: the table's caption. */
  caption: ReactNode;
  /** Said after the caption: how to use the table. */
  hint?: string;
  columns: readonly Column<C>[];
  sort: SortState<C>;
  onSort: (column: C) => void;
  /** Number of data rows. */
  count: number;
  /** Every row's height in px (rows never wrap beyond it). */
  rowHeight: number;
  renderRow: (pos: number, attrs: RowAttrs) => ReactElement;
  /** A row to bring into view when its key changes (the active item), not on every re-sort. */
  reveal?: { key: string; pos: number } | null;
  /** Table min-width (CSS): below it the box scrolls sideways. */
  minWidth: string;
  /** When this changes (a new sort, other rows), the box scrolls back to the first row. */
  scrollKey?: unknown;
}

/** Rows rendered beyond the visible ones, above and below. */
const OVERSCAN = 12;

/** The visible range of rows for a scroll position, with the margin. */
function visibleRange(scrollTop: number, bodyTop: number, viewport: number, rowHeight: number, count: number): [number, number] {
  const top = scrollTop - bodyTop;
  const first = Math.max(0, Math.floor(top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((top + viewport) / rowHeight) + OVERSCAN);
  return [first, Math.max(first, last)];
}

/** The table: caption, sortable headers, and the rows in view between spacer rows. */
export function VirtualTable<C extends string>(props: Props<C>) {
  const { id, className, caption, hint, columns, sort, onSort, count, rowHeight, renderRow, reveal, minWidth, scrollKey } = props;
  const box = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const [range, setRange] = useState<[number, number]>(() => [0, Math.min(count, 40)]);
  const [focusPos, setFocusPos] = useState<number | null>(null);

  const measure = useCallback(() => {
    const el = box.current, tb = body.current;
    if (!el || !tb) return;
    const bodyTop = tb.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    const next = visibleRange(el.scrollTop, bodyTop, el.clientHeight, rowHeight, count);
    setRange((r) => (r[0] === next[0] && r[1] === next[1] ? r : next));
  }, [rowHeight, count]);

  useLayoutEffect(measure, [measure]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.addEventListener('scroll', measure, { passive: true });
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => {
      el.removeEventListener('scroll', measure);
      ro.disconnect();
    };
  }, [measure]);

  useEffect(() => {
    if (box.current) box.current.scrollTop = 0;
  }, [scrollKey]);

  // Bring the active row into view when it becomes active (not on every render: the reader may scroll away).
  const revealPos = useRef<number | null>(null);
  revealPos.current = reveal ? reveal.pos : null;
  const revealKey = reveal?.key ?? null;
  useEffect(() => {
    const el = box.current, tb = body.current, pos = revealPos.current;
    if (revealKey === null || pos === null || !el || !tb) return;
    const bodyTop = tb.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop;
    const y = bodyTop + pos * rowHeight;
    if (y < el.scrollTop || y + rowHeight > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, y - el.clientHeight / 3);
  }, [revealKey, rowHeight]);

  const onFocus = (e: React.FocusEvent) => {
    const tr = (e.target as Element).closest('tr[data-pos]');
    if (tr) setFocusPos(Number(tr.getAttribute('data-pos')));
  };
  const onBlur = (e: React.FocusEvent) => {
    if (!body.current?.contains(e.relatedTarget as Node | null)) setFocusPos(null);
  };

  const [first, last] = [Math.min(range[0], count), Math.min(range[1], count)];
  // The focused row and its neighbours stay rendered: Tab and Shift+Tab go on from it even when
  // the reader has scrolled it out of the window.
  const kept = focusPos === null ? [] : [focusPos - 1, focusPos, focusPos + 1].filter((p) => p >= 0 && p < count);
  const shown = [...kept.filter((p) => p < first), ...Array.from({ length: last - first }, (_, i) => first + i), ...kept.filter((p) => p >= last)];

  const rows: ReactElement[] = [];
  let next = 0;
  const spacer = (from: number, to: number) => {
    if (to > from) {
      rows.push(
        <tr key={`gap-${from}`} className="vt-spacer" aria-hidden="true" style={{ height: (to - from) * rowHeight }}>
          <td colSpan={columns.length} />
        </tr>,
      );
    }
  };
  for (const p of shown) {
    spacer(next, p);
    rows.push(renderRow(p, { 'aria-rowindex': p + 2, 'data-pos': p, style: { height: rowHeight } }));
    next = p + 1;
  }
  spacer(next, count);

  return (
    <div className={`vt-wrap ${className ?? ''}`}>
      {/* Shown above the scroll box, so a table wider than a phone never cuts it off; the real
          caption below carries the same words for assistive technology. */}
      <div className="vt-caption" aria-hidden="true">
        <div className="vt-caption-text">{caption}</div>
        {hint && <div className="vt-hint">{hint}</div>}
      </div>
      <div className="vt-box" ref={box}>
        <table id={id} className="vt" aria-rowcount={count + 1} style={{ minWidth }}>
          <caption className="visually-hidden">{caption}{hint && <>. {hint}</>}</caption>
          <colgroup>
            {columns.map((c) => <col key={c.key} style={{ width: c.width }} />)}
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              {columns.map((c) => {
                const dir = sort.column === c.key ? sort.dir : 'none';
                return (
                  <th key={c.key} scope="col" aria-sort={c.sortable ? dir : undefined} className={c.numeric ? 'num' : undefined}>
                    {c.sortable ? (
                      <button type="button" className="vt-sort" onClick={() => onSort(c.key)}>
                        <span className="vt-sort-label">{c.label}</span>
                        <span className="vt-sort-mark" aria-hidden="true">{dir === 'ascending' ? '▲' : dir === 'descending' ? '▼' : '↕'}</span>
                      </button>
                    ) : c.label}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody ref={body} onFocus={onFocus} onBlur={onBlur}>{rows}</tbody>
        </table>
      </div>
    </div>
  );
}
