/** The loader's optional alias list: absent means none; present, it is parsed; malformed, it is named like any data problem. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DataError, loadAtlasData } from '../../src/loaders/load-atlas-data.ts';
import { buildManifest, schemaDigest } from '../../src/cli/build-manifest.ts';
import { LINK_COLUMNS_FILE } from '../../src/domain/link-columns.ts';
import { validateFetched } from '../../src/loaders/validate-fetched.ts';

// Counts the loader's calls of the on-demand validator, which still does its work.
vi.mock('../../src/loaders/validate-fetched.ts', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/loaders/validate-fetched.ts')>();
  return { validateFetched: vi.fn(real.validateFetched) };
});

const require = createRequire(import.meta.url);
const files: Record<string, string> = {
  'world/countries-50m.json': readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ...Object.fromEntries(['sources', 'institutions', 'partners', 'links', 'aliases', 'programmes'].map((f) => [`data/${f}.json`, readFileSync(`data/${f}.json`, 'utf8')])),
};

/** The paths fetched since the last serve(). */
let requested: string[] = [];

/** Serves `files` (with overrides) at http://atlas.test/; anything else is a 404. */
function serve(over: Record<string, string | Uint8Array | null> = {}) {
  requested = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.slice(1);
    requested.push(path);
    const body = path in over ? over[path] : files[path];
    if (body == null) return new Response('not found', { status: 404 });
    return new Response(body as BodyInit, { headers: { 'Content-Type': typeof body === 'string' ? 'application/json' : 'application/octet-stream' } });
  });
}
const load = () => loadAtlasData('data', () => {}, undefined, 'http://atlas.test/');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.mocked(validateFetched).mockClear();
});

describe('loading the alias list', () => {
  it('reads data/aliases.json when it is there', async () => {
    serve();
    const data = await load();
    expect(data.aliases.find((a) => a.target === 'srrsh')?.aliases).toContain('SRRSH');
  });

  it('has no aliases when the file is missing', async () => {
    serve({ 'data/aliases.json': null });
    expect((await load()).aliases).toEqual([]);
  });

  it('names the file, target and field of a malformed entry', async () => {
    serve({ 'data/aliases.json': JSON.stringify([{ target: 'srrsh', aliases: [''] }]) });
    const error = await load().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toEqual([{ file: 'data/aliases.json', id: 'srrsh', field: 'aliases.0', message: 'must not be empty' }]);
  });
});

describe('a dataset the build vouched for', () => {
  const schema = schemaDigest();
  const manifest = JSON.stringify(buildManifest('data', schema).manifest);
  /** As a built page: the bundle carries the rules digest, and data/manifest.json is served. */
  function serveBuilt(over: Record<string, string | null> = {}) {
    vi.stubGlobal('__ATLAS_SCHEMA__', schema);
    serve({ 'data/manifest.json': manifest, ...over });
  }

  it('is loaded without the validator, into the same atlas the validator gives', async () => {
    serveBuilt();
    const trusted = await load();
    expect(validateFetched).not.toHaveBeenCalled();
    serve();
    const validated = await load();
    expect(validateFetched).toHaveBeenCalledTimes(1);
    expect(trusted.index.dataset).toEqual(validated.index.dataset);
    expect(trusted.aggregates).toEqual(validated.aggregates);
    expect(trusted.aliases).toEqual(validated.aliases);
  });

  it('is validated, with named problems, when a file changed after the build', async () => {
    const links = JSON.parse(files['data/links.json']!) as Record<string, unknown>[];
    links[3] = { ...links[3], partner: 'HKG' };
    serveBuilt({ 'data/links.json': JSON.stringify(links) });
    const error = await load().catch((e: unknown) => e);
    expect(validateFetched).toHaveBeenCalledTimes(1);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).problems).toEqual([expect.objectContaining({ file: 'data/links.json', id: links[3]!.id, field: 'partner' })]);
  });

  it('is validated when the page has no Web Crypto, or the bundle other rules', async () => {
    serveBuilt();
    vi.stubGlobal('crypto', {});
    await load();
    expect(validateFetched).toHaveBeenCalledTimes(1);
    vi.unstubAllGlobals();
    serveBuilt();
    vi.stubGlobal('__ATLAS_SCHEMA__', 'other rules');
    await load();
    expect(validateFetched).toHaveBeenCalledTimes(2);
  });

  it('is validated when the manifest is missing or not JSON', async () => {
    serveBuilt({ 'data/manifest.json': null });
    await load();
    serveBuilt({ 'data/manifest.json': '{"schema":' });
    await load();
    expect(validateFetched).toHaveBeenCalledTimes(2);
  });
});

