/**
 * `npm run bench`: builds the app, serves it on 127.0.0.1, opens it in headless Chromium and
 * measures what users feel: the JavaScript loaded before the map is ready (against the bare
 * libraries) and the JavaScript left to load on demand, navigation → map ready (the app's
 * `atlas:ready` mark), the main-thread cost of one timeline step with no filter and with a filter
 * in the URL, and heap size, for the real data and synthetic datasets of 1k–1M links. Prints
 * tables and writes results.json.
 *
 * Then Lighthouse scores the atlas and a bare MapLibre page drawing the same basemap (lighthouse.ts).
 *
 * Options: --sizes 1000,10000 (default 1k,10k,100k,1M), --steps N (default 20: fewer made the filtered ratio swing between runs),
 * --filter 'cat=clinical' (the URL filter for the second step measurement; default cat=clinical),
 * --lighthouse-runs N (runs per page, default 5), --step-loads N (page loads whose steps are measured, per
 * dataset and filter, in rounds that alternate the datasets; the load with the median step cost is reported; default 5), --ready-runs N (loads of the atlas and of the bare
 * MapLibre page each, alternating, after two uncounted pairs, for ready against the bare page; default 15), --only lighthouse (builds, runs Lighthouse alone
 * and replaces only the `lighthouse` part of results.json), --port N (default 4329).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from './static-server.ts';
import { BARE_MAP_MOUNT, BARE_MAP_OUT, lighthouseReport, measureLighthouse, prepareBareMap, type LighthouseResult } from './lighthouse.ts';
import { argValue } from '../../src/cli/args.ts';
import { SCHEMA_SOURCES } from '../../src/cli/build-manifest.ts';
import { URL_SETTLE_MS } from '../../src/url/use-url-sync.ts';
import { LIVE_SETTLE_MS } from '../../src/ui/live-settle.ts';

const args = process.argv.slice(2);
const SIZES = (argValue(args, 'sizes') ?? '1000,10000,100000,1000000').split(',').map(Number);
const STEPS = Number(argValue(args, 'steps') ?? '20');
/**
 * The filter for the second step measurement. The synthetic data draws each link's one type
 * uniformly from the 17 types (src/domain/synth.ts); "clinical" holds 4 of them, so it keeps
 * about a quarter of the links ("training", one type, would keep 6 %).
 */
const FILTER = (argValue(args, 'filter') ?? 'cat=clinical').replace(/^[?&]/, '');
const LIGHTHOUSE_RUNS = Number(argValue(args, 'lighthouse-runs') ?? '5');
/**
 * Loads of each page for "ready against the bare MapLibre page", alternating atlas and bare. One
 * load of the same page ranged over ±15 % here (SwiftShader's frames), so the medians need nine;
 * with nine the ratio still moved by 0.05 between runs of the same code, so fifteen.
 */
const READY_RUNS = Number(argValue(args, 'ready-runs') ?? '15');
/** Pairs of loads (atlas, bare) before those counted: see measureReadyVsBare. */
const WARM_UP_PAIRS = 2;
/**
 * Page loads whose steps are measured, per dataset and filter, in as many rounds (each round loads
 * every dataset once, plain and filtered). One load's step cost swung by a
 * third between runs of the same code (the bundled data: 19.0 ms in one, 27.4 ms in the next),
 * more than the 1.2× the targets allow; the load with the median step cost is reported, and
 * every load's figure is kept beside it. With three or four loads the 1M/1k ratio still moved by
 * ±0.2 between runs of the same code (0.90× to 1.21×), so five.
 */
const STEP_LOADS = Number(argValue(args, 'step-loads') ?? '5');
const ONLY = argValue(args, 'only');
if (ONLY !== undefined && ONLY !== 'lighthouse') throw new Error(`--only: only "lighthouse" can run alone, not ${ONLY}`);
const PORT = Number(argValue(args, 'port') ?? '4329');
const DIST = 'dist';
const BASELINE_OUT = '.bench/baseline';
/** Synthetic datasets live outside dist/ (each build empties it) and are served at /bench/. */
const SYNTH_DIR = '.bench/synth';
const sh = (cmd: string, a: string[]) => execFileSync(cmd, a, { stdio: ['ignore', 'inherit', 'inherit'] });

const gzipSize = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
// Source maps (`.js.map`) end in `.map`: they are never counted as JavaScript.
const isJs = (name: string) => /\.m?js$/.test(name);

/** Files under `dir` (recursively) whose names end in one of `exts`, as paths relative to `dir` with `/`. */
function filesIn(dir: string, exts: string[]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x))) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}
const gzipSizeOf = (dir: string, exts: string[]) => filesIn(dir, exts).reduce((t, f) => t + gzipSize(join(dir, f)), 0);

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

const RESULTS = 'test/bench/results.json';
/** Lighthouse on the atlas (at the server's root) and the bare basemap page, while `server` serves both. */
async function lighthouseRun(): Promise<LighthouseResult> {
  return measureLighthouse(`http://127.0.0.1:${PORT}/`, `http://127.0.0.1:${PORT}${BARE_MAP_MOUNT}bare-map.html`, LIGHTHOUSE_RUNS);
}

