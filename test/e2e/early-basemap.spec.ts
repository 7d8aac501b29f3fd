/**
 * No waterfall (issue 12): the map starts beside the data. With the data held back, the basemap's
 * countries are drawn under the loading progress; when the data arrives the atlas takes that same
 * map over (the same canvas, no second map) and its arcs join.
 */
import { expect, test, type Page, type Route } from '@playwright/test';
import { mkdirSync } from 'node:fs';

mkdirSync('test/e2e/screenshots', { recursive: true });

/** Pixels of the land colour (#dcd8d1, give or take) in the canvas: the countries are drawn. */
async function landPixels(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const gl = document.querySelector<HTMLCanvasElement>(sel);
    if (!gl || gl.width === 0) return 0;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d');
    if (!ctx) return 0;
    ctx.drawImage(gl, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      if (Math.abs(d[i]! - 0xdc) < 6 && Math.abs(d[i + 1]! - 0xd8) < 6 && Math.abs(d[i + 2]! - 0xd1) < 6) n++;
    }
    return n;
  }, selector);
}

test('the basemap is drawn while the data is still loading, and the atlas takes that map over', async ({ page }) => {
  test.setTimeout(120_000);
  const held: Route[] = [];
  let release = false;
  // The links as the built atlas reads them (their compact form, beside links.json).
  await page.route('**/data/links.columns.bin', async (route) => {
    if (release) return route.continue();
    held.push(route);
    return undefined;
  });
  await page.goto('./');
  await expect(page.getByRole('status').first()).toContainText(/Loading/);
  const early = page.getByTestId('early-map');
  await expect(early.locator('canvas')).toHaveCount(1);
  // The countries are painted while the links have still not answered.
  await expect.poll(() => landPixels(page, '[data-testid="early-map"] canvas'), { timeout: 30_000 }).toBeGreaterThan(500);
  expect(held.length).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName('atlas:ready').length)).toBe(0);
  await page.screenshot({ path: 'test/e2e/screenshots/early-basemap.png' });
  await page.locator('[data-testid="early-map"] canvas').evaluate((c) => { c.setAttribute('data-early', 'yes'); });

  release = true;
  for (const r of held) await r.continue();
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 60_000 });
  await expect(early).toHaveCount(0);
  // One map: the atlas's canvas is the one started early.
  await expect(page.locator('.map-frame canvas.maplibregl-canvas')).toHaveCount(1);
  await expect(page.locator('.map-frame canvas.maplibregl-canvas')).toHaveAttribute('data-early', 'yes');
  expect(await landPixels(page, '.map-frame canvas.maplibregl-canvas')).toBeGreaterThan(500);
  await expect(page.locator('.filter-sentence')).toContainText('links');
  await page.screenshot({ path: 'test/e2e/screenshots/early-basemap-adopted.png' });
});

test('a failed load leaves no map behind, and a retry starts one again', async ({ page }) => {
  test.setTimeout(120_000);
  let fail = true;
  await page.route('**/data/links.columns.bin', (route) => (fail ? route.fulfill({ status: 500, body: 'no' }) : route.continue()));
  await page.goto('./');
  await expect(page.getByRole('alert').first()).toContainText('links.columns.bin');
  await expect(page.getByTestId('early-map')).toHaveCount(0);
  fail = false;
  await page.getByRole('button', { name: /Try again|Retry/ }).first().click();
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 60_000 });
  await expect(page.locator('.map-frame canvas.maplibregl-canvas')).toHaveCount(1);
});
