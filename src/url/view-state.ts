/**
 * The view as one plain, serialisable object, and its URL form. The URL is a public contract:
 * embedding sites and shared links depend on these names, so keys are never renamed without a
 * migration (see MIGRATIONS), bad values fall back to defaults, and only non-defaults are written.
 *
 * | key     | values                       | default | meaning                                        |
 * |---------|------------------------------|---------|------------------------------------------------|
 * | lang    | en, zh, ar, ru               | en      | interface language (data text: en or zh; ar/ru show it in English) |
 * | mode    | upto, in, range              | upto    | links up to / in the year, or in a range       |
 * | year    | the dataset's years (2015–2025 for the bundled data) | its last | the window's last year  |
 * | from    | the dataset's years          | its first | the window's first year (mode=range only)    |
 * | undated | 1, 0                         | 0       | draw links with no date bound (never counted)  |
 * | planned | 1, 0                         | 0       | draw planned links (counted apart)             |
 * | sel     | arc:INST~PARTNER, inst:ID, partner:KEY, prog:ID | none | the item whose details are open |
 * | data    | a same-origin folder path    | data    | where the dataset is read from (a folder of the four JSON files) |
 * | view    | map, table, sources          | map     | which view is shown                            |
 * | at      | LON,LAT,ZOOM                 | fitted  | the map's centre and zoom                      |
 * | cat, type, inst, country, partner  | comma-separated ids | none | filters (any of the listed) |
 * | prog, source | one id                 | none    | filter to a programme / a source document      |
 * | scope   | international, domestic      | both    | filter by partner abroad or in China           |
 * | online  | 1, 0                         | both    | online (or hybrid) links, or the others        |
 * | status  | planned, agreed, active, completed, ended, unknown (comma-separated) | any | the link's status (any of the listed) |
 * | evidence | partner, stated, multi (comma-separated) | none | evidence strength: every listed criterion holds |
 * | story   | a step number, 1-based       | none    | the guided story open at this step (data/story.json) |
 * | present | 1, 0                         | 0       | presenter mode: large type, keys from anywhere, arcs framed |
 * | theme   | dark, light                  | dark    | presenter mode's high-contrast theme           |
 * | autoplay | 1, 0                        | 0       | the timeline plays on load (steps without animation under reduced motion) |
 * | embed   | 1, 0                         | 0       | embed mode: minimal chrome for an iframe (src/embed/) |
 * | host    | origins, comma-separated     | none    | embed: the origins whose `atlas:set` it accepts (else its parent window only) |
 *
 * Values are bounded: a list keeps at most MAX_LIST well-formed ids, an id at most MAX_ID
 * characters; a repeated key counts once (its first value). Ids the dataset does not know are
 * dropped once the data is loaded (facets.ts knownFilters), so they are not written back.
 */
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR, YEAR_LIMITS } from '../domain/dates.ts';
import { NO_FILTERS, isCategory, isEvidenceOption, isLinkStatus, isLinkType, type Filters } from '../domain/filters.ts';
import type { EvidenceOption } from '../domain/evidence-strength.ts';
import type { Category } from '../domain/categories.ts';
import type { LinkStatus, LinkType } from '../domain/schema.ts';
import { formatOrigins, parseOrigins } from '../embed/origins.ts';

export type { Lang } from '../domain/dates.ts';
import type { Lang } from '../domain/dates.ts';
export type TimelineMode = 'upto' | 'in' | 'range';
export type ViewName = 'map' | 'table' | 'sources';
/** Presenter mode's high-contrast themes. */
export type PresentTheme = 'dark' | 'light';

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
  /**
   * The story step open (1-based, as the URL writes it), or null when no story is open. Any whole
   * number is kept, so that `?story=99` can say there is no such step instead of ignoring it.
   */
  story: number | null;
  /** Presenter mode: large type, presenter keys wherever focus is, every drawn arc framed. */
  present: boolean;
  /** Presenter mode's theme (ignored outside it). */
  theme: PresentTheme;
  /** The timeline starts playing when the page opens. */
  autoplay: boolean;
  /** Embed mode (`embed=1`): minimal chrome, no history entries, messages to the parent window. */
  embed: boolean;
  /** Embed mode: the origins (`host=`) whose `atlas:set` messages are accepted; none: the parent window only. */
  hosts: readonly string[];
}

