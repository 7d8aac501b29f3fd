/**
 * Every way a file can fail to load names the file and what went wrong (issue 12, item 4): a body
 * that breaks off, one that does not match its Content-Encoding, a file that never answers (or
 * stops half-way), an HTTP error, shapes without countries, a broken review log.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import i18next from 'i18next';
import en from '../../src/i18n/locales/en.json';
import zh from '../../src/i18n/locales/zh.json';
import { DataError, FetchError, loadAtlasData, pageStallMs, STALL_MS, type WordedProblem } from '../../src/loaders/load-atlas-data.ts';
import { loadReviewLog } from '../../src/loaders/load-review-log.ts';
import { fetchErrorText } from '../../src/ui/StatusViews.tsx';

const require = createRequire(import.meta.url);
const WORLD = readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8');
const files: Record<string, string> = {
  'world/countries-50m.json': WORLD,
  ...Object.fromEntries(['sources', 'institutions', 'partners', 'links', 'aliases', 'programmes'].map((f) => [`data/${f}.json`, readFileSync(`data/${f}.json`, 'utf8')])),
};

type Reply = (signal: AbortSignal) => Response | Promise<Response>;
const abortError = () => new DOMException('The operation was aborted.', 'AbortError');

/** Never answers; rejects as a browser does when the request is aborted. */
const never: Reply = (signal) => new Promise((_, fail) => signal.addEventListener('abort', () => fail(abortError()), { once: true }));

/** A body that sends `pieces`, one every `gapMs`, then ends, fails (`end: 'error'`) or hangs (`end: 'hang'`). */
function body(pieces: string[], end: 'close' | 'error' | 'hang', signal: AbortSignal, gapMs = 0): ReadableStream<Uint8Array> {
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  let i = 0;
  return new ReadableStream({
    async pull(c) {
      if (gapMs) await new Promise((r) => setTimeout(r, gapMs));
      if (i < bytes.length) return c.enqueue(bytes[i++]!);
      if (end === 'close') return c.close();
      if (end === 'error') return c.error(new TypeError('network error'));
      await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      c.error(abortError());
    },
  });
}

/** The same, as a byte stream (as a browser's fetch gives): read with a byte reader, straight into one buffer. */
function byteBody(pieces: string[], end: 'close' | 'error' | 'hang', signal: AbortSignal): ReadableStream<Uint8Array> {
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  let i = 0;
  return new ReadableStream({
    type: 'bytes',
    async pull(c) {
      if (i < bytes.length) return c.enqueue(bytes[i++]!);
      if (end === 'close') return c.close();
      if (end === 'error') return c.error(new TypeError('network error'));
      await new Promise<void>((r) => signal.addEventListener('abort', () => r(), { once: true }));
      c.error(abortError());
    },
  });
}

/** A body that sends a space every 20 ms until the request is aborted: slow, but alive. */
const trickle: Reply = (signal) => new Response(new ReadableStream<Uint8Array>({
  async pull(c) {
    await new Promise((r) => setTimeout(r, 20));
    if (signal.aborted) c.error(abortError());
    else c.enqueue(new TextEncoder().encode(' '));
  },
}));

const requested: { url: string; signal: AbortSignal }[] = [];
/** Serves `files` at http://atlas.test/, with `over` answering some paths its own way; anything else is a 404. */
function serve(over: Record<string, Reply> = {}) {
  requested.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const path = new URL(url).pathname.slice(1);
    requested.push({ url: path, signal: init.signal! });
    if (path in over) return over[path]!(init.signal!);
    const text = files[path];
    return text == null ? new Response('not found', { status: 404 }) : new Response(text, { headers: { 'Content-Type': 'application/json' } });
  });
}

