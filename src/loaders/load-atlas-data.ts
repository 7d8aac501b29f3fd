/**
 * Fetches the dataset and world shapes from the page's own origin and prepares the indexes the map
 * and timeline need. A dataset the build validated (its manifest matches the bytes fetched) is used
 * as it is; any other is validated with the schema, loaded on demand. Failures become typed errors
 * that the UI can explain (which file, which record, which field), never a blank page.
 */
import { DATA_FILE_NAMES, isCountryRef } from '../domain/schema-values.ts';
import type { Dataset, RawDataset } from '../domain/schema.ts';
import { timelineSpanOf, type TimelineSpan } from '../domain/dates.ts';
import type { Problem } from '../domain/validate.ts';
import { indexDataset, type DatasetIndex } from '../domain/dataset-index.ts';
import { aggregate, type Aggregates } from '../domain/aggregate.ts';
import { countryShapes, countryBorders, type CountryShapes, type WorldTopology } from '../domain/world.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { ALIASES_FILE, type Alias } from '../domain/alias-values.ts';
import { MANIFEST_FILE, bundleSchema, manifestVouches } from '../domain/data-manifest.ts';
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

/** One fetched file: its bytes (for the manifest's digests) and its parsed JSON. */
interface Fetched {
  bytes: Uint8Array;
  value: unknown;
}

/**
 * Fetches and parses one JSON file from the page's origin. With `optional`, a file that is not
 * there gives `undefined`: HTTP 404, or a reply that is not JSON at all (static hosts set up for
 * single-page apps, and Vite's own servers, answer a missing file with index.html).
 */
async function fetchFile(url: string, file: string, signal: AbortSignal | undefined, optional: boolean): Promise<Fetched | undefined> {
  let res: Response;
  try {
    res = await fetch(url, { signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new FetchError(file, 'the network request failed');
  }
  if (optional && (res.status === 404 || (res.ok && /text\/html/i.test(res.headers.get('content-type') ?? '')))) return undefined;
  if (!res.ok) throw new FetchError(file, `HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.arrayBuffer());
  try {
    return { bytes, value: JSON.parse(new TextDecoder().decode(bytes)) };
  } catch (e) {
    throw new DataError([{ file, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
}

/** fetchFile's parsed JSON alone. */
export async function fetchJson(url: string, file: string, signal?: AbortSignal, optional = false): Promise<unknown> {
  return (await fetchFile(url, file, signal, optional))?.value;
}

/** Loads everything; `onProgress(done, total)` after each file. `base` is the page's URL. */
export async function loadAtlasData(
  dataPath: string,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
  base: string = document.baseURI,
): Promise<AtlasData> {
  const entries = Object.entries(DATA_FILE_NAMES) as [keyof RawDataset, string][];
  const total = entries.length + 2;
  let done = 0;
  const tick = <T>(x: T) => {
    done += 1;
    onProgress(done, total);
    return x;
  };
  onProgress(0, total);
  const aliasesFile = `${dataPath}/${ALIASES_FILE}`;
  // Fetched beside the data, not before it. Any failure only means "not vouched for": validate.
  const manifest = fetchJson(new URL(`${dataPath}/${MANIFEST_FILE}`, base).href, MANIFEST_FILE, signal, true).catch(() => undefined);
  /** A data file; its bytes are kept for the digest only when there is a manifest to check them against. */
  const dataFile = async (name: string, optional = false) => {
    const fetched = await fetchFile(new URL(`${dataPath}/${name}`, base).href, `${dataPath}/${name}`, signal, optional);
    tick(fetched);
    return { name, value: fetched?.value, bytes: (await manifest) === undefined ? undefined : fetched?.bytes };
  };
  const [world, aliasFile, ...files] = await Promise.all([
    fetchJson(new URL(WORLD_FILE, base).href, WORLD_FILE, signal).then(tick),
    // Optional: a dataset without an alias list (a synthetic one, an older copy) simply has none.
    dataFile(ALIASES_FILE, true),
    ...entries.map(([, name]) => dataFile(name)),
  ]);
  const raw = Object.fromEntries(entries.map(([key], i) => [key, files[i]!.value])) as unknown as RawDataset;
  const vouched = await manifestVouches(
    await manifest,
    Object.fromEntries([aliasFile, ...files].map((f) => [f.name, f.bytes])),
    { schema: bundleSchema(), subtle: globalThis.crypto?.subtle },
  );
  let dataset: Dataset;
  let aliases: Alias[];
  if (vouched) {
    // The build validated these very bytes with these very rules (vite.config.ts, build-manifest.ts).
    dataset = raw as unknown as Dataset;
    aliases = (aliasFile.value ?? []) as Alias[];
  } else {
    // Yield so the "checking" message paints before the synchronous validation of a large file.
    await new Promise((r) => setTimeout(r, 0));
    const { validateFetched } = await import('./validate-fetched.ts');
    const result = validateFetched(raw, aliasFile.value, dataPath, aliasesFile);
    if (!result.ok) throw new DataError(result.problems);
    ({ dataset, aliases } = result);
  }
  const topology = world as WorldTopology;
  if (!topology || typeof topology !== 'object' || !('objects' in topology)) {
    throw new DataError([{ file: WORLD_FILE, id: '(file)', field: 'objects', message: 'is not a TopoJSON topology' }]);
  }
  return buildAtlasData(dataset, countryShapes(topology), countryBorders(topology), aliases);
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
