import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';

// This file runs in the "no-webgl" project: Chromium started with --disable-3d-apis.
test('without WebGL the CSV still downloads every listed link, and the PNG button says why it cannot', async ({ page }) => {
  await page.goto('./?lang=zh');
  await expect(page.getByRole('heading', { name: '地图需要 WebGL' })).toBeVisible();
  const png = page.getByRole('button', { name: '下载 PNG' });
  await expect(png).toBeDisabled();
  await expect(png).toHaveAccessibleDescription('PNG 需要地图，而此处未绘制地图');
  const caption = await page.getByRole('region', { name: '当前视图内的连线' }).locator('p').first().innerText();
  const count = Number(/([\d,]+)/.exec(caption)![1]!.replaceAll(',', ''));
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载 CSV' }).click()]);
  expect(file.suggestedFilename()).toBe('health-silk-road_all_upto-2025.csv');
  const text = readFileSync(await file.path(), 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  expect(Papa.parse(text.slice(1), { header: true, skipEmptyLines: true }).data).toHaveLength(count);
});