export const DEFAULT_VIEW: Readonly<ViewState> = {
  lang: 'en',
  mode: 'upto',
  // The shown dataset's last and first year (live: dates.ts setTimelineSpan); 2025 and 2015 for the bundled data.
  get year() { return TIMELINE_LAST_YEAR; },
  get from() { return TIMELINE_FIRST_YEAR; },
  includeUndated: false,
  includePlanned: false,
  selection: null,
  dataPath: 'data',
  view: 'map',
  filters: NO_FILTERS,
  camera: null,
  story: null,
  present: false,
  theme: 'dark',
  autoplay: false,
  embed: false,
  hosts: [],
};

/** At most this many options per filter key, and characters per id: nothing unbounded is kept. */
export const MAX_LIST = 50;
export const MAX_ID = 80;

/** Renamed or retired keys: old links keep working. Applied before parsing. */
const MIGRATIONS: { from: string; to: string }[] = [];

/**
 * The URL is read before the data is loaded, and a dataset of one's own (data=) may span more years
 * than the bundled one: a year is kept within the widest timeline any dataset can have, and
 * clampViewToSpan narrows it to the dataset's own once it is loaded.
 */
const clampYear = (y: number) => Math.min(YEAR_LIMITS.last, Math.max(YEAR_LIMITS.first, y));

/** The view with its years inside the shown dataset's timeline (the same object when they already are). */
export function clampViewToSpan<V extends Pick<ViewState, 'year' | 'from'>>(v: V, span: { first: number; last: number }): V {
  const inside = (y: number) => Math.min(span.last, Math.max(span.first, y));
  if (inside(v.year) === v.year && inside(v.from) === v.from) return v;
  return { ...v, year: inside(v.year), from: inside(v.from) };
}

function parseYear(raw: string | null): number | null {
  if (raw === null || !/^\s*-?\d+\s*$/.test(raw)) return null;
  return clampYear(Number(raw));
}

/** Same-origin relative folder only: letters, digits, `-`, `_`, `/`; no `..`, no scheme, no host. */
export function isSafeDataPath(s: string): boolean {
  return /^[a-z0-9][a-z0-9_/-]{0,120}$/i.test(s) && !s.includes('..') && !s.includes('//');
}

const SELECTION = /^(arc:[a-z0-9-]+~[A-Za-z0-9-]+|inst:[a-z0-9-]+|partner:[A-Za-z0-9-]+|prog:[a-z0-9-]+)$/;
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
  // A year before the shown span's first (a dataset of one's own may reach back further) keeps from ≤ year.
  else if (v.from > v.year) v.from = v.year;
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
  const story = params.get('story');
  // A whole number, bounded; anything else is malformed and, like every other key, falls back to none.
  if (story !== null && /^\s*-?\d{1,4}\s*$/.test(story)) v.story = Number(story);
  const flag = (key: string) => { const x = params.get(key); return x === '1' || x === 'true'; };
  v.present = flag('present');
  const theme = params.get('theme')?.toLowerCase();
  if (theme === 'dark' || theme === 'light') v.theme = theme;
  v.autoplay = flag('autoplay');
  const embed = params.get('embed');
  v.embed = embed === '1' || embed === 'true';
  v.hosts = parseOrigins(params.get('host'));
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
  if (v.story !== null) params.set('story', String(v.story));
  if (v.present) params.set('present', '1');
  if (v.theme !== DEFAULT_VIEW.theme) params.set('theme', v.theme);
  if (v.autoplay) params.set('autoplay', '1');
  if (v.embed) params.set('embed', '1');
  if (v.hosts.length) params.set('host', formatOrigins(v.hosts));
  // Commas in lists and the camera read better unescaped; URLSearchParams escapes them.
  return params.toString().replaceAll('%2C', ',');
}