console.error('building the app, the bare-library baseline and the bare basemap page…');
sh('npx', ['vite', 'build', '--logLevel', 'warn']);
sh('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'test/bench/bare-map.config.ts']);
prepareBareMap();
if (ONLY === 'lighthouse') {
  const server = await serveStatic(DIST, PORT, { [BARE_MAP_MOUNT]: BARE_MAP_OUT });
  try {
    const lighthouse = await lighthouseRun();
    console.log(lighthouseReport(lighthouse));
    const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>) : {};
    writeFileSync(RESULTS, `${JSON.stringify({ ...previous, lighthouse: { date: new Date().toISOString(), ...lighthouse } }, null, 2)}\n`);
  } finally {
    server.close();
    rmSync(BARE_MAP_OUT, { recursive: true, force: true });
  }
  process.exit(0);
}
sh('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'test/bench/baseline.config.ts']);
const appCss = gzipSizeOf(join(DIST, 'assets'), ['.css']);
const baseJs = gzipSizeOf(join(BASELINE_OUT, 'assets'), ['.js', '.mjs']);
const baseCss = gzipSizeOf(join(BASELINE_OUT, 'assets'), ['.css']);

// Written once and kept: a stamp records the generator's source, so a changed generator rewrites them.
// Published as the build publishes data/ (--publish: validated, with its manifest and compact links), so
// the bench measures the path a published dataset takes; the stamp covers the rules and the compact form too.
const synthStamp = ['src/domain/synth.ts', 'src/cli/data-synth.ts', 'src/cli/build-manifest.ts', ...SCHEMA_SOURCES]
  .reduce((h, f) => h.update(readFileSync(f)), createHash('sha256')).digest('hex');
for (const n of SIZES) {
  const out = join(SYNTH_DIR, label(n));
  const stamp = join(out, '.stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === synthStamp) continue;
  rmSync(out, { recursive: true, force: true });
  // Validating a million records in Node needs more than its default heap.
  execFileSync('npx', ['tsx', 'src/cli/data-synth.ts', '--links', String(n), '--seed', '1', '--out', out, '--publish'], {
    stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=6144` },
  });
  writeFileSync(stamp, synthStamp);
}

/** One page load and its steps. */
interface Measure {
  readyMs: number; stepMs: number; stepP90Ms: number; jsMs: number; gcMs: number; urlMs: number; idleGcPerSec: number; postLoadGcMs: number; reducerGcMs: number;
  taskMs: number; latencyMs: number; heapMB: number;
  /** The step's cost: JS − deferred URL write + GC beyond the idle rate. */
  stepCostMs: number;
  /** Links the filter sentence counts in the initial window (all links up to the last year). */
  linksShown: number;
  /** What the map drew in the steps: arcs one by one (`each`) or their bundles (arc-bundles.ts), and how many. */
  arcLevel: string; arcSlots: number;
  /** The step cost of every load measured (STEP_LOADS); this measure is the load with the median one. */
  stepCostLoadsMs?: number[];
  /** The idle GC rate of every load measured (STEP_LOADS), in the same order. */
  idleGcLoadsPerSec?: number[];
  /** The memory reducer's GC after the forced collection, and navigation → ready, of every load, in the same order. */
  reducerGcLoadsMs?: number[];
  readyLoadsMs?: number[];
}
interface Row extends Measure {
  dataset: string; links: number; filtered: Measure & { query: string };
  /** Navigation → ready for the same data as JSON alone, validated in the browser (no manifest). */
  validatingReadyMs: number;
}

/**
 * Before any page script runs: when the app marks `atlas:ready`, note at once (not when the
 * bench next polls, by which time an on-demand chunk may have started loading) the resources
 * fetched so far and the document's scripts and module preloads.
 */
function captureAtReady() {
  const w = window as unknown as { __benchAtReady?: { urls: string[]; readyAt: number } };
  const mark = performance.mark.bind(performance);
  performance.mark = (name: string, options?: PerformanceMarkOptions) => {
    const entry = mark(name, options);
    if (name === 'atlas:ready' && !w.__benchAtReady) {
      const urls = performance.getEntriesByType('resource').map((e) => e.name);
      for (const el of document.querySelectorAll<HTMLScriptElement>('script[src]')) urls.push(el.src);
      for (const el of document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"][href]')) urls.push(el.href);
      w.__benchAtReady = { urls, readyAt: performance.timeOrigin + entry.startTime };
    }
    return entry;
  };
}

/** Navigates, waits for the app's own ready mark, returns its time since navigation start. */
async function loadUntilReady(page: Page, query: string): Promise<number> {
  await page.addInitScript(captureAtReady);
  await page.goto(`http://127.0.0.1:${PORT}/${query}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 600_000, polling: 200 });
  return page.evaluate(() => performance.getEntriesByName('atlas:ready')[0]?.startTime ?? Number.NaN);
}

/**
 * The JavaScript files the page loaded before `atlas:ready`, as paths under dist/: what the page
 * fetched or had begun to fetch (resource timing: scripts, module imports, the worker's script and
 * its static imports), the document's scripts
 * and module preloads, and what each worker started by then fetched itself (imports,
 * importScripts), read in the worker. Sorted, each once.
 */
async function jsLoadedBeforeReady(page: Page): Promise<string[]> {
  const at = await page.evaluate(() => (window as unknown as { __benchAtReady?: { urls: string[]; readyAt: number } }).__benchAtReady);
  if (!at) throw new Error('atlas:ready was marked before the bench could see it');
  // A resource's entry appears when it has arrived; add those requested before the mark that were still on their way.
  const inFlight = await page.evaluate((readyAt) => performance.getEntriesByType('resource')
    .filter((e) => performance.timeOrigin + e.startTime <= readyAt).map((e) => e.name), at.readyAt);
  const urls = [...at.urls, ...inFlight];
  for (const worker of page.workers()) {
    const w = await worker.evaluate((readyAt) => ({
      started: performance.timeOrigin,
      urls: performance.getEntriesByType('resource').filter((e) => performance.timeOrigin + e.startTime <= readyAt).map((e) => e.name),
    }), at.readyAt);
    if (w.started <= at.readyAt) urls.push(worker.url(), ...w.urls);
  }
  const root = `http://127.0.0.1:${PORT}/`;
  const files = new Set<string>();
  for (const u of urls) {
    if (u.startsWith('blob:') || u.startsWith('data:')) continue; // made from code already counted
    const { pathname } = new URL(u);
    if (!isJs(pathname)) continue;
    if (!u.startsWith(root)) throw new Error(`script off the origin: ${u}`);
    const file = decodeURIComponent(pathname.slice(1));
    if (!existsSync(join(DIST, file)) || !statSync(join(DIST, file)).isFile()) throw new Error(`the page loaded ${u}, which is not in ${DIST}/`);
    files.add(file);
  }
  return [...files].sort();
}

/** The filter sentence ("Clinical care & remote surgery · Up to 2025: 1,234 links · …") and its link count. */
async function filterSentence(page: Page): Promise<{ text: string; links: number }> {
  const text = (await page.locator('.filter-sentence').first().textContent()) ?? '';
  const m = /: ([\d,]+) links?\b/.exec(text);
  if (!m?.[1]) throw new Error(`no link count in the filter sentence: ${text}`);
  return { text, links: Number(m[1].replaceAll(',', '')) };
}

/** What the filter in the URL must put in the sentence: the English names of its categories and types. */
function expectedFilterWords(query: string): string[] {
  const en = JSON.parse(readFileSync('src/i18n/locales/en.json', 'utf8')) as { category: Record<string, string>; type: Record<string, string> };
  const params = new URLSearchParams(query);
  const words = (key: 'cat' | 'type', names: Record<string, string>) => (params.get(key)?.split(',') ?? []).map((id) => {
    const w = names[id];
    if (!w) throw new Error(`--filter: unknown ${key} ${id}`);
    return w;
  });
  return [...words('cat', en.category), ...words('type', en.type)];
}

/**
 * One timeline step = a key press on the year slider, with reduced motion on so that the step
 * is one frame and not the arcs' grow-in animation. Steps follow each other as when a presenter
 * steps year by year: each waits for its frame (two animation frames) and then `SETTLED_MS`, long
 * enough for the work deferred until the view settles (the URL write 350 ms after a change, the
 * screen reader's announcement 400 ms after) to run in every step, at every size. (Steps 100 ms
 * apart, as when someone scrubs, shared that work among all the steps at 1k, where a frame is
 * quick, but not at 1M, where SwiftShader's frame outlasts the delays: the two sizes then paid
 * for different work.)
 *
 * What is measured, from a sampling CPU profile of the main thread over all steps:
 * - `jsMs`: JavaScript per step (the app, React, MapLibre), without the profiler's "(program)"
 *   bucket — native time, which on this machine is mostly GL calls waiting for SwiftShader to
 *   rasterise on the CPU (with a GPU that wait is not main-thread work);
 * - `gcMs`: garbage collection per step beyond the page's background rate (measured first, with
 *   no input, over `IDLE_MS`); only GC above that rate during the steps is put down to the steps.
 * Before either, the page's post-load clean-up is measured on its own and then completed: V8
 *   runs one or more full collections on a timer in the half-minute after a load (its memory
 *   reducer), whatever the page does; landing in the idle window or among the steps by chance,
 *   it made either figure swing between runs at 1M links. It is reported as `postLoadGcMs` (all
 *   main-thread GC in the `POST_LOAD_MS` after ready, no input); then a full collection through
 *   the protocol settles the heap. That collection restarts the memory reducer: 8 s later V8 runs
 *   one to three memory-reducing collections of its own (30 to 75 ms of main thread in all per load, about the same at
 *   1k and 1M, whose heaps now hold the same objects). They are reported as `reducerGcMs` (all GC
 *   in the `REDUCER_MS` after the forced collection); the idle rate is measured after them, so it
 *   is the page's own steady-state rate, and not when the bench's collection set V8's timer.
 *   (Measured in the window just after the forced collection, as before, the idle rate was that
 *   timer's: 2.8 to 6.4 ms/s for the same page, by whether one, two or three of them landed.)
 * The step's cost is `jsMs + gcMs`, less `urlMs`: the URL write (use-url-sync.ts), whose cost
 * is the browser's history API and not the dataset's; it is timed by its own user-timing
 * measure and reported in its own column. Chromium's ScriptDuration + RecalcStyle + Layout and all task
 * time (which includes SwiftShader) are reported too; `latency` is key press → next frame.
 */
const IDLE_MS = 10_000;
const POST_LOAD_MS = 20_000;
/** The memory reducer's collections after a full one: its 8 s timer, then up to three, 0.5 s apart. */
const REDUCER_MS = 15_000;
/** After a step's frame: past the URL write's URL_SETTLE_MS and the live region's LIVE_SETTLE_MS, with room. */
const SETTLED_MS = Math.max(URL_SETTLE_MS, LIVE_SETTLE_MS) + 100;
async function measureSteps(page: Page, steps: number): Promise<{ work: number[]; task: number[]; latency: number[]; jsPerStep: number; gcPerStep: number; idleGcPerSec: number; postLoadGcMs: number; reducerGcMs: number; urlPerStep: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const profileBuckets = async (run: () => Promise<void>) => {
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await run();
    const wallMs = Date.now() - t0;
    const { profile } = await cdp.send('Profiler.stop');
    const nameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
    let js = 0, gc = 0;
    profile.samples?.forEach((id, i) => {
      const name = nameOf.get(id);
      const us = profile.timeDeltas?.[i] ?? 0;
      if (name === '(garbage collector)') gc += us;
      else if (name !== '(idle)' && name !== '(program)') js += us;
    });
    return { jsMs: js / 1000, gcMs: gc / 1000, wallMs };
  };
  const metrics = async () => {
    const { metrics: ms } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => ms.find((m) => m.name === name)?.value ?? Number.NaN;
    return { work: get('ScriptDuration') + get('RecalcStyleDuration') + get('LayoutDuration'), task: get('TaskDuration') };
  };
  const postLoad = await profileBuckets(() => page.waitForTimeout(POST_LOAD_MS));
  await cdp.send('HeapProfiler.collectGarbage');
  const reducer = await profileBuckets(() => page.waitForTimeout(REDUCER_MS));
  const idle = await profileBuckets(() => page.waitForTimeout(IDLE_MS));
  const idleGcPerMs = idle.gcMs / idle.wallMs;
  await page.getByRole('slider').first().focus();
  const out = { work: [] as number[], task: [] as number[], latency: [] as number[] };
  const settle = () => page.waitForTimeout(SETTLED_MS);
  const frame = () => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  const urlWrites = () => page.evaluate((name) => performance.getEntriesByName(name).reduce((t, e) => t + e.duration, 0), 'atlas:url-write');
  const url0 = await urlWrites();
  const prof = await profileBuckets(async () => {
    for (let i = 0; i < steps; i++) {
      const key = i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight';
      const a = await metrics();
      out.latency.push(await page.evaluate(async (k) => {
        const el = document.activeElement as HTMLElement;
        const t0 = performance.now();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, key));
      await frame();
      await settle();
      const z = await metrics();
      out.work.push((z.work - a.work) * 1000);
      out.task.push((z.task - a.task) * 1000);
    }
    await settle();
  });
  const urlMs = (await urlWrites()) - url0;
  // The same protocol calls, evaluates and waits without a key press: the measuring's own cost.
  const base = { work: [] as number[], task: [] as number[] };
  const baseProf = await profileBuckets(async () => {
    for (let i = 0; i < 4; i++) {
      const a = await metrics();
      await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await frame();
      await settle();
      const z = await metrics();
      base.work.push((z.work - a.work) * 1000);
      base.task.push((z.task - a.task) * 1000);
    }
  });
  const baseWork = median(base.work);
  const baseTask = median(base.task);
  const baseJsPerStep = baseProf.jsMs / 4;
  await settle();
  return {
    work: out.work.map((x) => Math.max(0, x - baseWork)),
    task: out.task.map((x) => Math.max(0, x - baseTask)),
    latency: out.latency,
    jsPerStep: Math.max(0, prof.jsMs / steps - baseJsPerStep),
    gcPerStep: Math.max(0, prof.gcMs - idleGcPerMs * prof.wallMs) / steps,
    idleGcPerSec: idleGcPerMs * 1000,
    postLoadGcMs: postLoad.gcMs,
    reducerGcMs: reducer.gcMs,
    urlPerStep: urlMs / steps,
  };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

const server = await serveStatic(DIST, PORT, { '/bench/': SYNTH_DIR, [BARE_MAP_MOUNT]: BARE_MAP_OUT });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const filterWords = expectedFilterWords(FILTER);
const rows: Row[] = [];
let lighthouse: LighthouseResult | undefined;
/** JS loaded before ready, per page; the seed data's unfiltered page is the one judged. */
const initialByPage: { page: string; files: string[] }[] = [];

/**
 * Navigation → ready for the atlas (its `atlas:ready`: the map idle with every arc drawn) and for
 * the bare MapLibre page drawing the same basemap from the same origin (`bare:ready`: idle),
 * each in a fresh page, alternating so that both see the same machine load. Medians and spread.
 */
async function measureReadyVsBare(runs: number): Promise<{ atlas: number[]; bare: number[] }> {
  const out = { atlas: [] as number[], bare: [] as number[] };
  const once = async (url: string, mark: string) => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    try {
      await page.goto(url);
      await page.waitForFunction((m) => performance.getEntriesByName(m).length > 0, mark, { timeout: 120_000, polling: 50 });
      return await page.evaluate((m) => performance.getEntriesByName(m)[0]?.startTime ?? Number.NaN, mark);
    } finally {
      await page.close();
    }
  };
  // The first loads after the build ran slower for both pages, the atlas's more (3.0–3.1 s against
  // 2.2–2.8 s for its later loads; the bare page's 2.3–2.4 against 1.9–2.4 s): two pairs are loaded
  // first and not counted.
  for (let i = 0; i < WARM_UP_PAIRS; i++) {
    console.error(`ready against the bare page, warm-up ${i + 1} of ${WARM_UP_PAIRS} (not counted)…`);
    await once(`http://127.0.0.1:${PORT}/`, 'atlas:ready');
    await once(`http://127.0.0.1:${PORT}${BARE_MAP_MOUNT}bare-map.html`, 'bare:ready');
  }
  for (let i = 0; i < runs; i++) {
    console.error(`ready against the bare page, run ${i + 1} of ${runs}…`);
    out.atlas.push(await once(`http://127.0.0.1:${PORT}/`, 'atlas:ready'));
    out.bare.push(await once(`http://127.0.0.1:${PORT}${BARE_MAP_MOUNT}bare-map.html`, 'bare:ready'));
  }
  return out;
}

/**
 * Navigation → ready for a folder of JSON alone (no manifest, so no compact links): the path a
 * `data=` folder that did not come through the build takes, validated with the schema in a worker.
 * The same folder, its manifest answered 404. One load (at 1M it takes minutes).
 */
async function measureValidatingReady(query: string): Promise<number> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  try {
    await page.route('**/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
    // (The bundled data's page preloads its compact links whatever the manifest says: the JSON is what must be read.)
    const json: string[] = [];
    page.on('request', (r) => { if (r.url().endsWith('/links.json')) json.push(r.url()); });
    const ms = await loadUntilReady(page, query);
    if (!json.length) throw new Error('the validating path did not read links.json');
    return ms;
  } finally {
    await page.close();
  }
}

/** Loads `query` in a fresh page, measures its steps, closes it. */
async function measurePage(name: string, query: string, filtered: boolean): Promise<Measure> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  const offOrigin: string[] = [];
  page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${PORT}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offOrigin.push(r.url()); });
  console.error(`measuring ${name}${filtered ? ` with ${FILTER}` : ''}…`);
  try {
    const readyMs = await loadUntilReady(page, query);
    initialByPage.push({ page: `${name}${filtered ? ` ${FILTER}` : ''}`, files: await jsLoadedBeforeReady(page) });
    const sentence = await filterSentence(page);
    const chips = await page.locator('.filter-chips .chip').count();
    if (filtered) {
      const missing = filterWords.filter((w) => !sentence.text.includes(w));
      if (chips === 0 || missing.length) throw new Error(`${name}: the page with ${FILTER} is not filtered (sentence: "${sentence.text}", ${chips} chips)`);
    } else if (chips) throw new Error(`${name}: the page without a filter shows ${chips} filter chips`);
    await page.waitForTimeout(500);
    const { work: steps, task, latency, jsPerStep, gcPerStep, idleGcPerSec, postLoadGcMs, reducerGcMs, urlPerStep } = await measureSteps(page, STEPS);
    const sorted = [...steps].sort((a, b) => a - b);
    // The steps go back and forth; after an even number they end where they began, with the count as at load.
    const after = await filterSentence(page);
    if (STEPS % 2 === 0 && after.links !== sentence.links) throw new Error(`${name}: ${sentence.links} links at load, ${after.links} after the steps`);
    const m: Measure = {
      readyMs, stepMs: median(steps), stepP90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN, jsMs: jsPerStep, gcMs: gcPerStep,
      urlMs: urlPerStep, idleGcPerSec, postLoadGcMs, reducerGcMs, taskMs: median(task), latencyMs: median(latency), heapMB: await heapMB(page),
      stepCostMs: Math.max(0, jsPerStep - urlPerStep) + gcPerStep, linksShown: sentence.links,
      arcLevel: (await page.locator('.atlas-map').first().getAttribute('data-arc-level')) ?? 'none',
      arcSlots: Number((await page.locator('.atlas-map').first().getAttribute('data-arc-slots')) ?? 0),
    };
    if (offOrigin.length) throw new Error(`requests off the origin: ${offOrigin.join(', ')}`);
    return m;
  } finally {
    await page.close();
  }
}

/**
 * Of one dataset's loads: the one with the median step cost, with every load's step cost, idle
 * GC rate, reducer GC and ready beside it; its `readyMs` is the median of all the loads' ready.
 */
function medianOf(all: Measure[]): Measure {
  const sorted = [...all].sort((a, b) => a.stepCostMs - b.stepCostMs);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)] as Measure;
  return {
    ...mid, readyMs: median(all.map((m) => m.readyMs)), readyLoadsMs: all.map((m) => m.readyMs),
    stepCostLoadsMs: all.map((m) => m.stepCostMs), idleGcLoadsPerSec: all.map((m) => m.idleGcPerSec), reducerGcLoadsMs: all.map((m) => m.reducerGcMs),
  };
}

