/** Filters and their counts, shared URLs (filters, view, selection, camera), Back and Forward, hostile URLs. */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { UPTO, expectedTally, openAtlas, openView, urlParams } from './helpers.ts';
import { CATEGORY_OF_TYPE } from '../../src/domain/categories.ts';
import type { Link } from '../../src/domain/schema.ts';

const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];
const partners = JSON.parse(readFileSync('data/partners.json', 'utf8')) as { id: string; country?: string }[];
const countryOf = (l: Link) => (/^[A-Z]{3}$/.test(l.partner) ? l.partner : partners.find((p) => p.id === l.partner)?.country);
/** Links certainly in a window, by the per-link rule, as the atlas states them. */
const certain = (w: { from: number; to: number }, keep: (l: Link) => boolean = () => true) => expectedTally(links, w, keep).certain;
const training = (l: Link) => l.types.some((t) => CATEGORY_OF_TYPE[t] === 'training');

const sentence = (page: Page) => page.locator('.filter-sentence');
const linksIn = async (page: Page) => Number((/: ([\d,]+) links?/.exec(await sentence(page).innerText())?.[1] ?? 'NaN').replace(/,/g, ''));

test('filters combine, each option says how many links it would leave, and the sentence says what is shown', async ({ page }) => {
  await openAtlas(page);
  const all = certain({ from: UPTO, to: 2025 });
  await expect(sentence(page)).toContainText(`Up to 2025: ${all} links`);
  await page.getByRole('button', { name: /^Filters/ }).click();
  const panel = page.getByRole('region', { name: 'Filters' });
  const trainingOption = panel.getByRole('group', { name: 'Kind of cooperation' }).locator('label').filter({ hasText: /^Training/ });
  const nTraining = certain({ from: UPTO, to: 2025 }, training);
  await expect(trainingOption).toContainText(`${nTraining} links`);
  await trainingOption.getByRole('checkbox').check();
  await expect(sentence(page)).toContainText(`Training · Up to 2025: ${nTraining} links`);
  await expect.poll(() => urlParams(page).get('cat')).toBe('training');

  // Countries list their counts given the category: Kazakhstan's option count is what choosing it leaves.
  const countries = panel.getByRole('group', { name: 'Partner country' });
  await countries.getByRole('searchbox').fill('Kazakh');
  const kaz = countries.locator('label').filter({ hasText: 'Kazakhstan' });
  const expected = certain({ from: UPTO, to: 2025 }, (l) => training(l) && countryOf(l) === 'KAZ');
  await expect(kaz).toContainText(`${expected} link`);
  await kaz.getByRole('checkbox').check();
  await expect(sentence(page)).toContainText(`Training · Kazakhstan · Up to 2025: ${expected} link`);
  expect(await linksIn(page)).toBe(expected);
  await expect.poll(() => urlParams(page).get('country')).toBe('KAZ');

  // The timeline's histogram follows the filters, and the year window narrows the count.
  await page.getByRole('slider', { name: 'Year' }).focus();
  await page.keyboard.press('Home');
  const in2015 = certain({ from: UPTO, to: 2015 }, (l) => training(l) && countryOf(l) === 'KAZ');
  await expect.poll(() => linksIn(page)).toBe(in2015);

  // One click resets every filter.
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Reset filters' }).first().click();
  await expect(sentence(page)).toContainText(`Up to 2025: ${all} links`);
  await expect.poll(() => urlParams(page).get('cat')).toBeNull();
});

test('a combination that leaves nothing says so and offers to widen it', async ({ page }) => {
  // Malaysia's training links are all dated after 2016: none is even possibly in 2016.
  await openAtlas(page, '?cat=training&country=MYS&mode=in&year=2016');
  const empty = page.getByRole('status').filter({ hasText: 'No links match' });
  await expect(empty).toContainText('Training · Malaysia · In 2016');
  await empty.getByRole('button', { name: 'Show all years, undated included' }).click();
  await expect(sentence(page)).toContainText('Training · Malaysia · Up to 2025');
  expect(await linksIn(page)).toBeGreaterThan(0);
});

