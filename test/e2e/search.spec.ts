import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openAtlas, urlParams } from './helpers.ts';

const FIFTH = 'Fifth Affiliated Hospital, Sun Yat-sen University';
const SRRSH = 'Sir Run Run Shaw Hospital, Zhejiang University School of Medicine (SRRSH)';

const searchBox = (page: Page) => page.getByRole('combobox', { name: /^(Search|搜索)$/ });
// Scoped to the search landmark: the timeline's speed <select> has options too.
const suggestions = (page: Page) => page.getByRole('search').getByRole('option');
const panelHeading = (page: Page, name: string) => page.getByRole('complementary').getByRole('heading', { name, exact: true });

test('a short Chinese name finds the hospital; the keyboard picks it and its panel opens', async ({ page }) => {
  await openAtlas(page);
  const box = searchBox(page);
  await box.fill('中山五院');
  const option = suggestions(page).first();
  await expect(option).toContainText(FIFTH);
  await expect(option).toContainText('Chinese institution');
  await expect(option).toContainText(/\d+ links?/);
  await expect(box).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByTestId('search-status')).toHaveText(/^\d+ suggestions?$/);
  await box.press('ArrowDown');
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(box).toHaveAttribute('aria-activedescendant', (await option.getAttribute('id'))!);
  await box.press('Enter');
  await expect(panelHeading(page, FIFTH)).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('inst:sysu-fifth-hospital');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // The pick filters to the hospital and frames its arcs: the camera moves and is written to the URL.
  await expect.poll(() => urlParams(page).get('inst')).toBe('sysu-fifth-hospital');
  await expect(page.locator('.filter-sentence')).toContainText(`${FIFTH} · Up to 2025`);
  await expect.poll(() => urlParams(page).get('at'), { timeout: 10_000 }).toMatch(/^-?[\d.]+,-?[\d.]+,[\d.]+$/);
});

test('an abbreviation finds the hospital; a click picks it', async ({ page }) => {
  await openAtlas(page);
  await searchBox(page).fill('SRRSH');
  const option = suggestions(page).and(page.getByRole('option', { name: new RegExp(`^${SRRSH.replace(/[()]/g, '\\$&')}`) }));
  await expect(option).toContainText('Chinese institution');
  await option.click();
  await expect(panelHeading(page, SRRSH)).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('inst:srrsh');
});

test('a country by its Chinese name opens the country; nothing found says so', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  const box = searchBox(page);
  await box.fill('哈萨克斯坦');
  const option = suggestions(page).first();
  await expect(option).toContainText('哈萨克斯坦');
  await expect(option).toContainText('国家');
  await expect(option).toContainText(/\d+ 条合作/);
  await page.screenshot({ path: 'test/e2e/screenshots/search-zh-1280.png' });
  await box.press('Enter');
  await expect(panelHeading(page, '哈萨克斯坦')).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('partner:KAZ');

  await box.fill('zzzz');
  await expect(page.getByText('无匹配结果', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('search-status')).toHaveText('无匹配结果');
  await page.screenshot({ path: 'test/e2e/screenshots/search-none-zh-1280.png' });
  await expect(suggestions(page)).toHaveCount(0);
});

test('"zzzz" says there are no matches', async ({ page }) => {
  await openAtlas(page);
  await searchBox(page).fill('zzzz');
  await expect(page.getByText('No matches', { exact: true }).first()).toBeVisible();
  await expect(page.getByTestId('search-status')).toHaveText('No matches');
  await expect(searchBox(page)).toHaveAttribute('aria-expanded', 'false');
});

test('the open list has no serious accessibility violations and fits a phone', async ({ page }) => {
  await openAtlas(page);
  await searchBox(page).fill('hospital');
  await searchBox(page).press('ArrowDown');
  await expect(suggestions(page).first()).toBeVisible();
  const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  await page.screenshot({ path: 'test/e2e/screenshots/search-1280.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await searchBox(page).fill('中山');
  await searchBox(page).press('ArrowDown');
  const options = suggestions(page);
  await expect(options.first()).toBeVisible();
  for (const box of await Promise.all((await options.all()).slice(0, 4).map((o) => o.boundingBox()))) {
    expect(box!.height).toBeGreaterThanOrEqual(44);
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  }
  const input = await searchBox(page).boundingBox();
  expect(input!.height).toBeGreaterThanOrEqual(44);
  // The timeline and the map follow the new width a frame or two after the resize.
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test/e2e/screenshots/search-390.png' });
});
