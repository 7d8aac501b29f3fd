/**
 * The bundled dataset comes with the build's manifest, so the first view loads no validator (zod);
 * a dataset without one (data=) is validated in the browser, with the same named errors as ever.
 */
import { expect, test, type Page } from '@playwright/test';
import { openAtlas, syntheticFolder } from './helpers.ts';

const VALIDATOR = /(validate|schema|zod)[^/]*\.m?js$/i;
const DIR = 'bench-tmp/e2e-trust';

/** Every script the page requests, in order. */
function recordScripts(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (/\.m?js(\?|$)/.test(r.url())) scripts.push(r.url());
  });
  return scripts;
}

test.beforeAll(() => syntheticFolder(DIR, 300, 7));

test('the bundled atlas is ready without requesting the validator, and reads its links in their compact form, never as JSON', async ({ page }) => {
  test.setTimeout(120_000);
  const scripts = recordScripts(page);
  const data: string[] = [];
  const warnings: string[] = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  page.on('request', (r) => { if (/\/data\/[^/]+$/.test(r.url())) data.push(new URL(r.url()).pathname.replace(/^.*\/data\//, '')); });
  const manifest = page.waitForResponse((r) => r.url().endsWith('/data/manifest.json'));
  await openAtlas(page);
  const atReady = [...scripts];
  expect((await manifest).status()).toBe(200);
  expect(data).toContain('links.columns.bin');
  expect(data).not.toContain('links.json');
  // The page's preload hints are the requests the loader then uses: each file is asked for once.
  const preloads = await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
  expect(preloads.map((h) => new URL(h).pathname.replace(/^\//, '')).sort()).toEqual(
    ['data/aliases.json', 'data/institutions.json', 'data/links.columns.bin', 'data/manifest.json', 'data/partners.json', 'data/programmes.json', 'data/sources.json', 'world/countries-50m.json']);
  expect(data.length).toBe(new Set(data).size);
  expect(atReady.some((u) => /core-[^/]*\.js$/.test(u))).toBe(true);
  expect(atReady.filter((u) => VALIDATOR.test(u))).toEqual([]);
  // Nor the data's validator later, once the page has settled (the guided story, fetched once the
  // first view is up, brings the schema's chunk to check its own file: README, "Validation").
  await page.waitForLoadState('networkidle');
  expect(scripts.filter((u) => /validate[^/]*\.m?js$/i.test(u))).toEqual([]);
  // No preload hint went unused (Chromium warns of one a few seconds after the load event).
  await page.waitForTimeout(3500);
  expect(warnings.filter((w) => /preload/i.test(w))).toEqual([]);
  await expect(page.locator('.filter-sentence')).toContainText(/\d+ links/);
});

test('a data= folder without a manifest loads the validator, and a corrupted record in it is named', async ({ page }) => {
  test.setTimeout(120_000);
  const scripts = recordScripts(page);
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await openAtlas(page, `?data=${DIR}`);
  // The validator chunk's name is what the first test looks for: this shows that test can fail.
  expect(scripts.filter((u) => VALIDATOR.test(u)).length).toBeGreaterThan(0);
  // The schema is checked off the main thread, in a worker of its own (besides MapLibre's).
  expect(workers.filter((u) => /validate-worker[^/]*\.js$/.test(u))).toHaveLength(1);

  let corrupted = '';
  await page.route(`**/${DIR}/links.json`, async (route) => {
    const res = await route.fetch();
    const links = (await res.json()) as Record<string, unknown>[];
    corrupted = links[2]!.id as string;
    links[2] = { ...links[2], partner: 'HKG' };
    await route.fulfill({ response: res, json: links });
  });
  await page.goto(`./?data=${DIR}`);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The atlas could not be loaded');
  await expect(alert).toContainText('1 problem');
  await expect(alert.getByRole('row').filter({ hasText: corrupted })).toContainText('Hong Kong is Chinese territory');
  await expect(alert.getByRole('row').filter({ hasText: corrupted })).toContainText(`${DIR}/links.json`);
  // Named by the worker: the page itself never loaded the schema.
  expect(workers.filter((u) => /validate-worker[^/]*\.js$/.test(u))).toHaveLength(2);
  expect(scripts.filter((u) => /validate-fetched[^/]*\.js$/.test(u))).toEqual([]);
  await page.screenshot({ path: 'test/e2e/screenshots/data-trust-synthetic-error.png' });
});

test('the bundled data, changed in flight, is validated in the browser and its problem named', async ({ page }) => {
  test.setTimeout(120_000);
  const scripts = recordScripts(page);
  // The compact links, one byte changed, no longer match the manifest: the atlas reads links.json instead, and validates it.
  await page.route('**/data/links.columns.bin', async (route) => {
    const res = await route.fetch();
    const bytes = Buffer.from(await res.body());
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0xff, bytes.length - 1);
    await route.fulfill({ response: res, body: bytes });
  });
  await page.route('**/data/links.json', async (route) => {
    const res = await route.fetch();
    const links = (await res.json()) as Record<string, unknown>[];
    links[5] = { ...links[5], date: { precision: 'day', value: '2019-02-30' } };
    await route.fulfill({ response: res, json: links });
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert.getByRole('row').filter({ hasText: 's000-06' })).toContainText('date.value');
  expect(scripts.filter((u) => VALIDATOR.test(u)).length).toBeGreaterThan(0);
});
