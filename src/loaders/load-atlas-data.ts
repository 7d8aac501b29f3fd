/**
 * Fetches the dataset and world shapes from the page's own origin and prepares the indexes the map
 * and timeline need. A dataset the build validated (its manifest matches the bytes fetched) is used
 * as it is; any other is validated with the schema, loaded on demand. Failures become typed errors
 * that the UI can explain (which file, which record, which field), never a blank page.
 */
import { DATA_FILE_NAMES, PROGRAMMES_FILE, isCountryRef } from '../domain/schema-values.ts';
import type { Dataset, Link, RawDataset } from '../domain/schema.ts';
import { LINK_COLUMNS_FILE, LinkColumnsError, decodeLinkColumns } from '../domain/link-columns.ts';
import type { WorkerRequest } from './validate-in-worker.ts';
import { timelineSpanOf, type TimelineSpan } from '../domain/dates.ts';
import type { Problem } from '../domain/validate.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';
import { aggregate, type Aggregates } from '../domain/aggregate.ts';
import { countryShapes, countryBorders, type CountryShapes, type WorldTopology } from '../domain/world.ts';
import { anchorsOf } from '../domain/country-anchors.ts';
import { ALIASES_FILE, type Alias } from '../domain/alias-values.ts';
import { MANIFEST_FILE, bundleSchema, listsLinkColumns, manifestVouches } from '../domain/data-manifest.ts';
import type { MultiLineString } from 'geojson';

export const WORLD_FILE = 'world/countries-50m.json';

export interface AtlasData {
  index: DatasetIndex;
  aggregates: Aggregates;
  world: CountryShapes;
  borders: MultiLineString;
  /** Short names for search (data/aliases.json); empty when the dataset has no alias list. */
  aliases: Alias[];
  /** The years the timeline spans for this dataset (2015–2025, or wider when its links reach beyond). */
  span: TimelineSpan;
}

/**
 * How a fetch failed, for a message in the reader's language (StatusViews.tsx): no answer at all
 * (`network`), an HTTP error (`http`), a body that broke off (`truncated`), a body the browser could
 * not decode (`decode`: a `Content-Encoding` the bytes do not match), or no byte for `stallMs`
 * (`timeout`).
 */
export type FetchFailure = 'network' | 'http' | 'truncated' | 'decode' | 'timeout';

/** A file could not be fetched. `reason` is English, for the console; the UI words it from `kind`. */
export class FetchError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly kind: FetchFailure = 'network',
    /** The HTTP status (`http`), the `Content-Encoding` (`decode`) or the seconds waited (`timeout`). */
    readonly detail?: string,
  ) {
    super(`${file}: ${reason}`);
  }
}

/**
 * A problem the UI words itself (`key` in the locale files, with `values`), where the validator's
 * English `message` would otherwise be shown: used for file-level problems the loader finds.
 */
export interface WordedProblem extends Problem {
  key?: string;
  values?: Record<string, string>;
}

/** The files arrived but the data breaks the schema or its references. */
export class DataError extends Error {
  constructor(readonly problems: WordedProblem[]) {
    // Names the first problem, so that even a bare `error.message` says which file and what.
    const first = problems[0];
    super(first
      ? `${first.file}${first.id === '(file)' ? '' : ` (${first.id})`}${first.field ? ` ${first.field}` : ''}: ${first.message}${problems.length > 1 ? ` (and ${problems.length - 1} more problem(s))` : ''}`
      : 'no data problems');
  }
}

/**
 * How long a file may go without a single byte arriving (the answer's headers, or the next piece
 * of its body) before the loader gives up on it and names it: a slow file that keeps arriving is
 * never cut off, one that stops is. 30 s is far beyond any pause of a working connection.
 */
export const STALL_MS = 30_000;

/**
 * The stall timeout of this page: STALL_MS, unless a test has set `window.__atlasStallMs` (a
 * positive number of milliseconds, before the app's scripts run: Playwright's addInitScript) so
 * that a file that never answers fails in seconds. No URL parameter or setting reaches it.
 */
