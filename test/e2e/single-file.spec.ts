/**
 * Offline builds. The single file (`npm run build:single`) opened from file:// with every request
 * that is not that file refused, and `npm run build`'s dist/ on a plain static server (no Vite)
 * with every request off its origin refused: the atlas works fully in both.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import Papa from 'papaparse';
import { UPTO, arcPixels, expectedTally, yearSlider } from './helpers.ts';
import { serveStatic } from '../bench/static-server.ts';
import type { Link } from '../../src/domain/schema.ts';

const SINGLE = resolve('dist-single/health-silk-road-atlas.html');
const SINGLE_URL = pathToFileURL(SINGLE).href;
const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];

interface Traffic { requests: string[]; refused: string[]; problems: string[] }

/**
 * Refuses every request whose URL does not start with `allowed` (data: and blob: are the page's
 * own memory, never the network) and records them all, with console errors, page errors and
 * Content-Security-Policy violations.
 */
async function lockDown(context: BrowserContext, page: Page, allowed: string): Promise<Traffic> {
  const t: Traffic = { requests: [], refused: [], problems: [] };
  const local = (url: string) => url.startsWith(allowed) || url.startsWith('data:') || url.startsWith('blob:');
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    t.refused.push(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (r) => t.requests.push(r.url()));
  page.on('console', (m) => { if (m.type() === 'error') t.problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => t.problems.push(`page error: ${e.message}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP refused ${e.blockedURI} (${e.violatedDirective})`));
  });
  return t;
}

async function waitReady(page: Page) {
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 90_000 });
}

async function download(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** What a reader does, the same on both builds: timeline, a link's citation, table, downloads, About, Chinese. */
async function useTheAtlas(page: Page) {
  await expect(page.locator('canvas.maplibregl-canvas')).toBeVisible();
  expect(await arcPixels(page)).toBeGreaterThan(500);

  // The timeline: one year back, and the count is the data's own count for "up to 2024".
  const slider = await yearSlider(page);
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', '2024');
  const t2024 = expectedTally(links, { from: UPTO, to: 2024 });
  await expect(page.locator('.filter-sentence')).toContainText(`Up to 2024: ${t2024.certain} links`);
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '2025');

  // A link's panel with its citation.
  await page.getByRole('button', { name: 'List of links' }).click();
  const row = page.getByRole('row').filter({ hasText: '21 Nov 2023' });
  await row.getByRole('button', { name: /University of Malaya Medical Centre/ }).click();
  const panel = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: /Sir Run Run Shaw Hospital.*→.*University of Malaya/ }) });
  await expect(panel.getByText(/The Belt and Road Programs: Crafting/)).toBeVisible();
  await page.keyboard.press('Escape');

  // Downloads: the CSV holds as many rows as the sentence counts links (and possible ones), the PNG is a PNG.
  const t2025 = expectedTally(links, { from: UPTO, to: 2025 });
  await expect(page.locator('.filter-sentence')).toContainText(`Up to 2025: ${t2025.certain} links`);
  const csv = await download(page, /^Download CSV$/);
  expect(csv.name).toMatch(/\.csv$/);
  const rows = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(rows.errors).toEqual([]);
  expect(rows.data).toHaveLength(t2025.certain + t2025.possible);
  const png = await download(page, /^Download PNG$/);
  expect(png.bytes.subarray(1, 4).toString('ascii')).toBe('PNG');

  // The table view lists the same links.
  await page.getByRole('tab', { name: 'Table' }).click();
  const table = page.locator('table.vt');
  await expect(table.locator('tbody tr[aria-rowindex]').first()).toBeVisible({ timeout: 30_000 });
  await expect(table.locator('caption')).toContainText(`${t2025.certain} links`);

  // About the data reads the review log; then Chinese, whose strings are loaded on demand.
  await page.getByRole('button', { name: 'About the data' }).click();
  const about = page.getByRole('dialog', { name: 'About the data' });
  await expect(about.getByTestId('about-leads')).toContainText(/We checked 132 leads/);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('h1')).toHaveText('健康丝绸之路图谱');
  await expect(page.getByRole('tab', { name: '表格' })).toBeVisible();
}

test.describe('the single-file build', () => {
  test.beforeAll(() => {
    test.setTimeout(300_000);
    execFileSync('npx', ['vite', 'build', '--mode', 'single', '--logLevel', 'warn'], { stdio: 'inherit', timeout: 280_000 });
  });

  test('is one file whose policy allows no origin at all', () => {
    const html = readFileSync(SINGLE, 'utf8');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("default-src 'none'");
    // No host, scheme-wide http(s): or 'self' anywhere: only hashes, 'none', inline styles, data: and blob:.
    for (const source of csp.split(';').flatMap((d) => d.trim().split(/\s+/).slice(1))) {
      expect(source).toMatch(/^('none'|'unsafe-inline'|'sha256-[A-Za-z0-9+/=]+'|data:|blob:)$/);
    }
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+rel="(stylesheet|modulepreload)"/);
  });

  test('opened from file:// with every other request refused, works fully', async ({ context, page }) => {
    test.setTimeout(240_000);
    const traffic = await lockDown(context, page, SINGLE_URL);
    await page.goto(SINGLE_URL);
    await waitReady(page);
    mkdirSync('test/e2e/screenshots', { recursive: true });
    await page.screenshot({ path: 'test/e2e/screenshots/single-file.png' });
    await useTheAtlas(page);
    await page.screenshot({ path: 'test/e2e/screenshots/single-file-zh-table.png' });
    expect(traffic.refused).toEqual([]);
    expect(traffic.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([SINGLE_URL]);
    expect(traffic.problems).toEqual([]);
  });

  test('says what failed when the URL asks for a dataset it cannot read', async ({ context, page }) => {
    test.setTimeout(120_000);
    await lockDown(context, page, SINGLE_URL);
    await page.goto(`${SINGLE_URL}?data=other`);
    await expect(page.getByRole('heading', { name: 'The atlas could not be loaded' })).toBeVisible({ timeout: 60_000 });
    await expect(page.getByText(/Could not load other\/\w+\.json: the network request failed\./).first()).toBeVisible();
  });
});

test('npm run build\'s dist/ on a plain static server, with every request off its origin refused, works fully', async ({ context, page }) => {
  test.setTimeout(240_000);
  // dist/ is the playwright web server's own build; served here by a bare file server, not Vite.
  const server = await serveStatic('dist', 0);
  try {
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const traffic = await lockDown(context, page, origin);
    const missing: string[] = [];
    page.on('response', (r) => { if (r.status() >= 400) missing.push(`${r.status()} ${r.url()}`); });
    await page.goto(origin);
    await waitReady(page);
    await useTheAtlas(page);
    expect(traffic.refused).toEqual([]);
    expect(missing).toEqual([]);
    expect(traffic.problems).toEqual([]);
  } finally {
    server.close();
  }
});