let readyVsBare: { atlas: number[]; bare: number[] } | undefined;
try {
  readyVsBare = await measureReadyVsBare(READY_RUNS);
  const datasets: [string, number, string][] = [['seed data', 0, ''], ...SIZES.map((n): [string, number, string] => [`synthetic ${label(n)}`, n, `data=bench/${label(n)}`])];
  // Round after round, each round one load of every dataset, plain and filtered: the sizes compared
  // (1M against 1k, 100k against the bundled data) then see the same machine, as ready against the
  // bare page does. Measured dataset after dataset, minutes apart, the machine's drift fell between
  // the two sides of a ratio (every step figure of one run came out 15 % above the run before).
  const plainLoads = datasets.map((): Measure[] => []);
  const filteredLoads = datasets.map((): Measure[] => []);
  for (let round = 0; round < STEP_LOADS; round++) {
    console.error(`round ${round + 1} of ${STEP_LOADS}:`);
    for (const [d, [name, , dataQuery]] of datasets.entries()) {
      const plain = await measurePage(name, dataQuery ? `?${dataQuery}` : '', false);
      const filtered = await measurePage(name, `?${[dataQuery, FILTER].filter(Boolean).join('&')}`, true);
      if (!(filtered.linksShown > 0 && filtered.linksShown < plain.linksShown)) {
        throw new Error(`${name}: ${FILTER} shows ${filtered.linksShown} of ${plain.linksShown} links; pick a filter that keeps some but not all (--filter)`);
      }
      plainLoads[d]?.push(plain);
      filteredLoads[d]?.push(filtered);
    }
  }
  for (const [d, [name, n, dataQuery]] of datasets.entries()) {
    const plain = medianOf(plainLoads[d] ?? []);
    const filtered = medianOf(filteredLoads[d] ?? []);
    console.error(`measuring ${name} as a folder of JSON alone (validated in the browser)…`);
    const validatingReadyMs = await measureValidatingReady(dataQuery ? `?${dataQuery}` : '');
    const links = n || (JSON.parse(readFileSync(join(DIST, 'data', 'links.json'), 'utf8')) as unknown[]).length;
    rows.push({ dataset: name, links, ...plain, validatingReadyMs, filtered: { query: FILTER, ...filtered } });
  }
  await browser.close();
  // Last, with the bench's own browser closed: Lighthouse starts a Chromium of its own.
  lighthouse = await lighthouseRun();
} finally {
  await browser.close();
  server.close();
}

