/**
 * The view as one plain, serialisable object, and its URL form. The URL is a public contract:
 * embedding sites and shared links depend on these names, so keys are never renamed without a
 * migration (see MIGRATIONS), bad values fall back to defaults, and only non-defaults are written.
 *
 * | key     | values                       | default | meaning                                        |
 * |---------|------------------------------|---------|------------------------------------------------|
 * | lang    | en, zh, ar, ru               | en      | interface language (data text: en or zh; ar/ru show it in English) |
 * | mode    | upto, in, range              | upto    | links up to / in the year, or in a range       |
 * | year    | 2015–2025                    | 2025    | the window's last year                         |
 * | from    | 2015–2025                    | 2015    | the window's first year (mode=range only)      |
 * | undated | 1, 0                         | 0       | draw links with no date bound (never counted)  |
 * | planned | 1, 0                         | 0       | draw planned links (counted apart)             |
 * | sel     | arc:INST~PARTNER, inst:ID, partner:KEY | none | the item whose details are open     |
 * | data    | a same-origin folder path    | data    | where the dataset is read from (benchmarks)    |
 * | view    | map, table, sources          | map     | which view is shown                            |
 * | at      | LON,LAT,ZOOM                 | fitted  | the map's centre and zoom                      |
 * | cat, type, inst, country, partner  | comma-separated ids | none | filters (any of the listed) |
 * | prog, source | one id                 | none    | filter to a programme / a source document      |
 * | scope   | international, domestic      | both    | filter by partner abroad or in China           |
 * | online  | 1, 0                         | both    | online (or hybrid) links, or the others        |
 * | status  | planned, agreed, active, completed, ended, unknown (comma-separated) | any | the link's status (any of the listed) |
 * | evidence | partner, stated, multi (comma-separated) | none | evidence strength: every listed criterion holds |
 *
 * Values are bounded: a list keeps at most MAX_LIST well-formed ids, an id at most MAX_ID
 * characters; a repeated key counts once (its first value). Ids the dataset does not know are
 * dropped once the data is loaded (facets.ts knownFilters), so they are not written back.
 */
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR } from '../domain/dates.ts';
import { NO_FILTERS, isCategory, isEvidenceOption, isLinkStatus, isLinkType, type Filters } from '../domain/filters.ts';
import type { EvidenceOption } from '../domain/evidence-strength.ts';
import type { Category } from '../domain/categories.ts';
import type { LinkStatus, LinkType } from '../domain/schema.ts';

export type { Lang } from '../domain/dates.ts';
import type { Lang } from '../domain/dates.ts';
export type TimelineMode = 'upto' | 'in' | 'range';
export type ViewName = 'map' | 'table' | 'sources';

/** The map's camera: centre and zoom. */
export interface Camera {
  lon: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  lang: Lang;
  mode: TimelineMode;
  /** Last year of the window (the handle in upto/in mode). */
  year: number;
  /** First year of the window; used only in range mode. */
  from: number;
  includeUndated: boolean;
  includePlanned: boolean;
  /** What the details panel shows: `arc:INST~PARTNER`, `inst:ID` or `partner:KEY`; null when closed. */
  selection: string | null;
  /** Folder the dataset is fetched from, relative to the page. */
  dataPath: string;
  view: ViewName;
  filters: Filters;
  /** null: the map fits its first view to the screen. */
  camera: Camera | null;
}

export const DEFAULT_VIEW: Readonly<ViewState> = {
  lang: 'en',
  mode: 'upto',
  year: TIMELINE_LAST_YEAR,
  from: TIMELINE_FIRST_YEAR,
  includeUndated: false,
  includePlanned: false,
  selection: null,
  dataPath: 'data',
  view: 'map',
  filters: NO_FILTERS,
  camera: null,
};

/** At most this many options per filter key, and characters per id: nothing unbounded is kept. */
export const MAX_LIST = 50;
export const MAX_ID = 80;

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
const RECORD_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO3 = /^[A-Z]{3}$/;

/** A comma-separated list of ids: well-formed ones only, each once, at most MAX_LIST. */
function parseList(raw: string | null, ok: (s: string) => boolean): string[] {
  if (!raw) return [];
  const out: string[] = [];
  // Only the first MAX_LIST × (MAX_ID + 1) characters can hold MAX_LIST ids: a 100 KB value costs no more.
  for (const part of raw.slice(0, MAX_LIST * (MAX_ID + 1)).split(',')) {
    const s = part.trim();
    if (s.length <= MAX_ID && ok(s) && !out.includes(s)) out.push(s);
    if (out.length >= MAX_LIST) break;
  }
  return out;
}

const isRecordId = (s: string) => RECORD_ID.test(s);
const isPartnerRef = (s: string) => ISO3.test(s) || RECORD_ID.test(s);