export function pageStallMs(): number {
  const set = (globalThis as { __atlasStallMs?: unknown }).__atlasStallMs;
  return typeof set === 'number' && Number.isFinite(set) && set > 0 ? set : STALL_MS;
}

/** One fetched file: its bytes (for the manifest's digests) and its parsed JSON. */
interface Fetched {
  bytes: Uint8Array;
  value: unknown;
}

const isAbort = (e: unknown) => (e as Error | undefined)?.name === 'AbortError';

/**
 * Reads a body piece by piece, calling `alive` after each (the stall timer restarts). Into one
 * buffer when the length is known and the bytes are not encoded: straight into it where the
 * browser offers a byte reader (no piece is allocated, so a large file leaves no garbage of
 * hundreds of buffers behind for the next full collection to sweep, mid-scrub), else copied in
 * piece by piece; without a length, into pieces joined at the end. `received()` says how far it got.
 */
async function readBody(res: Response, alive: () => void, progress: { received: number }): Promise<Uint8Array> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const encoded = /\S/.test(res.headers.get('content-encoding') ?? '');
  const declared = Number(res.headers.get('content-length'));
  const known = !encoded && Number.isSafeInteger(declared) && declared > 0;
  if (known) {
    const byob = byteReader(res.body);
    if (byob) return readInto(byob, declared, alive, progress);
  }
  const reader = res.body.getReader();
  let whole = known ? new Uint8Array(declared) : undefined;
  const pieces: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    alive();
    if (whole && progress.received + value.length <= whole.length) whole.set(value, progress.received);
    else {
      // More than the header promised (never in a browser): fall back to pieces.
      if (whole) pieces.push(whole.subarray(0, progress.received));
      whole = undefined;
      pieces.push(value);
    }
    progress.received += value.length;
  }
  if (whole) return progress.received === whole.length ? whole : whole.subarray(0, progress.received);
  if (pieces.length === 1) return pieces[0]!;
  const out = new Uint8Array(progress.received);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A byte reader of `body`, or undefined where the stream offers none (older browsers, a body built from a plain stream). */
function byteReader(body: ReadableStream<Uint8Array>): ReadableStreamBYOBReader | undefined {
  try {
    return body.getReader({ mode: 'byob' });
  } catch {
    return undefined;
  }
}

/**
 * Reads `length` bytes into one buffer with a byte reader. Each read hands the buffer to the
 * stream and back (the same memory under a new ArrayBuffer object). A body shorter than its
 * length gives what came; one that breaks off throws, as the piece reader does.
 */
async function readInto(reader: ReadableStreamBYOBReader, length: number, alive: () => void, progress: { received: number }): Promise<Uint8Array> {
  let buffer = new ArrayBuffer(length);
  while (progress.received < length) {
    const { done, value } = await reader.read(new Uint8Array(buffer, progress.received));
    if (value) buffer = value.buffer as ArrayBuffer;
    if (done || !value) break;
    alive();
    progress.received += value.byteLength;
  }
  const whole = new Uint8Array(buffer);
  return progress.received === length ? whole : whole.subarray(0, progress.received);
}

/**
 * Fetches and parses one JSON file from the page's origin. With `optional`, a file that is not
 * there gives `undefined`: HTTP 404, or a reply that is not JSON at all (static hosts set up for
 * single-page apps, and Vite's own servers, answer a missing file with index.html).
 *
 * Every way it can fail names the file (FetchError, DataError), the body's too: a browser reports
 * a body that broke off, or that does not match its `Content-Encoding`, only as "Failed to fetch".
 * A file from which nothing arrives for `stallMs` is given up on (`timeout`).
 */
