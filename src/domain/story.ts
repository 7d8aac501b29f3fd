/**
 * The guided story (`data/story.json`): a few steps through the data, each a view of the atlas
 * with a caption in both languages that cites the sources it is told from. A step's view is
 * written as URL parameters (the public contract of src/url/view-state.ts), so a step is a
 * shareable view and a shared view can become a step. `checkStory` finds what the schema cannot:
 * ids the dataset does not know, parameters the URL would silently drop or clamp, a step that
 * shows no link (a step must show what it talks about), citations that none of the step's links
 * rest on, and captions that copy their seed source. Pure: the caller reads the files.
 */
import { z } from 'zod';
import { Bilingual, Id, type Source } from './schema.ts';
import type { DatasetIndex } from './dataset-index.ts';
import { countLinks, summarize, type Aggregates } from './aggregate.ts';
import { buildFacets, filterMask, type Facets } from './facets.ts';
import { FILTER_DIMENSIONS, chosen, isFiltered, type FilterDimension } from './filters.ts';
import type { Problem } from './validate.ts';
import { TIMELINE_FIRST_YEAR, TIMELINE_LAST_YEAR } from './dates.ts';
import { findCopiedRuns, type NamesIndex } from './copy-check.ts';
import { DEFAULT_VIEW, normalizeCamera, parseViewState, serializeViewState, viewWindow, type Camera, type ViewState } from '../url/view-state.ts';
import { selectionFromString } from '../ui/selection.ts';

export const STORY_FILE = 'story.json';

/** A source and the paragraph (¶N, as the links' locators count them) a caption rests on. */
export const StoryCite = z.strictObject({ source: Id, para: z.number().int().min(1, 'must be a paragraph number from 1') });

/**
 * Where the map goes: `frame: "shown"` frames the arcs the step draws (whatever the screen), `at`
 * flies to a fixed centre and zoom (`LON,LAT,ZOOM` as in the URL's `at`). Absent: frame the shown arcs.
 */
export const StoryCamera = z.union([
  z.strictObject({ frame: z.literal('shown') }),
  z.strictObject({ at: z.string().regex(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?,\d+(\.\d+)?$/, 'must be LON,LAT,ZOOM') }),
]);

export const StoryStep = z.strictObject({
  id: Id,
  title: Bilingual,
  caption: Bilingual,
  cites: z.array(StoryCite).min(1, 'a caption cites at least one source'),
  /** URL parameters without `?`, e.g. `country=PAK&mode=in&year=2018&sel=partner:PAK`. */
  view: z.string().max(2000),
  camera: StoryCamera.optional(),
});

export const Story = z.strictObject({
  title: Bilingual,
  steps: z.array(StoryStep).min(1, 'a story has at least one step').max(30, 'a story has at most 30 steps'),
});

export type StoryStep = z.infer<typeof StoryStep>;
export type Story = z.infer<typeof Story>;
export type StoryCamera = z.infer<typeof StoryCamera>;

/** The URL keys a step may set: the view's years, filters, selection and tab. Not language, dataset, camera (`camera`) or story. */
export const STEP_VIEW_KEYS: ReadonlySet<string> = new Set([
  'mode', 'year', 'from', 'undated', 'planned', 'sel', 'view',
  'cat', 'type', 'inst', 'country', 'partner', 'prog', 'scope', 'online', 'source', 'status', 'evidence',
]);

/** The view a step shows, on top of what the reader keeps: language and dataset. The camera is the step's `at`, or null (framed by the map). */
export function stepView(step: Pick<StoryStep, 'view' | 'camera'>, keep: Pick<ViewState, 'lang' | 'dataPath'>, storyNumber: number): ViewState {
  const v = parseViewState(step.view);
  return { ...v, lang: keep.lang, dataPath: keep.dataPath, story: storyNumber, camera: stepCamera(step) };
}

