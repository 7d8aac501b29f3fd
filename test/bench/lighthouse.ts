/**
 * Lighthouse (the npm package, in Debian's Chromium) on the built atlas and on a bare MapLibre
 * page drawing the same basemap (bare-map-entry.ts), served side by side by the bench.
 *
 * Lighthouse's default settings (a phone, simulated slow 4G and a 4× slower CPU) are kept. WebGL
 * runs on the CPU here (SwiftShader), so both pages score low on performance and the absolute
 * number says little about a real phone: what counts is the atlas against the bare page in the
 * same run. The pages are measured in turn, `runs` times each, and each category's median is kept.
 */
import { cpSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import lighthouse, { defaultConfig, type Config } from 'lighthouse';
import PatientMainDocumentContent from './lighthouse-main-document.ts';
import { launch } from 'chrome-launcher';

const require = createRequire(import.meta.url);

/** The same flags as playwright.config.ts, and Chromium's new headless mode. */
export const CHROMIUM_FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-unsafe-swiftshader', '--use-angle=swiftshader',
];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const;
type Category = (typeof CATEGORIES)[number];

/** Where the bare page is built (bare-map.config.ts) and where the bench serves it. */
export const BARE_MAP_OUT = '.bench/bare-map';
export const BARE_MAP_MOUNT = '/bare/';

/** One Lighthouse run: scores 0–100, the performance metrics, and every audit that kept a category below 100. */
export interface LighthouseRun {
  scores: Record<Category, number>;
  metrics: Record<string, number>;
  failing: { category: Category; id: string; title: string; score: number }[];
}
export interface LighthousePage { url: string; runs: LighthouseRun[]; median: Record<Category, number> }
export interface LighthouseResult {
  settings: string;
  atlas: LighthousePage;
  bare: LighthousePage;
  targets: { accessibility100: boolean; bestPractices100: boolean; performanceNotBelowBare: boolean };
}

/** Copies the world shapes beside the built bare page (it fetches them as the atlas does, from its own origin). */
export function prepareBareMap(): void {
  const world = join(BARE_MAP_OUT, 'world');
  mkdirSync(world, { recursive: true });
  cpSync(require.resolve('world-atlas/countries-50m.json'), join(world, 'countries-50m.json'));
}

/** The default config, with more time to read the page's HTML (lighthouse-main-document.ts). */
const CONFIG: Config = {
  ...defaultConfig,
  artifacts: defaultConfig.artifacts?.map((a) => (a.id === 'MainDocumentContent' ? { id: a.id, gatherer: PatientMainDocumentContent } : a)),
};

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'speed-index', 'cumulative-layout-shift'];

/**
 * Lighthouse gives Chromium 1 s to hand over the page's HTML (MainDocumentContent); on a machine
 * this loaded that can run out, and the whole run fails with PROTOCOL_TIMEOUT. Such a run says
 * nothing about the page: it is run again (at most `attempts` times in all).
 */
async function runOnce(url: string, chromePath: string, attempts = 3, log: (s: string) => void = console.error): Promise<LighthouseRun> {
  for (let i = 1; ; i++) {
    try {
      return await runOnceAttempt(url, chromePath);
    } catch (e) {
      if (i >= attempts || !/PROTOCOL_TIMEOUT/.test((e as Error).message)) throw e;
      log(`  ${(e as Error).message}; again (${i + 1}/${attempts})`);
    }
  }
}

