import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import Papa from 'papaparse';
import { UPTO, expectedTally, openAtlas } from './helpers.ts';
import { isUndated, linkSpan, presence } from '../../src/domain/link-time.ts';
import type { Link } from '../../src/domain/schema.ts';

const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];
/** The ids a window shows: certain and possible links, and undated ones when included (never planned here). */
const shownIds = (w: { from: number; to: number }, undated = false) => links.filter((l) => {
  if (l.status === 'planned') return false;
  const s = linkSpan(l);
  return isUndated(s) ? undated : presence(s, w) !== 'outside';
}).map((l) => l.id).sort();
import { EXPORT_COLUMNS } from '../../src/domain/flatten.ts';

const NAME = /^health-silk-road_[a-z0-9_-]+_(upto-)?\d{4}(-\d{4})?\.(csv|geojson|png)$/;

/** Clicks a download button and returns the file's name and bytes. */
async function download(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The link count the summary line states ("224 links" / "224 条连线"). */
async function summaryLinks(page: Page): Promise<number> {
  const text = await page.locator('.filter-sentence').innerText();
  const m = /([\d,]+)\s*(links|条连线)/.exec(text);
  if (!m) throw new Error(`no link count in "${text}"`);
  return Number(m[1]!.replaceAll(',', ''));
}

/** A PNG's width and height from its IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test('CSV and GeoJSON hold exactly the links the summary counts, with the export columns and a BOM', async ({ page }) => {
  await openAtlas(page, '?mode=in&year=2019');
  const count = await summaryLinks(page);
  const t = expectedTally(links, { from: 2019, to: 2019 });
  expect(count).toBe(t.certain);
  // The files hold what the map draws: the links certainly in 2019 and those possibly in it, as the sentence counts them.
  await expect(page.locator('.filter-sentence')).toContainText(`${t.certain} links · ${t.possible} more possibly`);
  const shown = t.certain + t.possible;
  const csv = await download(page, /^Download CSV$/);
  expect(csv.name).toBe('health-silk-road_all_2019.csv');
  expect(csv.bytes.subarray(0, 3).toString('hex')).toBe('efbbbf');
  const parsed = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  expect(parsed.meta.fields).toEqual([...EXPORT_COLUMNS]);
  expect(parsed.data.map((r) => r.id).sort()).toEqual(shownIds({ from: 2019, to: 2019 }));
  expect(parsed.data).toHaveLength(shown);
  // A row with one known year is of 2019, or a tie that started earlier; the others' bounds reach 2019.
  expect(parsed.data.every((r) => (r.year_earliest === '' || Number(r.year_earliest) <= 2019))).toBe(true);
  expect(parsed.data.some((r) => /[\u4e00-\u9fff]/.test(r.institution_zh ?? ''))).toBe(true);
  // The list of links shows the same rows.
  await page.getByRole('button', { name: 'List of links' }).click();
  await expect(page.getByRole('region', { name: 'Links in the current view' })).toContainText(`${shown} links in the current view`);

  const geo = await download(page, /^Download GeoJSON$/);
  expect(geo.name).toBe('health-silk-road_all_2019.geojson');
  const fc = JSON.parse(geo.bytes.toString('utf8')) as { type: string; features: { geometry: { type: string } | null; properties: { feature_kind: string } }[] };
  expect(fc.type).toBe('FeatureCollection');
  expect(fc.features.filter((f) => f.properties.feature_kind === 'link')).toHaveLength(shown);
  const types = new Set(fc.features.map((f) => f.geometry?.type));
  expect(types.has('LineString') && types.has('Point')).toBe(true);
  await expect(page.getByText(/^Downloaded health-silk-road_all_2019\.geojson$/)).toBeVisible();
});

test('with undated links included, the CSV holds them too and the PNG is made', async ({ page }) => {
  await openAtlas(page, '?undated=1&year=2017');
  const t = expectedTally(links, { from: UPTO, to: 2017 });
  expect(await summaryLinks(page)).toBe(t.certain);
  const csv = await download(page, /^Download CSV$/);
  expect(csv.name).toBe('health-silk-road_all_upto-2017.csv');
  const rows = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows.map((r) => r.id).sort()).toEqual(shownIds({ from: UPTO, to: 2017 }, true));
  expect(rows).toHaveLength(t.certain + t.possible + t.undated);
  expect(rows.some((r) => r.year_earliest === '' && r.year_latest === '')).toBe(true);
  expect(rows.every((r) => r.year_earliest === '' || Number(r.year_earliest) <= 2017)).toBe(true);
  mkdirSync('test/e2e/screenshots', { recursive: true });
  writeFileSync('test/e2e/screenshots/download-undated.png', (await download(page, /^Download PNG$/)).bytes);
});

test('the download code loads only after the map is ready, and papaparse is not in the first script', async ({ page }) => {
  await openAtlas(page);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeVisible();
  const timing = await page.evaluate(() => {
    const ready = performance.getEntriesByName('atlas:ready')[0]!.startTime;
    const scripts = performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js'));
    return { ready, downloads: scripts.filter((r) => /Downloads/.test(r.name)).map((r) => r.startTime) };
  });
  expect(timing.downloads.length).toBeGreaterThan(0);
  for (const start of timing.downloads) expect(start).toBeGreaterThan(timing.ready);
  const entry = await page.locator('script[type="module"][src]').first().getAttribute('src');
  const first = await (await page.request.get(new URL(entry!, page.url()).href)).text();
  expect(first).not.toContain('escapeFormulae');
  expect(first).not.toContain('health-silk-road_');
});

test('the download buttons hold their row from the first paint, so the map does not move when their code arrives', async ({ page }) => {
  // The canvas's box at the moment the ready mark is made, before the downloads chunk is fetched.
  await page.addInitScript(() => {
    new PerformanceObserver((list) => {
      if (!list.getEntriesByName('atlas:ready').length) return;
      const box = document.querySelector('canvas.maplibregl-canvas')?.getBoundingClientRect();
      (window as unknown as { readyBox?: unknown }).readyBox = box && { top: box.top, height: box.height, width: box.width };
    }).observe({ entryTypes: ['mark'] });
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openAtlas(page);
  await expect(page.getByRole('button', { name: 'Download CSV' })).toBeEnabled();
  const [atReady, after] = await page.evaluate(() => {
    const box = document.querySelector('canvas.maplibregl-canvas')!.getBoundingClientRect();
    return [(window as unknown as { readyBox?: unknown }).readyBox, { top: box.top, height: box.height, width: box.width }];
  });
  expect(atReady).toEqual(after);
  await expect(page.locator('.downloads[data-pending]')).toHaveCount(0);
});

for (const lang of ['en', 'zh'] as const) {
  test(`the PNG is twice the map's width, decodes, and leaves the map at its own pixel ratio (${lang})`, async ({ page }) => {
    await openAtlas(page, lang === 'zh' ? '?lang=zh' : '');
    const box = await page.locator('.atlas-map').boundingBox();
    const png = await download(page, lang === 'zh' ? /^下载 PNG$/ : /^Download PNG$/);
    mkdirSync('test/e2e/screenshots', { recursive: true });
    writeFileSync(`test/e2e/screenshots/download-${lang}.png`, png.bytes);
    expect(png.name).toMatch(NAME);
    expect(png.name).toBe('health-silk-road_all_upto-2025.png');
    const size = pngSize(png.bytes);
    expect(size.width).toBe(Math.round(2 * box!.width));
    expect(size.height).toBeGreaterThan(2 * box!.height);
    // Chromium itself decodes it.
    const decoded = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    }, png.bytes.toString('base64'));
    expect(decoded).toEqual(size);
    // The map went back to its own pixel ratio.
    const ratio = await page.evaluate(() => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      return c.width / c.clientWidth;
    });
    expect(ratio).toBeCloseTo(await page.evaluate(() => devicePixelRatio), 1);
  });
}

test('a filtered view downloads exactly its rows, under a name that says what they are', async ({ page }) => {
  await openAtlas(page, '?country=KAZ&year=2023&undated=1');
  const partners = JSON.parse(readFileSync('data/partners.json', 'utf8')) as { id: string; country?: string }[];
  const kaz = (l: Link) => l.partner === 'KAZ' || partners.find((p) => p.id === l.partner)?.country === 'KAZ';
  const t = expectedTally(links, { from: UPTO, to: 2023 }, kaz);
  expect(await summaryLinks(page)).toBe(t.certain);
  const count = t.certain + t.possible + t.undated;
  const csv = await download(page, /^Download CSV$/);
  expect(csv.name).toBe('health-silk-road_kazakhstan_upto-2023.csv');
  const rows = Papa.parse<Record<string, string>>(csv.bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true }).data;
  expect(rows).toHaveLength(count);
  expect(rows.every((r) => r.partner_iso3 === 'KAZ')).toBe(true);
  const png = await download(page, /^Download PNG$/);
  expect(png.name).toBe('health-silk-road_kazakhstan_upto-2023.png');
});
