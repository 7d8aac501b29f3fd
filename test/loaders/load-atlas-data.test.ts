/** The loader's optional alias list: absent means none; present, it is parsed; malformed, it is named like any data problem. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DataError, loadAtlasData } from '../../src/loaders/load-atlas-data.ts';

const require = createRequire(import.meta.url);
const files: Record<string, string> = {
  'world/countries-50m.json': readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ...Object.fromEntries(['sources', 'institutions', 'partners', 'links', 'aliases'].map((f) => [`data/${f}.json`, readFileSync(`data/${f}.json`, 'utf8')])),
};

/** Serves `files` (with overrides) at http://atlas.test/; anything else is a 404. */
function serve(over: Record<string, string | null> = {}) {
  vi.stubGlobal('fetch', async (url: string) => {
    const path = new URL(url).pathname.slice(1);
    const body = path in over ? over[path] : files[path];
    return body == null ? new Response('not found', { status: 404 }) : new Response(body, { headers: { 'Content-Type': 'application/json' } });
  });
}
const load = () => loadAtlasData('data', () => {}, undefined, 'http://atlas.test/');

afterEach(() => {
  vi.unstubAllGlobals();
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