/** The fixed camera of a step, or null when the map frames what the step shows. */
export function stepCamera(step: Pick<StoryStep, 'camera'>): Camera | null {
  if (!step.camera || !('at' in step.camera)) return null;
  const [lon, lat, zoom] = step.camera.at.split(',').map(Number) as [number, number, number];
  return normalizeCamera({ lon, lat, zoom });
}

/** How many links a view shows in its window: certain, possible, and the undated or planned ones it includes. */
export function shownLinks(view: ViewState, data: { aggregates: Aggregates }, facets: Facets): number {
  const counts = isFiltered(view.filters) ? countLinks(data.aggregates, filterMask(facets, view.filters)) : data.aggregates;
  const w = viewWindow(view);
  const s = summarize(counts, w);
  return s.links + s.possible + (w.includeUndated ? s.undated : 0) + (w.includePlanned ? s.planned : 0);
}

const DIMENSION_NOUN: Record<FilterDimension, string> = {
  cat: 'category', type: 'type', inst: 'institution', country: 'country', partner: 'partner', prog: 'programme',
  scope: 'scope', online: 'online', status: 'status', evidence: 'evidence', source: 'source',
};

/** Values the URL reads as its default and so does not write back: `year=2025` is understood, not dropped. */
function isDefaultValue(key: string, value: string): boolean {
  const d = DEFAULT_VIEW;
  return (key === 'year' && value === String(d.year)) || (key === 'from' && value === String(TIMELINE_FIRST_YEAR))
    || (key === 'mode' && value === d.mode) || (key === 'view' && value === d.view)
    || ((key === 'undated' || key === 'planned') && value === '0');
}

export interface StoryContext {
  index: DatasetIndex;
  aggregates: Aggregates;
  /** Seed texts by source id, for the copy check and paragraph bounds; omitted: neither is checked. */
  seeds?: ReadonlyMap<string, string>;
  /** Names that never count as copied (copy-check.ts). */
  names?: NamesIndex;
}

/** The step's problems with its view string: keys, years, values the URL would drop or change. */
function checkViewParams(view: string, problem: (field: string, message: string) => void): void {
  const params = new URLSearchParams(view);
  const written = new URLSearchParams(serializeViewState(parseViewState(view)));
  const seen = new Set<string>();
  for (const [key, value] of params) {
    if (seen.has(key)) { problem('view', `parameter ${key} is given twice`); continue; }
    seen.add(key);
    if (!STEP_VIEW_KEYS.has(key)) {
      problem('view', key === 'at' ? 'the camera goes in "camera": {"at": …}, not in the view' : `unknown parameter ${key} (a step may set ${[...STEP_VIEW_KEYS].join(', ')})`);
      continue;
    }
    if (key === 'year' || key === 'from') {
      const n = Number(value);
      if (!/^\d{4}$/.test(value) || n < TIMELINE_FIRST_YEAR || n > TIMELINE_LAST_YEAR) {
        problem('view', `bad year: ${key}=${value} (a year from ${TIMELINE_FIRST_YEAR} to ${TIMELINE_LAST_YEAR})`);
        continue;
      }
    }
    const out = written.get(key);
    if (out !== value && !(out === null && isDefaultValue(key, value))) {
      problem('view', `${key}=${value} is not understood${out === null ? ' (the URL drops it)' : ` (the URL reads it as ${key}=${out})`}`);
    }
  }
  if (params.has('from') && params.get('mode') !== 'range') problem('view', 'bad year: from= needs mode=range');
  const from = Number(params.get('from')), to = Number(params.get('year') ?? TIMELINE_LAST_YEAR);
  if (params.get('mode') === 'range' && params.has('from') && from > to) problem('view', `bad year: from=${from} is after year=${to}`);
}