async function fetchFile(url: string, file: string, signal: AbortSignal | undefined, optional: boolean, stallMs = pageStallMs(), json = true, cache: RequestCache = 'default'): Promise<Fetched | undefined> {
  signal?.throwIfAborted();
  // Our own controller, so that the stall timer can stop this one request; the caller's signal stops it too.
  const ctrl = new AbortController();
  const stop = () => ctrl.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  let stalled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const alive = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      ctrl.abort();
    }, stallMs);
  };
  const seconds = String(Math.round(stallMs / 1000));
  const timedOut = () => new FetchError(file, `nothing arrived for ${seconds} s`, 'timeout', seconds);
  try {
    alive();
    let res: Response;
    try {
      res = await fetch(url, { signal: ctrl.signal, credentials: 'same-origin', cache });
    } catch (e) {
      if (stalled) throw timedOut();
      if (isAbort(e) || signal?.aborted) throw e;
      throw new FetchError(file, 'the network request failed', 'network');
    }
    alive();
    if (optional && (res.status === 404 || (res.ok && /text\/html/i.test(res.headers.get('content-type') ?? '')))) {
      void res.body?.cancel().catch(() => {});
      return undefined;
    }
    if (!res.ok) {
      void res.body?.cancel().catch(() => {});
      throw new FetchError(file, `HTTP ${res.status}`, 'http', String(res.status));
    }
    const progress = { received: 0 };
    let bytes: Uint8Array;
    try {
      bytes = await readBody(res, alive, progress);
    } catch (e) {
      if (stalled) throw timedOut();
      if (signal?.aborted) throw e;
      // The browser says only "Failed to fetch" / "network error". A body that says it is encoded
      // and gave not one decoded byte could not be decoded; any other broke off on the way.
      const encoding = (res.headers.get('content-encoding') ?? '').trim();
      if (encoding && !/^identity$/i.test(encoding) && progress.received === 0) {
        throw new FetchError(file, `the reply could not be decoded as its Content-Encoding (${encoding}) says`, 'decode', encoding);
      }
      const declared = res.headers.get('content-length');
      const of = declared && !encoding ? ` of ${declared}` : '';
      throw new FetchError(file, `the reply broke off after ${progress.received}${of} bytes`, 'truncated', String(progress.received));
    }
    return { bytes, value: json ? parseJsonBytes(bytes, file) : undefined };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  }
}

/** fetchFile's parsed JSON alone. */
export async function fetchJson(url: string, file: string, signal?: AbortSignal, optional = false, stallMs = pageStallMs(), cache: RequestCache = 'default'): Promise<unknown> {
  return (await fetchFile(url, file, signal, optional, stallMs, true, cache))?.value;
}

/**
 * Progress: files loaded of all, and the files still awaited (by the names the errors use), so
 * that a file that holds the page up can be named while it does.
 */
export type OnProgress = (done: number, total: number, waiting: readonly string[]) => void;

/** The world's shapes have arrived (before the data may have): the map can start drawing them. */
export type OnWorld = (shapes: CountryShapes, borders: MultiLineString) => void;

/**
 * The country shapes, or a problem naming the file: a TopoJSON topology with a `countries`
 * geometry collection, as world-atlas publishes it.
 */
export function checkWorld(world: unknown, file: string = WORLD_FILE): WordedProblem | null {
  const objects = world && typeof world === 'object' && 'objects' in world ? (world as { objects: unknown }).objects : undefined;
  if (!objects || typeof objects !== 'object' || (world as { type?: unknown }).type !== 'Topology') {
    return { file, id: '(file)', field: 'objects', message: 'is not a TopoJSON topology', key: 'error.problem.notTopology' };
  }
  const countries = (objects as { countries?: { type?: unknown; geometries?: unknown } }).countries;
  if (!countries || typeof countries !== 'object') {
    return { file, id: '(file)', field: 'objects.countries', message: 'is missing: the topology has no "countries" object', key: 'error.problem.noCountries' };
  }
  if (countries.type !== 'GeometryCollection' || !Array.isArray(countries.geometries)) {
    return { file, id: '(file)', field: 'objects.countries', message: 'is not a collection of country shapes', key: 'error.problem.badCountries' };
  }
  return null;
}

