import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openAtlas } from './helpers.ts';

// axe-core checks names, roles, contrast and structure of what a reader sees, in both languages.
for (const query of ['', '?lang=zh', '?sel=arc:srrsh~ummc&year=2023']) {
  test(`no serious accessibility violations (${query || 'default view'})`, async ({ page }) => {
    await openAtlas(page, query);
    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('no serious accessibility violations in the "About the data" dialog, nor in a two-source panel in Chinese', async ({ page }) => {
  await openAtlas(page, '?lang=zh&sel=arc:hekou-county-peoples-hospital~lao-cai-traditional-medicine-hospital');
  const check = async () => {
    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
  };
  expect(await check()).toEqual([]);
  await page.getByRole('button', { name: '关于数据' }).click();
  await expect(page.getByRole('dialog', { name: '关于数据' })).toBeVisible();
  await expect(page.getByTestId('about-leads')).toBeVisible();
  expect(await check()).toEqual([]);
});

test('with reduced motion the timeline handle snaps and playback still steps', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAtlas(page, '?year=2015');
  await page.getByRole('button', { name: 'Play' }).click();
  await expect(page.getByRole('slider', { name: 'Year' })).not.toHaveAttribute('aria-valuenow', '2015', { timeout: 5000 });
  const transition = await page.locator('.tl-handle, [role="slider"]').first().evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
});
