/**
 * A dataset of 100,000 links (synthetic, written here by data:synth) loads in the map view through
 * the validating path (a data= folder has no manifest), and scrubbing the years steps the counts
 * exactly: each step's sentence is worked out here, link by link, without the app's code. 1M links
 * are measured by the bench only.
 */
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { E2E_DATA, UPTO, expectedTally, syntheticFolder, yearSlider } from './helpers.ts';
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
});