function parseFilters(params: URLSearchParams): Filters {
  const one = (key: string, ok: (s: string) => boolean) => parseList(params.get(key), ok)[0] ?? null;
  const scope = params.get('scope');
  const online = params.get('online');
  return {
    cat: parseList(params.get('cat'), isCategory) as Category[],
    type: parseList(params.get('type'), isLinkType) as LinkType[],
    inst: parseList(params.get('inst'), isRecordId),
    country: parseList(params.get('country')?.toUpperCase() ?? null, (s) => ISO3.test(s)),
    partner: parseList(params.get('partner'), isPartnerRef),
    prog: one('prog', isRecordId),
    scope: scope === 'international' || scope === 'domestic' ? scope : null,
    online: online === '1' ? true : online === '0' ? false : null,
    source: one('source', isRecordId),
    status: parseList(params.get('status'), isLinkStatus) as LinkStatus[],
    evidence: parseList(params.get('evidence'), isEvidenceOption) as EvidenceOption[],
  };
}

/** `at=LON,LAT,ZOOM`: finite numbers, clamped to the map's range. */
function parseCamera(raw: string | null): Camera | null {
  if (!raw || raw.length > 64) return null;
  const parts = raw.split(',');
  if (parts.length !== 3 || !parts.every((p) => /^\s*-?\d+(\.\d+)?\s*$/.test(p))) return null;
  const [lon, lat, zoom] = parts.map(Number) as [number, number, number];
  return normalizeCamera({ lon, lat, zoom });
}

/**
 * A camera as the URL keeps it: longitude wrapped into ±180 (past it is the same place on a
 * wrapped world), latitude and zoom clamped to the map's range, rounded so a reload does not creep.
 * The map reports its camera through this too, so what it writes is what a reload reads.
 */
export function normalizeCamera(c: Camera): Camera {
  const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
  const wrapped = ((((c.lon + 180) % 360) + 360) % 360) - 180;
  return { lon: round(wrapped, 3), lat: round(clamp(c.lat, -85, 85), 3), zoom: round(clamp(c.zoom, 0, 9), 2) };
}

const round = (x: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0; // + 0 turns -0 into 0
};

/** The camera as `at` writes it (rounded, so a reload does not creep). */
export function formatCamera(c: Camera): string {
  return `${round(c.lon, 3)},${round(c.lat, 3)},${round(c.zoom, 2)}`;
}

/** URL query → view. Anything unknown or malformed falls back to the default for that key. */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  for (const m of MIGRATIONS) {
    const v = params.get(m.from);
    if (v !== null && !params.has(m.to)) params.set(m.to, v);
  }
  const v: ViewState = { ...DEFAULT_VIEW };
  const lang = params.get('lang')?.toLowerCase();
  if (lang === 'en' || lang === 'zh' || lang === 'ar' || lang === 'ru') v.lang = lang;
  else if (lang?.startsWith('zh')) v.lang = 'zh';
  else if (lang?.startsWith('ar-')) v.lang = 'ar';
  else if (lang?.startsWith('ru-')) v.lang = 'ru';
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
  const planned = params.get('planned');
  v.includePlanned = planned === '1' || planned === 'true';
  const sel = params.get('sel');
  if (sel && sel.length <= 2 * MAX_ID + 8 && SELECTION.test(sel)) v.selection = sel;
  const data = params.get('data');
  if (data && isSafeDataPath(data)) v.dataPath = data.replace(/\/$/, '');
  const view = params.get('view');
  if (view === 'map' || view === 'table' || view === 'sources') v.view = view;
  v.filters = parseFilters(params);
  v.camera = parseCamera(params.get('at'));
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
  if (v.includePlanned) params.set('planned', '1');
  if (v.selection) params.set('sel', v.selection);
  if (v.dataPath !== DEFAULT_VIEW.dataPath) params.set('data', v.dataPath);
  if (v.view !== DEFAULT_VIEW.view) params.set('view', v.view);
  const f = v.filters;
  const list = (key: string, xs: readonly string[]) => { if (xs.length) params.set(key, xs.slice(0, MAX_LIST).join(',')); };
  list('cat', f.cat);
  list('type', f.type);
  list('inst', f.inst);
  list('country', f.country);
  list('partner', f.partner);
  if (f.prog) params.set('prog', f.prog);
  if (f.scope) params.set('scope', f.scope);
  if (f.online !== null) params.set('online', f.online ? '1' : '0');
  if (f.source) params.set('source', f.source);
  list('status', f.status);
  list('evidence', f.evidence);
  if (v.camera) params.set('at', formatCamera(v.camera));
  // Commas in lists and the camera read better unescaped; URLSearchParams escapes them.
  return params.toString().replaceAll('%2C', ',');
}

/**
 * The window of years a view shows, inclusive. "Up to" has no first year (−Infinity): a link
 * certainly by the year counts however early it happened.
 */
export function viewWindow(v: Pick<ViewState, 'mode' | 'year' | 'from' | 'includeUndated'> & { includePlanned?: boolean }): { from: number; to: number; includeUndated: boolean; includePlanned: boolean } {
  const from = v.mode === 'upto' ? Number.NEGATIVE_INFINITY : v.mode === 'in' ? v.year : v.from;
  return { from, to: v.year, includeUndated: v.includeUndated, includePlanned: v.includePlanned ?? false };
}
