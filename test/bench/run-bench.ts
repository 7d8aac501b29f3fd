/**
 * `npm run bench`: builds the app, serves it on 127.0.0.1, opens it in headless Chromium and
 * measures what users feel: shipped size against the bare libraries, navigation → map ready
 * (the app's `atlas:ready` mark), the main-thread cost of one timeline step, and heap size, for
 * the real data and synthetic datasets of 1k–1M links. Prints a table and writes results.json.
 *
 * Options: --sizes 1000,10000 (default 1k,10k,100k,1M), --steps N (default 12).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { serveStatic } from './static-server.ts';
import { argValue } from '../../src/cli/args.ts';

const args = process.argv.slice(2);
const SIZES = (argValue(args, 'sizes') ?? '1000,10000,100000,1000000').split(',').map(Number);
const STEPS = Number(argValue(args, 'steps') ?? '12');
const PORT = 4329;
const DIST = 'dist';
const BASELINE_OUT = '.bench/baseline';
const sh = (cmd: string, a: string[]) => execFileSync(cmd, a, { stdio: ['ignore', 'inherit', 'inherit'] });

function gzipSizeOf(dir: string, exts: string[]): number {
  let total = 0;
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (exts.some((x) => e.name.endsWith(x))) total += gzipSync(readFileSync(p), { level: 9 }).length;
    }
  };
  walk(dir);
  return total;
}

const label = (n: number) => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));
const kb = (b: number) => `${(b / 1024).toFixed(1)} KB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

console.error('building the app and the bare-library baseline…');
sh('npx', ['vite', 'build', '--logLevel', 'warn']);
sh('npx', ['vite', 'build', '--logLevel', 'warn', '--config', 'test/bench/baseline.config.ts']);
const appJs = gzipSizeOf(join(DIST, 'assets'), ['.js', '.mjs']);
const appCss = gzipSizeOf(join(DIST, 'assets'), ['.css']);
const baseJs = gzipSizeOf(join(BASELINE_OUT, 'assets'), ['.js', '.mjs']);
const baseCss = gzipSizeOf(join(BASELINE_OUT, 'assets'), ['.css']);

for (const n of SIZES) {
  const out = join(DIST, 'bench', label(n));
  if (!existsSync(join(out, 'links.json'))) sh('npx', ['tsx', 'src/cli/data-synth.ts', '--links', String(n), '--seed', '1', '--out', out]);
}

interface Row { dataset: string; links: number; readyMs: number; stepMs: number; stepP90Ms: number; jsMs: number; taskMs: number; latencyMs: number; heapMB: number }

/** Navigates, waits for the app's own ready mark, returns its time since navigation start. */
async function loadUntilReady(page: Page, query: string): Promise<number> {
  await page.goto(`http://127.0.0.1:${PORT}/${query}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 600_000, polling: 200 });
  return page.evaluate(() => performance.getEntriesByName('atlas:ready')[0]?.startTime ?? Number.NaN);
}

/**
 * One timeline step = a key press on the year slider, with reduced motion on so that the step
 * is one frame and not the arcs' grow-in animation. Its main-thread work is the growth of
 * Chromium's ScriptDuration + RecalcStyleDuration + LayoutDuration over the step (input,
 * React, the count update, the map's draw calls). TaskDuration is reported too: on this machine
 * WebGL runs on SwiftShader, whose CPU rasterisation leaks into the main thread's task time at
 * GL sync points; with a GPU it does not. `latency` is key press → next frame, same caveat.
 */
async function measureSteps(page: Page, steps: number): Promise<{ work: number[]; task: number[]; latency: number[]; jsPerStep: number }> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  // A sampling profile over all steps: JavaScript and GC on the main thread, without the
  // native "(program)" time in which GL calls wait for SwiftShader to rasterise.
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  const metrics = async () => {
    const { metrics: ms } = await cdp.send('Performance.getMetrics');
    const get = (name: string) => ms.find((m) => m.name === name)?.value ?? Number.NaN;
    return { work: get('ScriptDuration') + get('RecalcStyleDuration') + get('LayoutDuration'), task: get('TaskDuration') };
  };
  await page.getByRole('slider').first().focus();
  const out = { work: [] as number[], task: [] as number[], latency: [] as number[] };
  const span = async (act: () => Promise<void>) => {
    await page.waitForTimeout(300);
    const a = await metrics();
    await act();
    await page.waitForTimeout(150); // the step's frame and any follow-up tasks
    const z = await metrics();
    return { work: (z.work - a.work) * 1000, task: (z.task - a.task) * 1000 };
  };
  await cdp.send('Profiler.start');
  for (let i = 0; i < steps; i++) {
    const key = i % 2 === 0 ? 'ArrowLeft' : 'ArrowRight';
    const d = await span(async () => {
      out.latency.push(await page.evaluate(async (k) => {
        const el = document.activeElement as HTMLElement;
        const t0 = performance.now();
        el.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t0;
      }, key));
    });
    out.work.push(d.work);
    out.task.push(d.task);
  }
  const { profile } = await cdp.send('Profiler.stop');
  const nameOf = new Map(profile.nodes.map((n) => [n.id, n.callFrame.functionName]));
  let jsMicros = 0;
  profile.samples?.forEach((id, i) => {
    const name = nameOf.get(id);
    if (name !== '(idle)' && name !== '(program)') jsMicros += profile.timeDeltas?.[i] ?? 0;
  });
  // The measuring itself (protocol calls, one evaluate and frame) costs a little: subtract it.
  const idle = [];
  for (let i = 0; i < 4; i++) idle.push(await span(() => page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0))))));
  const baseWork = median(idle.map((x) => x.work));
  const baseTask = median(idle.map((x) => x.task));
  return {
    work: out.work.map((x) => Math.max(0, x - baseWork)),
    task: out.task.map((x) => Math.max(0, x - baseTask)),
    latency: out.latency,
    jsPerStep: jsMicros / 1000 / steps,
  };
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize / 2 ** 20;
}

const server = await serveStatic(DIST, PORT);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader'],
});
const rows: Row[] = [];
try {
  const datasets: [string, number, string][] = [['seed data', 0, ''], ...SIZES.map((n): [string, number, string] => [`synthetic ${label(n)}`, n, `?data=bench/${label(n)}`])];
  for (const [name, n, query] of datasets) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
    const offOrigin: string[] = [];
    page.on('request', (r) => { if (!r.url().startsWith(`http://127.0.0.1:${PORT}/`) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) offOrigin.push(r.url()); });
    console.error(`measuring ${name}…`);
    const readyMs = await loadUntilReady(page, query);
    await page.waitForTimeout(500);
    const { work: steps, task, latency, jsPerStep } = await measureSteps(page, STEPS);
    const sorted = [...steps].sort((a, b) => a - b);
    const links = n || (await page.evaluate(() => fetch('data/links.json').then((r) => r.json()).then((x: unknown[]) => x.length)));
    rows.push({ dataset: name, links, readyMs, stepMs: median(steps), stepP90Ms: sorted[Math.floor(sorted.length * 0.9)] ?? Number.NaN, jsMs: jsPerStep, taskMs: median(task), latencyMs: median(latency), heapMB: await heapMB(page) });
    if (offOrigin.length) throw new Error(`requests off the origin: ${offOrigin.join(', ')}`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
  rmSync(BASELINE_OUT, { recursive: true, force: true });
}

const step1k = rows.find((r) => r.links === 1000)?.stepMs;
const step1m = rows.find((r) => r.links === 1_000_000)?.stepMs;
const js1k = rows.find((r) => r.links === 1000)?.jsMs;
const js1m = rows.find((r) => r.links === 1_000_000)?.jsMs;
const targets = {
  jsWithinBudget: appJs <= 1.25 * baseJs,
  step1mWithinFrame: step1m === undefined ? null : step1m <= 16,
  step1mVs1k: step1m === undefined || step1k === undefined ? null : step1m <= 1.2 * step1k,
  jsOnlyStep1mWithinFrame: js1m === undefined ? null : js1m <= 16,
  jsOnlyStep1mVs1k: js1m === undefined || js1k === undefined ? null : js1m <= 1.2 * js1k,
};

console.log('\n| measure | value |\n|---|---|');
console.log(`| shipped JS (gzip) | ${kb(appJs)} (bare maplibre-gl + react + react-dom: ${kb(baseJs)}; ratio ${(appJs / baseJs).toFixed(2)}, target ≤ 1.25) |`);
console.log(`| shipped CSS (gzip) | ${kb(appCss)} (bare: ${kb(baseCss)}) |`);
console.log('\n| dataset | links | navigation → ready | step: script+style+layout (median) | p90 | step: JS + GC only (profile mean) | step: all main-thread tasks incl. SwiftShader | step: key → next frame | JS heap |\n|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.dataset} | ${r.links} | ${r.readyMs.toFixed(0)} ms | ${r.stepMs.toFixed(1)} ms | ${r.stepP90Ms.toFixed(1)} ms | ${r.jsMs.toFixed(1)} ms | ${r.taskMs.toFixed(0)} ms | ${r.latencyMs.toFixed(0)} ms | ${r.heapMB.toFixed(0)} MB |`);
console.log(`\ntargets: JS ≤ 1.25× libraries: ${targets.jsWithinBudget ? 'met' : 'NOT met'}; step (script+style+layout) at 1M ≤ 16 ms: ${targets.step1mWithinFrame ?? 'not measured'}, ≤ 1.2× 1k: ${targets.step1mVs1k ?? 'not measured'}; step (JS + GC only) at 1M ≤ 16 ms: ${targets.jsOnlyStep1mWithinFrame ?? 'not measured'}, ≤ 1.2× 1k: ${targets.jsOnlyStep1mVs1k ?? 'not measured'}`);

mkdirSync('test/bench', { recursive: true });
writeFileSync('test/bench/results.json', `${JSON.stringify({
  date: new Date().toISOString(), machine: 'headless Chromium, SwiftShader (CPU WebGL)',
  sizes: { appJsGzip: appJs, appCssGzip: appCss, baselineJsGzip: baseJs, baselineCssGzip: baseCss },
  datasets: rows, targets,
}, null, 2)}\n`);