test('a shared link opens the same view in a fresh page: filters, view, selection and camera', async ({ browser }) => {
  const query = '?cat=training&country=KAZ&sel=partner:KAZ&at=70,46,3.6&year=2024';
  const page = await (await browser.newContext()).newPage();
  await openAtlas(page, query);
  await expect(sentence(page)).toContainText('Training · Kazakhstan · Up to 2024');
  await expect(page.getByRole('heading', { level: 2, name: 'Kazakhstan' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true');
  // The camera: Kazakhstan's label sits near the middle of the map at that centre and zoom.
  const map = (await page.locator('.atlas-map').boundingBox())!;
  const label = (await page.locator('.atlas-map-labels').getByText('Kazakhstan', { exact: true }).boundingBox())!;
  expect(Math.abs(label.x + label.width / 2 - (map.x + map.width / 2))).toBeLessThan(map.width * 0.2);
  expect(Math.abs(label.y + label.height / 2 - (map.y + map.height / 2))).toBeLessThan(map.height * 0.25);
  // Nothing is rewritten: the address is still the shared one.
  await page.waitForTimeout(600);
  for (const [k, v] of new URLSearchParams(query)) expect(urlParams(page).get(k), k).toBe(v);

  const table = await (await browser.newContext()).newPage();
  await table.goto('./?view=table&inst=srrsh');
  await expect(table.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(table.locator('.filter-chips')).toContainText('Sir Run Run Shaw');
});

test('moving the map writes the camera; Back and Forward step through views, filters and selections', async ({ page }) => {
  await openAtlas(page);
  const start = page.url();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await expect.poll(() => urlParams(page).get('at')).toMatch(/^-?\d+(\.\d+)?,-?\d+(\.\d+)?,\d+(\.\d+)?$/);
  const zoomed = urlParams(page).get('at');
  await page.getByRole('tab', { name: 'Table' }).click();
  await expect.poll(() => urlParams(page).get('view')).toBe('table');
  await page.getByRole('button', { name: /^Filters/ }).click();
  await page.getByRole('region', { name: 'Filters' }).getByRole('group', { name: 'Kind of cooperation' }).locator('label').filter({ hasText: /^Training/ }).getByRole('checkbox').check();
  await expect.poll(() => urlParams(page).get('cat')).toBe('training');

  await page.goBack();
  await expect.poll(() => urlParams(page).get('cat')).toBeNull();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(sentence(page)).not.toContainText('Training');
  await page.goBack();
  await expect(page.getByRole('tab', { name: 'Map' })).toHaveAttribute('aria-selected', 'true');
  expect(urlParams(page).get('at')).toBe(zoomed);
  await page.goForward();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await page.goForward();
  await expect(sentence(page)).toContainText('Training');
  // Back from the first state of the atlas leaves it: the start page was one entry, not one per step.
  expect(start).not.toContain('view=');
});

test('hostile URL values fall back to defaults, and nothing unknown or unbounded is written back', async ({ page }) => {
  const samples = [
    // Node's HTTP server refuses request heads over 16 KB, so the browser sample stays below; the unit tests take 100 KB.
    `?sel=inst:${'a'.repeat(8_000)}&inst=${'b'.repeat(4_000)}`,
    '?inst=no-such-hospital,srrsh&country=XXX,KAZ&prog=%3Cscript%3Ealert(1)%3C%2Fscript%3E&partner=nope',
    '?view=table&view=sources&at=1e308,NaN,-5&online=2&scope=%00&cat=training,training,training',
    `?type=${'training,'.repeat(800)}&year=99999999999999999999`,
  ];
  for (const q of samples) {
    await openView(page, q);
    await expect(page.locator('h1')).toHaveText('Health Silk Road Atlas');
    await page.waitForTimeout(500);
    const url = page.url();
    expect(url.length, q.slice(0, 40)).toBeLessThan(600);
    expect(url).not.toContain('no-such-hospital');
    expect(url).not.toContain('XXX');
    expect(url).not.toContain('script');
    expect(url).not.toContain('sel=');
  }
  expect(urlParams(page).get('type')).toBe('training');
});

test('a very long name wraps: the panel\'s close button stays on screen', async ({ page }) => {
  await page.route('**/data/institutions.json', async (route) => {
    const res = await route.fetch();
    const list = (await res.json()) as { id: string; name: { en: string } }[];
    const srrsh = list.find((i) => i.id === 'srrsh')!;
    srrsh.name.en = 'Sir Run Run Shaw Hospital '.repeat(800);
    await route.fulfill({ response: res, json: list });
  });
  await openAtlas(page, '?sel=inst:srrsh');
  const close = page.getByRole('button', { name: 'Close details' });
  await expect(close).toBeInViewport();
});

test('"Copy link" copies the address of exactly this view', async ({ browser }) => {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await openAtlas(page, '?cat=tcm');
  await page.getByRole('slider', { name: 'Year' }).focus();
  await page.keyboard.press('ArrowLeft');
  // Copied at once, before the deferred URL write would have run: the link still has the new year.
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied' })).toBeVisible();
  const copied = new URL(await page.evaluate(() => navigator.clipboard.readText()));
  expect(copied.searchParams.get('cat')).toBe('tcm');
  expect(copied.searchParams.get('year')).toBe('2024');
  await context.close();
});