/** The files a load of `dataPath` fetches, as its progress names them: the world shapes, the alias list, the programmes, each data file. */
const filesToLoad = (dataPath: string) => [WORLD_FILE, `${dataPath}/${ALIASES_FILE}`, `${dataPath}/${PROGRAMMES_FILE}`, ...Object.values(DATA_FILE_NAMES).map((name) => `${dataPath}/${name}`)];

/** The data folders this page has begun to load: loading one again is a retry. */
const loadedBefore = new Set<string>();

/** How many files a load fetches (the progress bar's total from the first render). */
export const LOAD_FILE_COUNT = filesToLoad('data').length;

/**
 * Loads everything; `onProgress` after each file. `base` is the page's URL; `stallMs` how long a
 * file may send nothing before it is given up on (pageStallMs). The first file that fails stops
 * the others, and its error names it.
 */
export async function loadAtlasData(
  dataPath: string,
  onProgress: OnProgress,
  signal?: AbortSignal,
  base: string = document.baseURI,
  stallMs: number = pageStallMs(),
  onWorld?: OnWorld,
): Promise<AtlasData> {
  const entries = Object.entries(DATA_FILE_NAMES) as [keyof RawDataset, string][];
  const waiting = new Set(filesToLoad(dataPath));
  const total = waiting.size;
  let done = 0;
  const arrived = (file: string) => {
    // A file fetched after all (links.json when the compact links were not vouched for) is not counted twice.
    if (!waiting.delete(file)) return;
    done += 1;
    onProgress(done, total, [...waiting]);
  };
  /** The links are awaited as another file (their compact form, or links.json after all): progress names that one. */
  const awaitInstead = (file: string, instead: string) => {
    if (!waiting.delete(file)) return;
    waiting.add(instead);
    onProgress(done, total, [...waiting]);
  };
  onProgress(0, total, [...waiting]);
  // Stopped by the caller, or by the first failure: the other requests need not run on.
  const all = new AbortController();
  const stop = () => all.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  try {
    // A second load of the same folder is a retry after a failure: fetched afresh, past any cache and
    // past the page's preload hints (a request the page preloaded, still hanging, would be joined again).
    const cache: RequestCache = loadedBefore.has(dataPath) ? 'no-store' : 'default';
    loadedBefore.add(dataPath);
    return await loadAll(dataPath, entries, all.signal, base, stallMs, cache, arrived, awaitInstead, onWorld);
  } catch (e) {
    all.abort();
    throw e;
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

async function loadAll(
  dataPath: string,
  entries: [keyof RawDataset, string][],
  signal: AbortSignal,
  base: string,
  stallMs: number,
  cache: RequestCache,
  arrived: (file: string) => void,
  awaitInstead: (file: string, instead: string) => void,
  onWorld?: OnWorld,
): Promise<AtlasData> {
  const aliasesFile = `${dataPath}/${ALIASES_FILE}`;
  const others = entries.filter(([key]) => key !== 'links');
  // Fetched beside the data, not before it. Any failure only means "not vouched for": validate.
  const manifest = fetchJson(new URL(`${dataPath}/${MANIFEST_FILE}`, base).href, MANIFEST_FILE, signal, true, stallMs, cache).catch(() => undefined);
  /** A data file, parsed (unless `json` is false), with its bytes: for the manifest's digest, or else for the validator's worker. */
  const dataFile = async (name: string, optional = false, json = true, counted = true) => {
    const file = `${dataPath}/${name}`;
    const fetched = await fetchFile(new URL(file, base).href, file, signal, optional, stallMs, json, cache);
    if (counted) arrived(file);
    return { name, value: fetched?.value, bytes: fetched?.bytes };
  };
  const linksName = DATA_FILE_NAMES.links;
  /**
   * The links: their compact form when the manifest lists it under this bundle's rules (the build
   * wrote it from the links it validated), links.json otherwise. The manifest is small and asked
   * for first, so the choice costs one short request's time.
   */
  const linksFile = async (): Promise<{ name: string; value: unknown; bytes: Uint8Array | undefined; links?: Link[] }> => {
    const found = await manifest;
    if (listsLinkColumns(found)) {
      const columnsFile = `${dataPath}/${LINK_COLUMNS_FILE}`;
      awaitInstead(`${dataPath}/${linksName}`, columnsFile);
      // Counted as arrived only once it is read: otherwise the progress goes on to name links.json.
      const compact = await dataFile(LINK_COLUMNS_FILE, true, false, false);
      if (compact.bytes) {
        try {
          const links = decodeLinkColumns(compact.bytes);
          arrived(columnsFile);
          return { ...compact, links };
        } catch (e) {
          if (!(e instanceof LinkColumnsError)) throw e;
          // Bytes of another version or kind: the JSON, validated, is still there to read.
        }
      }
      awaitInstead(columnsFile, `${dataPath}/${linksName}`);
    }
    return dataFile(linksName, false, false);
  };
  const [shapes, aliasFile, programmesFile, linksAt, ...files] = await Promise.all([
    fetchJson(new URL(WORLD_FILE, base).href, WORLD_FILE, signal, false, stallMs, cache).then((w) => {
      arrived(WORLD_FILE);
      // Read as soon as it is here, beside the data: the map can draw the countries before the data arrives.
      const read = readWorld(w);
      if (!(read instanceof DataError)) onWorld?.(read.shapes, read.borders);
      return read;
    }),
    // Optional: a dataset without an alias list (a synthetic one, an older copy) simply has none.
    dataFile(ALIASES_FILE, true),
    // Optional too: links may name their programmes in full (a dataset written before programmes had records).
    dataFile(PROGRAMMES_FILE, true),
    linksFile(),
    ...others.map(([, name]) => dataFile(name)),
  ]);
  // Checked before the data is validated: a wrong shapes file is one clear problem, found at once.
  if (shapes instanceof DataError) throw shapes;
  const found = await manifest;
  const vouch = (links: { name: string; bytes: Uint8Array | undefined }) => found !== undefined && manifestVouches(
    found,
    Object.fromEntries([aliasFile, programmesFile, links, ...files].map((f) => [f.name, f.bytes])),
    { schema: bundleSchema(), subtle: globalThis.crypto?.subtle },
  );
  let links = linksAt;
  let compactLinks: Link[] | undefined;
  if (links.links) {
    if (await vouch(links)) compactLinks = links.links;
    // Compact bytes the manifest does not vouch for are not read: the JSON is, and validated.
    else links = await dataFile(linksName, false, false);
  }
  // links.json arrived as bytes: parsed here only when it is used as it is (vouched for), or where
  // no worker can validate it. The worker that validates it sends back its compact form instead.
  const linksJsonFile = `${dataPath}/${linksName}`;
  const raw = Object.fromEntries(others.map(([key], i) => [key, files[i]!.value])) as unknown as RawDataset;
  if (programmesFile.value !== undefined) raw.programmes = programmesFile.value;
  const vouched = compactLinks !== undefined || await vouch(links);
  let dataset: Dataset;
  let aliases: Alias[];
  if (vouched) {
    // The build validated these very bytes with these very rules (vite.config.ts, build-manifest.ts).
    raw.links = compactLinks ?? parseJsonBytes(links.bytes!, linksJsonFile);
    dataset = { ...(raw as unknown as Dataset), programmes: (raw.programmes ?? []) as Dataset['programmes'] };
    aliases = (aliasFile.value ?? []) as Alias[];
  } else {
    const bytes = { ...Object.fromEntries(others.map(([key], i) => [key, files[i]!.bytes])), links: links.bytes, aliases: aliasFile.bytes, programmes: programmesFile.bytes };
    const linksJson = async () => {
      // The bytes went to a worker that then failed: fetched again (rare: a worker that could not start its script).
      const b = links.bytes && links.bytes.byteLength > 0 ? links.bytes : (await dataFile(linksName, false, false)).bytes!;
      return parseJsonBytes(b, linksJsonFile);
    };
    ({ dataset, aliases } = await validateOffMainThread(raw, aliasFile.value, linksJson, { files: bytes, dataPath, aliasesFile }, signal));
  }
  return buildAtlasData(dataset, shapes.shapes, shapes.borders, aliases);
}

/** JSON from fetched bytes, or the DataError that names the file (as fetchFile names it). */
function parseJsonBytes(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (e) {
    throw new DataError([{ file, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
}

/**
 * A dataset the build did not vouch for, checked with the schema in a worker (validate-worker.ts)
 * while the page goes on drawing. The page has parsed the small files; links.json goes to the
 * worker as bytes, and comes back, validated, in its compact form (link-columns.ts) with the
 * programme records the validator resolved: the page never parses nor holds the links as JSON.
 * Where no worker can run, the validator runs here, with the same rules and the same named problems.
 */
async function validateOffMainThread(
  raw: RawDataset, rawAliases: unknown, linksJson: () => Promise<unknown>, request: WorkerRequest, signal: AbortSignal | undefined,
): Promise<{ dataset: Dataset; aliases: Alias[] }> {
  const { validateInWorker } = await import('./validate-in-worker.ts');
  const verdict = await validateInWorker(request, signal);
  if (verdict && !verdict.ok) throw new DataError(verdict.problems);
  if (verdict?.ok) {
    const links = decodeLinkColumns(new Uint8Array(verdict.links));
    return { dataset: { ...(raw as unknown as Dataset), links, programmes: verdict.programmes }, aliases: (rawAliases ?? []) as Alias[] };
  }
  raw.links = await linksJson();
  // Yield so the "checking" message paints before the synchronous validation of a large file.
  await new Promise((r) => setTimeout(r, 0));
  const { validateFetched } = await import('./validate-fetched.ts');
  const result = validateFetched(raw, rawAliases, request.dataPath, request.aliasesFile);
  if (!result.ok) throw new DataError(result.problems);
  return { dataset: result.dataset, aliases: result.aliases };
}

/** The country shapes and borders of the world file, or the DataError that names what is wrong with it. */
function readWorld(world: unknown): { shapes: CountryShapes; borders: MultiLineString } | DataError {
  const problem = checkWorld(world);
  if (problem) return new DataError([problem]);
  const topology = world as WorldTopology;
  try {
    return { shapes: countryShapes(topology), borders: countryBorders(topology) };
  } catch (e) {
    // A topology of the right outline whose arcs or geometries are broken: still named, never "Cannot read…".
    return new DataError([{ file: WORLD_FILE, id: '(file)', field: 'objects.countries', message: `could not be read as TopoJSON: ${(e as Error).message}`, key: 'error.problem.unreadableTopology', values: { detail: (e as Error).message } }]);
  }
}

/**
 * The indexes and aggregates of a validated dataset, over world shapes already loaded: for the
 * fetched dataset, and for one read from a file the reader opened (csv-import.ts).
 */
export function buildAtlasData(dataset: Dataset, shapes: CountryShapes, borders: MultiLineString, aliases: Alias[] = []): AtlasData {
  const needed = new Set<string>();
  for (const l of dataset.links) if (isCountryRef(l.partner)) needed.add(l.partner);
  for (const p of dataset.partners) if (p.kind === 'institution') needed.add(p.country);
  const index = indexDataset(dataset, anchorsOf(shapes, needed));
  return { index, aggregates: aggregate(index), world: shapes, borders, aliases, span: timelineSpanOf(dataset.links) };
}