// Sizes. Initial: the JS the seed data's unfiltered page loaded before atlas:ready (the worker
// included). On demand: every other JS file the build wrote. Baseline: all the bare libraries' JS.
const initialFiles = initialByPage[0]?.files ?? [];
const sized = (files: string[]) => files.map((file) => ({ file, gzip: gzipSize(join(DIST, file)) }));
const initialJs = sized(initialFiles);
const onDemandJs = sized(filesIn(join(DIST, 'assets'), ['.js', '.mjs']).map((f) => `assets/${f}`).filter((f) => !initialFiles.includes(f)));
const sum = (xs: { gzip: number }[]) => xs.reduce((t, x) => t + x.gzip, 0);
const initialJsGzip = sum(initialJs);
const onDemandJsGzip = sum(onDemandJs);
const otherInitial = initialByPage.filter((p) => p.files.join() !== initialFiles.join());
rmSync(BASELINE_OUT, { recursive: true, force: true });
rmSync(BARE_MAP_OUT, { recursive: true, force: true });

const at = (links: number) => rows.find((r) => r.links === links);
const ratio = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? null : a / b);
const stepCost1mOver1k = ratio(at(1_000_000)?.stepCostMs, at(1000)?.stepCostMs);
const filteredStepCost1mOver1k = ratio(at(1_000_000)?.filtered.stepCostMs, at(1000)?.filtered.stepCostMs);
const chromeStep1mOver1k = ratio(at(1_000_000)?.stepMs, at(1000)?.stepMs);
const within = (x: number | undefined, limit: number) => (x === undefined ? null : x <= limit);
const seed = rows.find((r) => r.dataset === 'seed data');
const readyAtlas = readyVsBare ? median(readyVsBare.atlas) : undefined;
const readyBare = readyVsBare ? median(readyVsBare.bare) : undefined;
const readyOverBare = ratio(readyAtlas, readyBare);
const ready100kOverSeed = ratio(at(100_000)?.readyMs, seed?.readyMs);
const ready1mOverSeed = ratio(at(1_000_000)?.readyMs, seed?.readyMs);
/**
 * A dataset's idle GC rate: the median over every load measured (with and without the filter),
 * each over `IDLE_MS` once the memory reducer's collections after the bench's forced one are over
 * (measureSteps). The "no higher at 1M than at 1k" target compares these medians.
 */