/** Every problem of a story against its dataset, one per line as data:check prints them. */
export function checkStory(raw: unknown, ctx: StoryContext): Problem[] {
  const problems: Problem[] = [];
  const parsed = Story.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const at = path[0] === 'steps' && path[1] !== undefined ? stepLabel(raw, Number(path[1])) : '(story)';
      problems.push({ file: STORY_FILE, id: at, field: path.join('.'), message: issue.message });
    }
    return problems;
  }
  const { index, aggregates } = ctx;
  const facets = buildFacets(index);
  const sources = new Map<string, Source>(index.dataset.sources.map((s) => [s.id, s]));
  const ids = new Set<string>();
  parsed.data.steps.forEach((step, i) => {
    const problem = (field: string, message: string) => problems.push({ file: STORY_FILE, id: step.id, field: `steps.${i}.${field}`, message });
    if (ids.has(step.id)) problem('id', `step id ${step.id} is used twice`);
    ids.add(step.id);
    checkViewParams(step.view, problem);
    const view = parseViewState(step.view);
    for (const d of FILTER_DIMENSIONS) {
      for (const v of chosen(view.filters, d)) {
        if (!facets.dims[d].indexOf.has(v)) problem('view', `unknown ${DIMENSION_NOUN[d]} id ${v}: no link of the dataset has it`);
      }
    }
    if (view.selection && !selectionFromString(view.selection, aggregates, {
      inst: (id) => index.institutions.has(id),
      partner: (key) => aggregates.byPartner.indexOf.has(key) || aggregates.byCountry.indexOf.has(key),
      // A story names programmes by their current ids only.
      prog: (id) => (index.programmes.has(id) ? id : undefined),
    })) problem('view', `unknown selection ${view.selection}: no such institution, partner, programme or arc`);
    const shown = shownLinks(view, { aggregates }, facets);
    if (shown === 0) problem('view', 'the step shows no links: a story step must show what it talks about');
    // Which sources the links on screen rest on: a caption cites what the reader can open.
    const mask = isFiltered(view.filters) ? filterMask(facets, view.filters) : null;
    const citedHere = new Set<string>();
    index.dataset.links.forEach((l, li) => { if (!mask || mask[li]) for (const e of l.evidence) citedHere.add(e.source); });
    step.cites.forEach((c, ci) => {
      const source = sources.get(c.source);
      if (!source) { problem(`cites.${ci}.source`, `unknown source id ${c.source}`); return; }
      if (!citedHere.has(c.source)) problem(`cites.${ci}.source`, `source ${c.source} is cited by none of the links this step filters to`);
      const text = ctx.seeds?.get(c.source);
      if (text !== undefined) {
        const paras = text.split('\n').filter((l) => l.trim() !== '').length;
        if (c.para > paras) problem(`cites.${ci}.para`, `¶${c.para} is past the end of ${source.file} (${paras} paragraphs)`);
      }
    });
    if (ctx.seeds) {
      for (const lang of ['en', 'zh'] as const) {
        for (const c of new Set(step.cites.map((x) => x.source))) {
          const text = ctx.seeds.get(c);
          if (text === undefined) continue;
          for (const run of findCopiedRuns(text, step.caption[lang], lang, ctx.names ? { names: ctx.names } : {})) {
            problem(`caption.${lang}`, `copies ${run.length} ${lang === 'zh' ? 'characters' : 'words'} from ${c}: "${run.text}"`);
          }
        }
      }
    }
    const cam = stepCamera(step);
    if (step.camera && 'at' in step.camera && cam && (cam.lon !== Number(step.camera.at.split(',')[0]) || cam.zoom !== Number(step.camera.at.split(',')[2]))) {
      problem('camera.at', `${step.camera.at} is outside the map's range (longitude ±180, zoom 0–9)`);
    }
  });
  return problems;
}

function stepLabel(raw: unknown, i: number): string {
  const steps = (raw as { steps?: unknown[] } | null)?.steps;
  const s = Array.isArray(steps) ? steps[i] : undefined;
  return s && typeof s === 'object' && 'id' in s && typeof s.id === 'string' ? s.id : `#${i}`;
}
