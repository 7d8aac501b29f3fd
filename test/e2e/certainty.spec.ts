/**
 * Time, status and certainty in the browser: the counts say certain, possible, undated and planned
 * apart and match the per-link rule; "in 2015" never takes in undated links; a tie "since 2019" is
 * there from 2019 on; the histogram shows certain and possible parts; planned links join only when asked.
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { UPTO, expectedTally, openAtlas, openView, urlParams } from './helpers.ts';
import type { Link } from '../../src/domain/schema.ts';

const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];
const sentence = (page: Page) => page.locator('.filter-sentence');

test('the default view counts every link its sources put by 2025, and says how many are possible, undated and planned', async ({ page }) => {
  const t = expectedTally(links, { from: UPTO, to: 2025 });
  // Every link is counted once, in exactly one of the four.
  expect(t.certain + t.possible + t.undated + t.planned).toBe(links.length);
  expect(t.certain).toBeGreaterThan(300);
  await openAtlas(page);
  const parts = [`Up to 2025: ${t.certain} links`];
  if (t.possible) parts.push(`${t.possible} more possibly`);
  parts.push(`${t.undated} undated`, `${t.planned} planned`);
  await expect(sentence(page)).toContainText(parts.join(' · '));
});

test('"in 2015" with undated links included still counts only the links of 2015', async ({ page }) => {
  const t = expectedTally(links, { from: 2015, to: 2015 });
  await openAtlas(page, '?mode=in&year=2015&undated=1');
  await expect(sentence(page)).toContainText(`In 2015: ${t.certain} links · ${t.possible} more possibly · ${t.undated} undated (shown, not counted)`);
  expect(t.certain).toBeLessThan(10);
  // The timeline's 2015 bar says the same, certain and possible apart.
  const bars = page.getByRole('list', { name: /^Links per year/ });
  await expect(bars.locator('li').first()).toHaveText(`2015: ${t.certain} links, ${t.possible} more possibly`);
});

test('a tie "since 2019, still running" is there from 2019 on: certain while a source says it runs, possible after', async ({ page }) => {
  const tie = links.find((l) => l.id === 'b04-1')!;
  const rowsFor = async (year: number) => {
    await openView(page, `?view=table&mode=in&year=${year}&inst=${tie.institution}`);
    // The table loads on demand; with nothing in the window the empty state shows instead.
    await expect(page.locator('table.vt tbody tr[aria-rowindex], .empty-state').first()).toBeVisible({ timeout: 30_000 });
    return page.locator('table.vt tbody tr[aria-rowindex]').filter({ hasText: 'Kazakhstan Traditional Medicine' }).count();
  };
  expect(await rowsFor(2018)).toBe(0);
  expect(await rowsFor(2019)).toBe(1);
  expect(await rowsFor(2023)).toBe(1);
  // After its latest source it may have ended: counted as possible, still listed.
  const inst = (l: Link) => l.institution === tie.institution;
  expect(await rowsFor(2025)).toBe(1);
  await expect(sentence(page)).toContainText(`${expectedTally(links, { from: 2025, to: 2025 }, inst).possible} more possibly`);
});

test('the histogram draws the possible part of each year hatched, on top of the certain part', async ({ page }) => {
  await openAtlas(page, '?mode=in&year=2020');
  const hatched = page.locator('.tl-track rect.tl-bar--possible');
  expect(await hatched.count()).toBeGreaterThan(5);
  const fill = await hatched.first().getAttribute('fill');
  expect(fill).toMatch(/^url\(#/);
  // Each possible segment sits right above its year's certain segments.
  const year2020 = await page.getByRole('list', { name: /^Links per year/ }).locator('li').nth(5).innerText();
  const t = expectedTally(links, { from: 2020, to: 2020 });
  expect(year2020).toBe(`2020: ${t.certain} links, ${t.possible} more possibly`);
  await page.locator('.tl').screenshot({ path: 'test/e2e/screenshots/timeline-certainty.png' });
});

test('planned links are left out of the counts, and join the map only when asked, counted apart', async ({ page }) => {
  const t = expectedTally(links, { from: UPTO, to: 2025 });
  await openAtlas(page);
  const toggle = page.getByRole('checkbox', { name: `Include ${t.planned} planned links` });
  await toggle.check();
  await expect(sentence(page)).toContainText(`Up to 2025: ${t.certain} links`);
  await expect(sentence(page)).toContainText(`${t.planned} planned (shown, not counted)`);
  await expect.poll(() => urlParams(page).get('planned')).toBe('1');
  await openView(page, '?view=table&planned=1');
  await expect(page.locator('table.vt')).toBeVisible({ timeout: 30_000 });
  const rows = Number(await page.locator('table.vt').getAttribute('aria-rowcount')) - 1;
  expect(rows).toBe(t.certain + t.possible + t.planned);
});

test('in Chinese the counts say the same', async ({ page }) => {
  const t = expectedTally(links, { from: 2015, to: 2015 });
  await openAtlas(page, '?lang=zh&mode=in&year=2015');
  await expect(sentence(page)).toContainText(`${t.certain} 条连线 · 另有 ${t.possible} 条可能 · ${t.undated} 条无日期`);
});
