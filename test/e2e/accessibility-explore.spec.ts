/** axe on the explore controls: the filter bar with chips, the open filter panel and the empty state, in both languages. */
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openAtlas } from './helpers.ts';

for (const [query, button] of [['?cat=training&country=KAZ', /^Filters/], ['?lang=zh&cat=training&country=KAZ', /^筛选/]] as const) {
  test(`no accessibility violations with the filter panel open (${query})`, async ({ page }) => {
    await openAtlas(page, query);
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('.filter-panel')).toBeVisible();
    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('the filter panel works from the keyboard alone', async ({ page }) => {
  await openAtlas(page);
  const toggle = page.getByRole('button', { name: /^Filters/ });
  await toggle.focus();
  await page.keyboard.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.filter-panel')).toBeVisible();
  // Tab into the panel: the first option is the first category's checkbox; Space checks it.
  await page.keyboard.press('Tab');
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'checkbox');
  await page.keyboard.press('Space');
  await expect(page.locator('.filter-sentence')).toContainText('Training · Up to 2025');
});
