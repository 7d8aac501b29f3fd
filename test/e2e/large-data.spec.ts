/**
 * A dataset of 100,000 links (synthetic, written here by data:synth) loads in the map view through
 * the validating path (a data= folder has no manifest), and scrubbing the years steps the counts
 * exactly: each step's sentence is worked out here, link by link, without the app's code. Zoomed
 * out the arcs are drawn as bundles, which follow the years; zoomed in, one by one. 1M links are
 * measured by the bench only.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_DATA, UPTO, arcPixels, expectedTally, syntheticFolder, yearSlider } from './helpers.ts';
import type { Link } from '../../src/domain/schema.ts';

// The same folder as the table's 100k test (table.spec.ts).
const DIR = 'bench-tmp/e2e-100k';

test.beforeAll(() => syntheticFolder(DIR, 100_000, 1));

const fmt = (n: number) => n.toLocaleString('en');

test('100,000 links load on the map and the years scrub, each step counting exactly', async ({ page }) => {
  test.setTimeout(480_000);
  const links = JSON.parse(readFileSync(`${E2E_DATA}/${DIR}/links.json`, 'utf8')) as Link[];
  expect(links).toHaveLength(100_000);
  await page.goto(`./?data=${DIR}`);
  // The basemap is drawn while 100k links are fetched and checked.
  await expect(page.getByTestId('early-map').locator('canvas')).toHaveCount(1, { timeout: 60_000 });
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 400_000 });
  const sentence = page.locator('.filter-sentence');
  const last = Math.max(...links.flatMap((l) => (l.date.precision === 'year' || l.date.precision === 'month' || l.date.precision === 'day' ? [Number(l.date.value.slice(0, 4))] : [])));
  await expect(sentence).toContainText(`Up to ${last}: ${fmt(expectedTally(links, { from: UPTO, to: last }).certain)} links`);

  const slider = await yearSlider(page);
  await slider.focus();
  for (let year = last - 1; year >= last - 4; year--) {
    await page.keyboard.press('ArrowLeft');
    await expect(slider).toHaveAttribute('aria-valuenow', String(year));
    await expect(sentence).toContainText(`Up to ${year}: ${fmt(expectedTally(links, { from: UPTO, to: year }).certain)} links`);
  }
  for (let k = 0; k < 4; k++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', String(last));
  await expect(sentence).toContainText(`Up to ${last}: ${fmt(expectedTally(links, { from: UPTO, to: last }).certain)} links`);
  await page.screenshot({ path: 'test/e2e/screenshots/large-data-100k.png' });

  // Zoomed out, the arcs are drawn as bundles (arcs whose ends lie within a pixel and a half of
  // one another drawn once, arc-bundles.ts): tens of thousands of arcs, a thousand or so drawn.
  const map = page.locator('.atlas-map');
  await expect(map).toHaveAttribute('data-arc-level', 'bundled');
  const bundles = Number(await map.getAttribute('data-arc-slots'));
  expect(bundles).toBeGreaterThan(100);
  expect(bundles).toBeLessThan(5000);
  const atLast = await arcPixels(page);
  expect(atLast).toBeGreaterThan(2000);
  // The bundles follow the years: up to the first year, fewer and thinner arcs.
  await slider.focus();
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');
  await expect.poll(() => arcPixels(page)).toBeLessThan(atLast * 0.8);
  expect(await arcPixels(page)).toBeGreaterThan(500);
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', String(last));
  await expect.poll(() => arcPixels(page)).toBeGreaterThan(atLast * 0.9);
  // Zoomed in, every arc is drawn as itself; zoomed out again, the bundles return.
  const zoomIn = page.getByRole('button', { name: 'Zoom in' });
  await zoomIn.click();
  await zoomIn.click();
  await expect(map).toHaveAttribute('data-arc-level', 'each', { timeout: 30_000 });
  expect(Number(await map.getAttribute('data-arc-slots'))).toBeGreaterThan(bundles * 5);
  await expect.poll(() => arcPixels(page), { timeout: 30_000 }).toBeGreaterThan(2000);
  await page.screenshot({ path: 'test/e2e/screenshots/large-data-100k-zoomed.png' });
  const zoomOut = page.getByRole('button', { name: 'Zoom out' });
  await zoomOut.click();
  await zoomOut.click();
  await expect(map).toHaveAttribute('data-arc-level', 'bundled', { timeout: 30_000 });
});