const idleGcLoads = (r: Row | undefined) => r ? [...(r.idleGcLoadsPerSec ?? [r.idleGcPerSec]), ...(r.filtered.idleGcLoadsPerSec ?? [r.filtered.idleGcPerSec])] : [];
const idleGcOf = (r: Row | undefined) => r ? median(idleGcLoads(r)) : undefined;
const idleGc1m = idleGcOf(at(1_000_000));
const idleGc1k = idleGcOf(at(1000));
const targets = {
  initialJsWithinBudget: initialJsGzip <= 1.25 * baseJs,
  stepJs1mWithinFrame: within(at(1_000_000)?.stepCostMs, 16),
  stepJs1mVs1k: stepCost1mOver1k === null ? null : stepCost1mOver1k <= 1.2,
  filteredStepJs1mWithinFrame: within(at(1_000_000)?.filtered.stepCostMs, 16),
  filteredStepJs1mVs1k: filteredStepCost1mOver1k === null ? null : filteredStepCost1mOver1k <= 1.2,
  stepChromeMetrics1mWithinFrame: within(at(1_000_000)?.stepMs, 16),
  stepChromeMetrics1mVs1k: chromeStep1mOver1k === null ? null : chromeStep1mOver1k <= 1.2,
  readyWithin12xBare: readyOverBare === null ? null : readyOverBare <= 1.2,
  ready100kWithin2xSeed: ready100kOverSeed === null ? null : ready100kOverSeed <= 2,
  ready1mWithin5xSeed: ready1mOverSeed === null ? null : ready1mOverSeed <= 5,
  heap1mWithin150MB: within(at(1_000_000)?.heapMB, 150),
  idleGc1mNotAbove1k: idleGc1m !== undefined && idleGc1k !== undefined ? idleGc1m <= idleGc1k : null,
  lighthouseAccessibility100: lighthouse?.targets.accessibility100 ?? null,
  lighthouseBestPractices100: lighthouse?.targets.bestPractices100 ?? null,
  lighthousePerformanceNotBelowBare: lighthouse?.targets.performanceNotBelowBare ?? null,
};
const yn = (x: boolean | null) => (x === null ? 'not measured' : x ? 'met' : 'NOT met');
const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
const times = (x: number | null) => (x === null ? 'not measured' : `${x.toFixed(2)}×`);