describe('a dataset published with its compact links (as npm run build writes data/)', () => {
  const schema = schemaDigest();
  const built = buildManifest('data', schema, { compact: true });
  const manifest = JSON.stringify(built.manifest);
  const compact = built.manifest ? built.compact! : new Uint8Array();
  function servePublished(over: Record<string, string | Uint8Array | null> = {}) {
    vi.stubGlobal('__ATLAS_SCHEMA__', schema);
    serve({ 'data/manifest.json': manifest, [`data/${LINK_COLUMNS_FILE}`]: compact, ...over });
  }
  /** The dataset as plain records, whatever form its links take in memory. */
  const plain = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;

  it('reads the links from their compact form, never links.json, into the same atlas the validator gives', async () => {
    servePublished();
    const published = await load();
    expect(requested).toContain(`data/${LINK_COLUMNS_FILE}`);
    expect(requested).not.toContain('data/links.json');
    expect(validateFetched).not.toHaveBeenCalled();
    serve();
    const validated = await load();
    expect(plain(published.index.dataset)).toEqual(plain(validated.index.dataset));
    expect(published.aggregates).toEqual(validated.aggregates);
    expect(published.span).toEqual(validated.span);
  });

  it('reads and validates links.json when the compact bytes are not those the manifest lists', async () => {
    const changed = compact.slice();
    changed[changed.length - 1]! ^= 0xff;
    const links = JSON.parse(files['data/links.json']!) as Record<string, unknown>[];
    links[3] = { ...links[3], partner: 'HKG' };
    servePublished({ [`data/${LINK_COLUMNS_FILE}`]: changed, 'data/links.json': JSON.stringify(links) });
    const error = await load().catch((e: unknown) => e);
    expect(requested).toContain('data/links.json');
    expect(validateFetched).toHaveBeenCalledTimes(1);
    expect((error as DataError).problems).toEqual([expect.objectContaining({ file: 'data/links.json', id: links[3]!.id, field: 'partner' })]);
  });

  it('names the file it waits for: the compact links, then links.json when it falls back to it', async () => {
    const waitingFor = async () => {
      const reports: string[][] = [];
      await loadAtlasData('data', (_d, _t, waiting) => reports.push([...waiting]), undefined, 'http://atlas.test/');
      return reports;
    };
    const links = (r: string[]) => r.filter((f) => /links/.test(f));
    servePublished();
    const read = await waitingFor();
    expect(read.some((r) => links(r).join() === `data/${LINK_COLUMNS_FILE}`)).toBe(true);
    expect(read.at(-1)).toEqual([]);
    servePublished({ [`data/${LINK_COLUMNS_FILE}`]: null });
    const fellBack = await waitingFor();
    // After the compact file was found missing, the load waits for links.json, and says so.
    const asked = fellBack.findIndex((r) => links(r).join() === 'data/links.json' && fellBack.slice(0, fellBack.indexOf(r)).some((p) => links(p).includes(`data/${LINK_COLUMNS_FILE}`)));
    expect(asked).toBeGreaterThan(0);
    expect(fellBack.at(-1)).toEqual([]);
  });

  it('reads links.json, still vouched for, when the compact file is missing or not one at all', async () => {
    servePublished({ [`data/${LINK_COLUMNS_FILE}`]: null });
    const missing = await load();
    expect(requested).toContain('data/links.json');
    servePublished({ [`data/${LINK_COLUMNS_FILE}`]: new TextEncoder().encode('<!doctype html><p>not here</p>') });
    await load();
    expect(requested).toContain('data/links.json');
    expect(validateFetched).not.toHaveBeenCalled();
    expect(missing.index.dataset.links).toHaveLength((JSON.parse(files['data/links.json']!) as unknown[]).length);
  });
});
