/**
 * The view as one plain, serialisable object, and its URL form. The URL is a public contract:
 * embedding sites and shared links depend on these names, so keys are never renamed without a
 * migration (see MIGRATIONS), bad values fall back to defaults, and only non-defaults are written.
 *
 * | key     | values                       | default | meaning                                        |
 * |---------|------------------------------|---------|------------------------------------------------|
 * | lang    | en, zh                       | en      | interface and data language                    |
 * | mode    | upto, in, range              | upto    | links up to / in the year, or in a range       |
 * | year    | 2015–2025                    | 2025    | the window's last year                         |
 * | from    | 2015–2025                    | 2015    | the window's first year (mode=range only)      |
 * | undated | 1, 0                         | 0       | include links without a single known year      |
 * | sel     | arc:INST~PARTNER, inst:ID, partner:KEY | none | the item whose details are open     |
 * | data    | a same-origin folder path    | data    | where the dataset is read from (benchmarks)    |
 */
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR } from '../domain/dates.ts';

export type Lang = 'en' | 'zh';
export type TimelineMode = 'upto' | 'in' | 'range';

export interface ViewState {
  lang: Lang;
  mode: TimelineMode;
  /** Last year of the window (the handle in upto/in mode). */
  year: number;
  /** First year of the window; used only in range mode. */
  from: number;
  includeUndated: boolean;
  /** What the details panel shows: `arc:INST~PARTNER`, `inst:ID` or `partner:KEY`; null when closed. */
  selection: string | null;
  /** Folder the dataset is fetched from, relative to the page. */
  dataPath: string;
}

export const DEFAULT_VIEW: Readonly<ViewState> = {
  lang: 'en',
  mode: 'upto',
  year: TIMELINE_LAST_YEAR,
  from: TIMELINE_FIRST_YEAR,
  includeUndated: false,
  selection: null,
  dataPath: 'data',
};

/** Renamed or retired keys: old links keep working. Applied before parsing. */
const MIGRATIONS: { from: string; to: string }[] = [];

const clampYear = (y: number) => Math.min(TIMELINE_LAST_YEAR, Math.max(TIMELINE_FIRST_YEAR, y));

function parseYear(raw: string | null): number | null {
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return null;
  return clampYear(Number(raw));
}

/** Same-origin relative folder only: letters, digits, `-`, `_`, `/`; no `..`, no scheme, no host. */
export function isSafeDataPath(s: string): boolean {
  return /^[a-z0-9][a-z0-9_/-]{0,120}$/i.test(s) && !s.includes('..') && !s.includes('//');
}

const SELECTION = /^(arc:[a-z0-9-]+~[A-Za-z0-9-]+|inst:[a-z0-9-]+|partner:[A-Za-z0-9-]+)$/;

/** URL query → view. Anything unknown or malformed falls back to the default for that key. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  for (const m of MIGRATIONS) {
    const v = params.get(m.from);
    if (v !== null && !params.has(m.to)) params.set(m.to, v);
  }
  const v: ViewState = { ...DEFAULT_VIEW };
  const lang = params.get('lang')?.toLowerCase();
  if (lang === 'en' || lang === 'zh') v.lang = lang;
  else if (lang?.startsWith('zh')) v.lang = 'zh';
  const mode = params.get('mode');
  if (mode === 'upto' || mode === 'in' || mode === 'range') v.mode = mode;
  v.year = parseYear(params.get('year')) ?? DEFAULT_VIEW.year;
  const from = parseYear(params.get('from'));
  if (v.mode === 'range') {
    v.from = from ?? DEFAULT_VIEW.from;
    if (v.from > v.year) [v.from, v.year] = [v.year, v.from];
  }
  const undated = params.get('undated');
  v.includeUndated = undated === '1' || undated === 'true';
  const sel = params.get('sel');
  if (sel && SELECTION.test(sel)) v.selection = sel;
  const data = params.get('data');
  if (data && isSafeDataPath(data)) v.dataPath = data.replace(/\/$/, '');
  return v;
}

/** View → URL query (without `?`), writing only what differs from the defaults, in a stable order. */
export function serializeViewState(v: ViewState): string {
  const params = new URLSearchParams();
  if (v.lang !== DEFAULT_VIEW.lang) params.set('lang', v.lang);
  if (v.mode !== DEFAULT_VIEW.mode) params.set('mode', v.mode);
  if (v.year !== DEFAULT_VIEW.year) params.set('year', String(v.year));
  if (v.mode === 'range' && v.from !== DEFAULT_VIEW.from) params.set('from', String(v.from));
  if (v.includeUndated) params.set('undated', '1');
  if (v.selection) params.set('sel', v.selection);
  if (v.dataPath !== DEFAULT_VIEW.dataPath) params.set('data', v.dataPath);
  return params.toString();
}

/** The window of years a view shows, inclusive. */
export function viewWindow(v: Pick<ViewState, 'mode' | 'year' | 'from' | 'includeUndated'>): { from: number; to: number; includeUndated: boolean } {
  const from = v.mode === 'upto' ? TIMELINE_FIRST_YEAR : v.mode === 'in' ? v.year : v.from;
  return { from, to: v.year, includeUndated: v.includeUndated };
}