console.log('\n| measure | value |\n|---|---|');
console.log(`| initial JS (gzip): loaded before atlas:ready, worker included | **${kb(initialJsGzip)}** in ${initialJs.length} files (bare maplibre-gl main + worker + react + react-dom: ${kb(baseJs)}; ratio ${(initialJsGzip / baseJs).toFixed(2)}, target ≤ 1.25: **${yn(targets.initialJsWithinBudget)}**) |`);
console.log(`| on-demand JS (gzip): every other JS file in ${DIST}/assets | ${kb(onDemandJsGzip)} in ${onDemandJs.length} files |`);
console.log(`| shipped CSS (gzip) | ${kb(appCss)} (bare: ${kb(baseCss)}) |`);
console.log('\n| JS file | loaded | gzip |\n|---|---|---|');
for (const f of initialJs) console.log(`| ${f.file} | before ready | ${kb(f.gzip)} |`);
for (const f of onDemandJs) console.log(`| ${f.file} | on demand | ${kb(f.gzip)} |`);
for (const p of otherInitial) console.log(`\nnote: ${p.page} loaded other JS before ready: ${p.files.join(', ')}`);

console.log(`\n| dataset | links | navigation → ready | step: JS (profile) | of which the deferred URL write | step: GC beyond idle rate | step cost (JS − URL write + GC) | step cost with ${FILTER} | links shown with ${FILTER} | GC in the 20 s after ready (post-load clean-up) | idle GC rate (steady state) | step: script+style+layout (Chromium metrics, median / p90; include GL waits) | step: all tasks incl. SwiftShader | key → next frame | JS heap |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|`);
for (const r of rows) console.log(`| ${r.dataset} | ${r.links} | ${r.readyMs.toFixed(0)} ms | ${r.jsMs.toFixed(1)} ms | ${r.urlMs.toFixed(1)} ms | ${r.gcMs.toFixed(1)} ms | **${r.stepCostMs.toFixed(1)} ms** | **${r.filtered.stepCostMs.toFixed(1)} ms** | ${r.filtered.linksShown} of ${r.linksShown} (${pct(r.filtered.linksShown, r.linksShown)}) | ${r.postLoadGcMs.toFixed(0)} ms | ${r.idleGcPerSec.toFixed(1)} ms/s | ${r.stepMs.toFixed(1)} / ${r.stepP90Ms.toFixed(1)} ms | ${r.taskMs.toFixed(0)} ms | ${r.latencyMs.toFixed(0)} ms | ${r.heapMB.toFixed(0)} MB |`);
console.log(`\nwith ${FILTER}:\n\n| dataset | navigation → ready | step: JS (profile) | of which the deferred URL write | step: GC beyond idle rate | step cost (JS − URL write + GC) | idle GC rate | step: script+style+layout (median / p90) | step: all tasks | key → next frame | JS heap |\n|---|---|---|---|---|---|---|---|---|---|---|`);
for (const { dataset, filtered: f } of rows) console.log(`| ${dataset} | ${f.readyMs.toFixed(0)} ms | ${f.jsMs.toFixed(1)} ms | ${f.urlMs.toFixed(1)} ms | ${f.gcMs.toFixed(1)} ms | **${f.stepCostMs.toFixed(1)} ms** | ${f.idleGcPerSec.toFixed(1)} ms/s | ${f.stepMs.toFixed(1)} / ${f.stepP90Ms.toFixed(1)} ms | ${f.taskMs.toFixed(0)} ms | ${f.latencyMs.toFixed(0)} ms | ${f.heapMB.toFixed(0)} MB |`);
console.log(`\nstep cost 1M / 1k: no filter ${times(stepCost1mOver1k)}, with ${FILTER} ${times(filteredStepCost1mOver1k)} (Chromium's script+style+layout, no filter: ${times(chromeStep1mOver1k)})`);
for (const r of rows) console.log(`${r.dataset}: navigation → ready of each load ${(r.readyLoadsMs ?? []).map((x) => x.toFixed(0)).join(', ')} ms (with ${FILTER}: ${(r.filtered.readyLoadsMs ?? []).map((x) => x.toFixed(0)).join(', ')} ms); median reported`);
for (const r of rows) console.log(`${r.dataset}: step cost of each load ${(r.stepCostLoadsMs ?? []).map((x) => x.toFixed(1)).join(', ')} ms (with ${FILTER}: ${(r.filtered.stepCostLoadsMs ?? []).map((x) => x.toFixed(1)).join(', ')} ms); median reported`);
for (const r of rows) console.log(`${r.dataset}: the steps drew ${r.arcSlots} ${r.arcLevel === 'bundled' ? 'arc bundles' : 'arcs'}${r.filtered.arcLevel === r.arcLevel ? '' : ` (filtered: ${r.filtered.arcSlots} ${r.filtered.arcLevel})`}`);
console.log(`\ntargets: initial JS ≤ 1.25× libraries: ${yn(targets.initialJsWithinBudget)}; step cost (JS − URL write + GC) at 1M ≤ 16 ms: ${yn(targets.stepJs1mWithinFrame)}, ≤ 1.2× 1k: ${yn(targets.stepJs1mVs1k)}; with ${FILTER} at 1M ≤ 16 ms: ${yn(targets.filteredStepJs1mWithinFrame)}, ≤ 1.2× 1k: ${yn(targets.filteredStepJs1mVs1k)} (Chromium's script+style+layout, which counts SwiftShader's GL waits: ≤ 16 ms ${yn(targets.stepChromeMetrics1mWithinFrame)}, ≤ 1.2× 1k ${yn(targets.stepChromeMetrics1mVs1k)}); Lighthouse accessibility 100: ${yn(targets.lighthouseAccessibility100)}, best practices 100: ${yn(targets.lighthouseBestPractices100)}, performance ≥ bare MapLibre page: ${yn(targets.lighthousePerformanceNotBelowBare)}`);
if (lighthouse) console.log(lighthouseReport(lighthouse));
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)} ms`;
console.log('\n| target (issue 12) | figure | result |\n|---|---|---|');
if (readyVsBare && readyAtlas !== undefined && readyBare !== undefined) {
  console.log(`| atlas:ready ≤ 1.2× the bare MapLibre page (median of ${readyVsBare.atlas.length}, alternating) | atlas ${readyAtlas.toFixed(0)} ms (${spread(readyVsBare.atlas)}), bare ${readyBare.toFixed(0)} ms (${spread(readyVsBare.bare)}): ${times(readyOverBare)} | ${yn(targets.readyWithin12xBare)} |`);
}
console.log(`| ready at 100k ≤ 2× the bundled data's | ${times(ready100kOverSeed)} | ${yn(targets.ready100kWithin2xSeed)} |`);
console.log(`| ready at 1M ≤ 5× the bundled data's | ${times(ready1mOverSeed)} | ${yn(targets.ready1mWithin5xSeed)} |`);
console.log(`| heap at 1M ≤ 150 MB | ${at(1_000_000) ? `${(at(1_000_000) as Row).heapMB.toFixed(0)} MB` : 'not measured'} | ${yn(targets.heap1mWithin150MB)} |`);
const rates = (r: Row | undefined) => idleGcLoads(r).map((x) => x.toFixed(1)).join(', ');
const reducerLoads = (r: Row | undefined) => r ? [...(r.reducerGcLoadsMs ?? [r.reducerGcMs]), ...(r.filtered.reducerGcLoadsMs ?? [r.filtered.reducerGcMs])] : [];
const reducer = (r: Row | undefined) => reducerLoads(r).map((x) => x.toFixed(0)).join(', ');
console.log(`| idle GC at 1M no higher than at 1k (median of every load, with and without ${FILTER}, ${STEP_LOADS} rounds alternating the sizes; in steady state, after the post-load clean-up and the memory reducer's collections, each reported beside it: 1M / 1k) | ${idleGc1m !== undefined && idleGc1k !== undefined ? `${idleGc1m.toFixed(1)} vs ${idleGc1k.toFixed(1)} ms/s (loads: ${rates(at(1_000_000))} vs ${rates(at(1000))}; post-load: ${(at(1_000_000) as Row).postLoadGcMs.toFixed(0)} / ${(at(1000) as Row).postLoadGcMs.toFixed(0)} ms; the memory reducer's GC in the ${REDUCER_MS / 1000} s after a full collection, each load: ${reducer(at(1_000_000))} / ${reducer(at(1000))} ms)` : 'not measured'} | ${yn(targets.idleGc1mNotAbove1k)} |`);
console.log(`| step cost at 1M ≤ 1.2× at 1k (no filter / ${FILTER}) | ${times(stepCost1mOver1k)} / ${times(filteredStepCost1mOver1k)} | ${yn(targets.stepJs1mVs1k)} / ${yn(targets.filteredStepJs1mVs1k)} |`);
console.log('\n| dataset | ready, published (manifest + compact links) | ready, a folder of JSON alone (validated in a worker) |\n|---|---|---|');
for (const r of rows) console.log(`| ${r.dataset} | ${r.readyMs.toFixed(0)} ms | ${r.validatingReadyMs.toFixed(0)} ms |`);

mkdirSync('test/bench', { recursive: true });
// Two decimals are plenty for milliseconds and megabytes, and keep the file short.
const round2 = (_: string, v: unknown) => (typeof v === 'number' && !Number.isInteger(v) ? Math.round(v * 100) / 100 : v);
writeFileSync(RESULTS, `${JSON.stringify({
  date: new Date().toISOString(), machine: 'headless Chromium, SwiftShader (CPU WebGL)', steps: STEPS, stepLoads: STEP_LOADS, filter: FILTER,
  sizes: {
    initialJsGzip, onDemandJsGzip, appCssGzip: appCss, baselineJsGzip: baseJs, baselineCssGzip: baseCss,
    // file → gzip bytes
    initialJs: Object.fromEntries(initialJs.map((f) => [f.file, f.gzip])),
    onDemandJs: Object.fromEntries(onDemandJs.map((f) => [f.file, f.gzip])),
  },
  datasets: rows, readyVsBare: readyVsBare && { ...readyVsBare, atlasMedian: readyAtlas, bareMedian: readyBare },
  idleGcPerSec: { at1m: idleGc1m ?? null, at1k: idleGc1k ?? null },
  reducerGcMs: { at1m: median(reducerLoads(at(1_000_000))), at1k: median(reducerLoads(at(1000))) },
  ratios: { stepCost1mOver1k, filteredStepCost1mOver1k, chromeStep1mOver1k, readyOverBare, ready100kOverSeed, ready1mOverSeed }, targets, lighthouse,
}, round2, 2)}\n`);