const load = (stallMs = 5_000, signal?: AbortSignal) => loadAtlasData('data', () => {}, signal, 'http://atlas.test/', stallMs);
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('loaded, but it should have failed'); }, (e: unknown) => e);

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('a body that breaks off or cannot be decoded', () => {
  it('names the file when the reply breaks off half-way', async () => {
    serve({ 'data/links.json': (s) => new Response(body(['[{"id":', '"x"'], 'error', s), { headers: { 'Content-Type': 'application/json', 'Content-Length': '5000' } }) });
    const e = await failure(load());
    expect(e).toBeInstanceOf(FetchError);
    expect(e).toMatchObject({ file: 'data/links.json', kind: 'truncated', detail: '10' });
    expect((e as Error).message).toBe('data/links.json: the reply broke off after 10 of 5000 bytes');
  });

  it('says a reply that claims a compression and gives not one byte could not be decoded', async () => {
    serve({ 'data/sources.json': (s) => new Response(body([], 'error', s), { headers: { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' } }) });
    const e = await failure(load());
    expect(e).toMatchObject({ file: 'data/sources.json', kind: 'decode', detail: 'gzip' });
  });

  it('calls a compressed reply that stops after some bytes broken off, not undecodable', async () => {
    serve({ 'data/sources.json': (s) => new Response(body(['[{'], 'error', s), { headers: { 'Content-Encoding': 'br' } }) });
    expect(await failure(load())).toMatchObject({ file: 'data/sources.json', kind: 'truncated' });
  });

  it('still reads a whole body, sent in pieces, with or without a length', async () => {
    const text = files['data/links.json']!;
    const pieces = [text.slice(0, 1000), text.slice(1000, 5000), text.slice(5000)];
    serve({ 'data/links.json': (s) => new Response(body(pieces, 'close', s), { headers: { 'Content-Length': String(new TextEncoder().encode(text).length) } }) });
    const a = await load();
    serve({ 'data/links.json': (s) => new Response(body(pieces, 'close', s)) });
    const b = await load();
    expect(a.index.dataset.links.length).toBe(JSON.parse(text).length);
    expect(b.index.dataset).toEqual(a.index.dataset);
  });
});

describe('a body read with a byte reader (a known length, not compressed)', () => {
  const text = files['data/links.json']!;
  const length = String(new TextEncoder().encode(text).length);
  const pieces = [text.slice(0, 1000), text.slice(1000, 5000), text.slice(5000)];

  it('reads the whole body, sent in pieces, as the piece reader does', async () => {
    let readers = 0;
    serve({ 'data/links.json': (s) => {
      const stream = byteBody(pieces, 'close', s);
      const getReader = stream.getReader.bind(stream);
      // Counts the byte readers asked for, so that the test fails if the path is not taken.
      stream.getReader = ((o?: { mode?: 'byob' }) => { if (o?.mode === 'byob') readers++; return getReader(o as never); }) as typeof stream.getReader;
      return new Response(stream, { headers: { 'Content-Length': length } });
    } });
    const a = await load();
    expect(readers).toBe(1);
    serve({ 'data/links.json': (s) => new Response(body(pieces, 'close', s), { headers: { 'Content-Length': length } }) });
    expect(a.index.dataset).toEqual((await load()).index.dataset);
  });

  it('names the file and the bytes that came when the reply breaks off', async () => {
    serve({ 'data/links.json': (s) => new Response(byteBody(['[{"id":', '"x"'], 'error', s), { headers: { 'Content-Length': '5000' } }) });
    expect(await failure(load())).toMatchObject({ file: 'data/links.json', kind: 'truncated', detail: '10' });
  });

  it('gives up on a reply that stops sending half-way', async () => {
    serve({ 'data/links.json': (s) => new Response(byteBody(['[{"id":'], 'hang', s), { headers: { 'Content-Length': '5000' } }) });
    expect(await failure(load(80))).toMatchObject({ file: 'data/links.json', kind: 'timeout' });
  });
});

describe('a file that never answers', () => {
  it('is given up on after the stall time, named, and the other requests are stopped', async () => {
    serve({ 'data/partners.json': never, 'data/links.json': trickle });
    const progress: (readonly string[])[] = [];
    const started = Date.now();
    const e = await failure(loadAtlasData('data', (_d, _t, waiting) => progress.push(waiting), undefined, 'http://atlas.test/', 80));
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(e).toBeInstanceOf(FetchError);
    expect(e).toMatchObject({ kind: 'timeout', detail: '0' });
    expect((e as FetchError).file).toBe('data/partners.json');
    // The progress named the two files it was still waiting for.
    expect([...progress.at(-1)!].sort()).toEqual(['data/links.json', 'data/partners.json']);
    // Both unfinished requests are stopped: the one that timed out, and the slow one with it.
    const hanging = requested.filter((r) => r.url === 'data/partners.json' || r.url === 'data/links.json');
    expect(hanging.map((r) => r.signal.aborted)).toEqual([true, true]);
  });

  it('is given up on when it stops sending half-way', async () => {
    serve({ 'data/links.json': (s) => new Response(body(['[{"id":'], 'hang', s)) });
    expect(await failure(load(80))).toMatchObject({ file: 'data/links.json', kind: 'timeout' });
  });

  it('is never cut off while its pieces keep arriving, however long it takes in all', async () => {
    const text = files['data/sources.json']!;
    const pieces = Array.from({ length: 8 }, (_, i) => text.slice((i * text.length) / 8, ((i + 1) * text.length) / 8));
    serve({ 'data/sources.json': (s) => new Response(body(pieces, 'close', s, 40)) });
    // 8 pieces 40 ms apart: 320 ms in all, three times the stall time, but never 120 ms without a byte.
    expect((await load(120)).index.dataset.sources.length).toBe(JSON.parse(text).length);
  });

  it('stops as the caller asks, with the caller\'s abort rather than a timeout', async () => {
    serve({ 'data/links.json': never });
    const ctrl = new AbortController();
    const pending = failure(load(10_000, ctrl.signal));
    setTimeout(() => ctrl.abort(), 20);
    const e = await pending;
    expect(e).not.toBeInstanceOf(FetchError);
    expect((e as Error).name).toBe('AbortError');
  });

  it('waits 30 s by default; a test may shorten it through window.__atlasStallMs only', () => {
    expect(STALL_MS).toBe(30_000);
    expect(pageStallMs()).toBe(30_000);
    vi.stubGlobal('__atlasStallMs', 1500);
    expect(pageStallMs()).toBe(1500);
    for (const bad of [-1, 0, Number.NaN, '200', null]) {
      vi.stubGlobal('__atlasStallMs', bad);
      expect(pageStallMs()).toBe(30_000);
    }
  });
});

describe('other failures name their file', () => {
  it('an HTTP error, with its status', async () => {
    serve({ 'data/sources.json': () => new Response('down', { status: 503 }) });
    expect(await failure(load())).toMatchObject({ file: 'data/sources.json', kind: 'http', detail: '503', message: 'data/sources.json: HTTP 503' });
  });

  it('a request that gets no answer at all', async () => {
    serve({ 'data/institutions.json': () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await failure(load())).toMatchObject({ file: 'data/institutions.json', kind: 'network' });
  });

  it('shapes without a countries object, or that are no topology at all', async () => {
    const world = JSON.parse(WORLD) as { objects: Record<string, unknown> };
    const cases: [unknown, Partial<WordedProblem>][] = [
      [{ ...world, objects: { land: world.objects.land } }, { field: 'objects.countries', key: 'error.problem.noCountries' }],
      [{ ...world, objects: { ...world.objects, countries: { type: 'Polygon' } } }, { field: 'objects.countries', key: 'error.problem.badCountries' }],
      [{ type: 'FeatureCollection', features: [] }, { field: 'objects', key: 'error.problem.notTopology' }],
      [[], { field: 'objects', key: 'error.problem.notTopology' }],
    ];
    for (const [shapes, problem] of cases) {
      serve({ 'world/countries-50m.json': () => new Response(JSON.stringify(shapes)) });
      const e = await failure(load());
      expect(e).toBeInstanceOf(DataError);
      expect((e as DataError).problems).toEqual([expect.objectContaining({ file: 'world/countries-50m.json', id: '(file)', ...problem })]);
      expect((e as Error).message).toMatch(/^world\/countries-50m\.json objects/);
    }
  });

  it('shapes whose geometries are broken', async () => {
    const world = JSON.parse(WORLD) as { objects: { countries: { geometries: unknown[] } } };
    world.objects.countries.geometries = [{ type: 'Polygon', arcs: [[999_999]] }];
    serve({ 'world/countries-50m.json': () => new Response(JSON.stringify(world)) });
    const e = await failure(load());
    expect((e as DataError).problems).toEqual([expect.objectContaining({ file: 'world/countries-50m.json', key: 'error.problem.unreadableTopology' })]);
  });

  it('a broken review log: the message names the file, the lead and the field', async () => {
    serve({ 'data/review/leads.json': () => new Response(JSON.stringify({ 'B01.1': { links: [] } }), { headers: { 'Content-Type': 'application/json' } }) });
    const e = await failure(loadReviewLog('data', undefined, 'http://atlas.test/'));
    expect(e).toBeInstanceOf(DataError);
    expect((e as DataError).problems).toEqual([expect.objectContaining({ file: 'data/review/leads.json', id: 'B01.1', field: 'links' })]);
    expect((e as Error).message).toMatch(/^data\/review\/leads\.json \(B01\.1\) links: list at least one link/);
  });

  it('a review log that breaks off', async () => {
    serve({ 'data/review/leads.json': (s) => new Response(body(['{"B01'], 'error', s), { headers: { 'Content-Type': 'application/json' } }) });
    expect(await failure(loadReviewLog('data', undefined, 'http://atlas.test/'))).toMatchObject({ file: 'data/review/leads.json', kind: 'truncated' });
  });
});

describe('the words for a failed fetch', () => {
  it('name the file and the failure in English and Chinese', async () => {
    const i18 = i18next.createInstance();
    await i18.init({ resources: { en: { translation: en }, zh: { translation: zh } }, lng: 'en', interpolation: { escapeValue: false } });
    const say = (lang: string, e: FetchError) => fetchErrorText(e, i18.getFixedT(lang));
    expect(say('en', new FetchError('data/links.json', '', 'truncated', '10'))).toBe('Could not load data/links.json: the reply broke off before the whole file arrived.');
    expect(say('en', new FetchError('data/links.json', '', 'decode', 'gzip'))).toBe('Could not load data/links.json: the reply could not be decoded: the server says it is compressed as “gzip”, but it is not.');
    expect(say('en', new FetchError('data/sources.json', '', 'http', '503'))).toBe('Could not load data/sources.json: HTTP 503.');
    expect(say('en', new FetchError('data/links.json', '', 'timeout', '30'))).toBe('data/links.json did not answer: nothing arrived from it for 30 seconds.');
    expect(say('zh', new FetchError('data/links.json', '', 'truncated', '10'))).toBe('无法加载 data/links.json：回复在整个文件到达之前中断了。');
    expect(say('zh', new FetchError('data/links.json', '', 'timeout', '30'))).toBe('data/links.json 没有响应：30 秒内未收到任何数据。');
  });
});

describe('the progress total', () => {
  it('that the loading view starts with is the total every progress report of a load gives', async () => {
    const { LOAD_FILE_COUNT } = await import('../../src/loaders/load-atlas-data.ts');
    serve();
    const totals = new Set<number>();
    await loadAtlasData('data', (_done, total) => totals.add(total), undefined, 'http://atlas.test/', 5_000).catch(() => undefined);
    expect([...totals]).toEqual([LOAD_FILE_COUNT]);
  });
});