async function runOnceAttempt(url: string, chromePath: string): Promise<LighthouseRun> {
  const chrome = await launch({ chromePath, chromeFlags: CHROMIUM_FLAGS });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, CONFIG);
    if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
    const { lhr } = result;
    // LIGHTHOUSE_DUMP=DIR keeps each full report, to see what a score is made of (the LCP element, long tasks).
    const dump = process.env.LIGHTHOUSE_DUMP;
    if (dump) {
      mkdirSync(dump, { recursive: true });
      writeFileSync(join(dump, `${new URL(url).pathname.replace(/\W+/g, '_') || 'root'}-${Date.now()}.json`), JSON.stringify(lhr));
    }
    // A gatherer that timed out sets runtimeError, though its audits may weigh nothing (text
    // compression on a server that does not compress); only a category without a score is fatal.
    const missing = CATEGORIES.filter((c) => typeof lhr.categories[c]?.score !== 'number');
    if (lhr.runtimeError && missing.length) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    if (missing.length) throw new Error(`Lighthouse on ${url}: no score for ${missing.join(', ')}`);
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? Number.NaN) * 100)])) as Record<Category, number>;
    const metrics = Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue ?? Number.NaN]));
    const failing: LighthouseRun['failing'] = [];
    for (const category of CATEGORIES) {
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id];
        // Weighted audits that lost points; performance's metrics are reported as numbers instead.
        if (audit?.scoreDisplayMode === 'error') failing.push({ category, id: ref.id, title: `could not run: ${audit.errorMessage ?? ''}`, score: 0 });
        if (!audit || ref.weight === 0 || audit.score === null || audit.score >= 1 || category === 'performance') continue;
        failing.push({ category, id: ref.id, title: audit.title, score: audit.score });
      }
    }
    return { scores, metrics, failing };
  } finally {
    chrome.kill();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const medians = (runs: LighthouseRun[]) => Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])) as Record<Category, number>;

/** Measures both pages in turn (atlas, bare, atlas, …), so that both see the same machine load. */
export async function measureLighthouse(atlasUrl: string, bareUrl: string, runs: number, log: (s: string) => void = console.error): Promise<LighthouseResult> {
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  const atlas: LighthouseRun[] = [], bare: LighthouseRun[] = [];
  for (let i = 0; i < runs; i++) {
    log(`lighthouse ${i + 1}/${runs}: the atlas…`);
    atlas.push(await runOnce(atlasUrl, chromePath));
    log(`lighthouse ${i + 1}/${runs}: the bare MapLibre page…`);
    bare.push(await runOnce(bareUrl, chromePath));
  }
  const a = medians(atlas), b = medians(bare);
  return {
    settings: `Lighthouse ${lighthouseVersion()} default (mobile, simulated throttling), headless Chromium on SwiftShader, median of ${runs}`,
    atlas: { url: atlasUrl, runs: atlas, median: a },
    bare: { url: bareUrl, runs: bare, median: b },
    targets: { accessibility100: a.accessibility === 100, bestPractices100: a['best-practices'] === 100, performanceNotBelowBare: a.performance >= b.performance },
  };
}

function lighthouseVersion(): string {
  return (require('lighthouse/package.json') as { version: string }).version;
}

/** The scores as a Markdown table, then every audit that cost the atlas points. */
export function lighthouseReport(r: LighthouseResult): string {
  const yn = (x: boolean) => (x ? 'met' : 'NOT met');
  const runs = (p: LighthousePage, c: Category) => p.runs.map((x) => x.scores[c]).join(', ');
  const lines = [
    `\nLighthouse: ${r.settings}\n`,
    '| page | performance | accessibility | best practices | LCP | TBT |', '|---|---|---|---|---|---|',
    ...([['atlas', r.atlas], ['bare MapLibre, same basemap', r.bare]] as const).map(([name, p]) => {
      const m = (id: string) => median(p.runs.map((x) => x.metrics[id] ?? Number.NaN));
      return `| ${name} | **${p.median.performance}** (${runs(p, 'performance')}) | **${p.median.accessibility}** (${runs(p, 'accessibility')}) | **${p.median['best-practices']}** (${runs(p, 'best-practices')}) | ${(m('largest-contentful-paint') / 1000).toFixed(1)} s | ${m('total-blocking-time').toFixed(0)} ms |`;
    }),
  ];
  const failing = new Map<string, string>();
  for (const run of r.atlas.runs) for (const f of run.failing) failing.set(`${f.category}/${f.id}`, `${f.category}: ${f.id} (${f.title})`);
  if (failing.size) lines.push('', `atlas audits below full marks: ${[...failing.values()].join('; ')}`);
  lines.push('', `Lighthouse targets: accessibility 100: ${yn(r.targets.accessibility100)}; best practices 100: ${yn(r.targets.bestPractices100)}; performance ≥ the bare page: ${yn(r.targets.performanceNotBelowBare)}`);
  return lines.join('\n');
}