/** A change to part of the view: only the keys given, the filters given merged into the current ones. */
export type ViewPatch = Partial<Omit<ViewState, 'filters' | 'dataPath' | 'embed' | 'hosts'>> & { filters?: Partial<Filters> };

/** The URL keys a patch may set: the view, not the dataset or the embedding. */
export const PATCH_KEYS = [
  'lang', 'mode', 'year', 'from', 'undated', 'planned', 'sel', 'view', 'at',
  'cat', 'type', 'inst', 'country', 'partner', 'prog', 'scope', 'online', 'source', 'status', 'evidence',
] as const;

/**
 * URL query → the keys it sets, each parsed as parseViewState parses it. Unlike a page load, a
 * malformed value is left out rather than reset to its default: a key given with nothing valid in
 * it changes nothing. An empty value (`sel=`, `country=`, `at=`) clears the key to its default.
 */
export function parseViewPatch(params: URLSearchParams): ViewPatch {
  const patch: ViewPatch = {};
  // Parsed alone, each key falls back to its default when malformed; this tells the two apart.
  const alone = (key: string, raw: string) => parseViewState(`${key}=${encodeURIComponent(raw)}${key === 'from' ? '&mode=range' : ''}`);
  const reads = (key: string, raw: string) => serializeViewState(alone(key, raw)).split('&').some((kv) => kv.split('=')[0] === key);
  for (const key of PATCH_KEYS) {
    const raw = params.get(key);
    if (raw === null) continue;
    const empty = raw.trim() === '';
    const v = alone(key, raw);
    // A value equal to the default writes nothing back; it is valid when it reads as the default's own text.
    const valid = empty || reads(key, raw) || DEFAULT_TEXT[key]?.(raw.trim()) === true;
    if (!valid) continue;
    switch (key) {
      case 'lang': patch.lang = v.lang; break;
      case 'mode': patch.mode = v.mode; break;
      case 'year': if (!empty) patch.year = v.year; break;
      case 'from': if (!empty) patch.from = v.from; break;
      case 'undated': patch.includeUndated = v.includeUndated; break;
      case 'planned': patch.includePlanned = v.includePlanned; break;
      case 'sel': patch.selection = v.selection; break;
      case 'view': patch.view = v.view; break;
      case 'at': patch.camera = v.camera; break;
      default: patch.filters = { ...patch.filters, [key]: v.filters[key] };
    }
  }
  return patch;
}

/** The texts that mean a key's default (and so write nothing back), per key. */
const DEFAULT_TEXT: Partial<Record<(typeof PATCH_KEYS)[number], (raw: string) => boolean>> = {
  lang: (s) => s.toLowerCase() === 'en',
  mode: (s) => s === 'upto',
  year: (s) => /^-?\d+$/.test(s),
  from: (s) => /^-?\d+$/.test(s),
  undated: (s) => s === '0' || s === 'false',
  planned: (s) => s === '0' || s === 'false',
  view: (s) => s === 'map',
};

/** The view with a patch applied, normalised as a reload would read it (a range's ends in order). */
export function applyViewPatch(v: ViewState, patch: ViewPatch): ViewState {
  const next: ViewState = { ...v, ...patch, filters: { ...v.filters, ...patch.filters } };
  if (next.mode === 'range' && next.from > next.year) [next.from, next.year] = [next.year, next.from];
  return next;
}

/**
 * The window of years a view shows, inclusive. "Up to" has no first year (−Infinity): a link
 * certainly by the year counts however early it happened.
 */
export function viewWindow(v: Pick<ViewState, 'mode' | 'year' | 'from' | 'includeUndated'> & { includePlanned?: boolean }): { from: number; to: number; includeUndated: boolean; includePlanned: boolean } {
  const from = v.mode === 'upto' ? Number.NEGATIVE_INFINITY : v.mode === 'in' ? v.year : v.from;
  return { from, to: v.year, includeUndated: v.includeUndated, includePlanned: v.includePlanned ?? false };
}
