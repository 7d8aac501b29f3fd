/**
 * Fetches the bundled dataset and world shapes from the page's own origin, validates them with
 * the schema, and prepares the indexes the map and timeline need. Failures become typed errors
 * that the UI can explain (which file, which record, which field), never a blank page.
 */
import { DATA_FILES, isCountryRef, type Dataset, type RawDataset } from '../domain/schema.ts';
import { timelineSpanOf, type TimelineSpan } from '../domain/dates.ts';
import { validateDataset, type Problem } from '../domain/validate.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';
import { aggregate, type Aggregates } from '../domain/aggregate.ts';
import { countryShapes, countryBorders, type CountryShapes, type WorldTopology } from '../domain/world.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { ALIASES_FILE, parseAliases, type Alias } from '../domain/aliases.ts';
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

/** A file could not be fetched or was not JSON. */
export class FetchError extends Error {
  constructor(readonly file: string, readonly reason: string) {
    super(`${file}: ${reason}`);
  }
}

/** The files arrived but the data breaks the schema or its references. */
export class DataError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`${problems.length} data problem(s)`);
  }
}

/**
 * Fetches and parses one JSON file from the page's origin. With `optional`, a file that is not
 * there gives `undefined`: HTTP 404, or a reply that is not JSON at all (static hosts set up for
 * single-page apps, and Vite's own servers, answer a missing file with index.html).
 */
export async function fetchJson(url: string, file: string, signal?: AbortSignal, optional = false): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new FetchError(file, 'the network request failed');
  }
  if (optional && (res.status === 404 || (res.ok && /text\/html/i.test(res.headers.get('content-type') ?? '')))) return undefined;
  if (!res.ok) throw new FetchError(file, `HTTP ${res.status}`);
  const text = await res.text();
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new DataError([{ file, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
}

/** Loads everything; `onProgress(done, total)` after each file. `base` is the page's URL. */
export async function loadAtlasData(
  dataPath: string,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
  base: string = document.baseURI,
): Promise<AtlasData> {
  const entries = Object.entries(DATA_FILES) as [keyof RawDataset, { file: string }][];
  const total = entries.length + 2;
  let done = 0;
  const tick = <T>(x: T) => {
    done += 1;
    onProgress(done, total);
    return x;
  };
  onProgress(0, total);
  const aliasesFile = `${dataPath}/${ALIASES_FILE}`;
  const [world, rawAliases, ...files] = await Promise.all([
    fetchJson(new URL(WORLD_FILE, base).href, WORLD_FILE, signal).then(tick),
    // Optional: a dataset without an alias list (a synthetic one, an older copy) simply has none.
    fetchJson(new URL(aliasesFile, base).href, aliasesFile, signal, true).then(tick),
    ...entries.map(([, { file }]) => fetchJson(new URL(`${dataPath}/${file}`, base).href, `${dataPath}/${file}`, signal).then(tick)),
  ]);
  const raw = Object.fromEntries(entries.map(([key], i) => [key, files[i]])) as unknown as RawDataset;
  // Yield so the "checking" message paints before the synchronous validation of a large file.
  await new Promise((r) => setTimeout(r, 0));
  // Any dataset's own years are fine here: the timeline spans them (the 2015–2025 rule is data:check's, for data/).
  const result = validateDataset(raw, undefined, { atlasYears: false });
  if (!result.ok) throw new DataError(result.problems.map((p) => ({ ...p, file: `${dataPath}/${p.file}` })));
  // Only the shape is checked here; unknown targets are data:check's to report, and search skips them.
  const aliases = rawAliases === undefined ? { aliases: [], problems: [] } : parseAliases(rawAliases, aliasesFile);
  if (aliases.problems.length) throw new DataError(aliases.problems);
  const topology = world as WorldTopology;
  if (!topology || typeof topology !== 'object' || !('objects' in topology)) {
    throw new DataError([{ file: WORLD_FILE, id: '(file)', field: 'objects', message: 'is not a TopoJSON topology' }]);
  }
  return buildAtlasData(result.dataset, countryShapes(topology), countryBorders(topology), aliases.aliases);
}

/**
 * The indexes and aggregates of a validated dataset, over world shapes already loaded: for the
 * fetched dataset, and for one read from a file the reader opened (csv-import.ts).
 */
export function buildAtlasData(dataset: Dataset, shapes: CountryShapes, borders: MultiLineString, aliases: Alias[] = []): AtlasData {
  const needed = new Set<string>();
  for (const l of dataset.links) if (isCountryRef(l.partner)) needed.add(l.partner);
  for (const p of dataset.partners) if (p.kind === 'institution') needed.add(p.country);
  const index = indexDataset(dataset, countryAnchors(shapes, needed));
  return { index, aggregates: aggregate(index), world: shapes, borders, aliases, span: timelineSpanOf(dataset.links) };
}
