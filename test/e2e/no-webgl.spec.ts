import { expect, test } from '@playwright/test';

// This file runs in the "no-webgl" project: Chromium started with --disable-3d-apis.
test('without WebGL the page says so and lists every link with its source', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'The map needs WebGL' })).toBeVisible();
  const list = page.getByRole('region', { name: 'Links in the current view' });
  await expect(list).toBeVisible();
  await expect(list.getByRole('row').filter({ hasText: 'Pakistan Interventional Cardiology Society' })).toBeVisible();
  await list.getByRole('button', { name: 'Pakistan Interventional Cardiology Society' }).click();
  await expect(page.getByText(/Cardiac Intervention Training Program Enters Pakistan/).first()).toBeVisible();
  await expect(page.getByRole('slider', { name: 'Year' })).toBeVisible();
});
