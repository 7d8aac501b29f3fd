import { expect, test } from '@playwright/test';
import { openAtlas, recordOffOrigin } from './helpers.ts';

test('a link with two sources lists both, each with a working address, and nothing is requested off the origin', async ({ page, baseURL }) => {
  const off = recordOffOrigin(page, new URL(baseURL!).origin);
  await openAtlas(page, '?sel=arc:hekou-county-peoples-hospital~lao-cai-traditional-medicine-hospital');
  const panel = page.locator('aside.details');
  await expect(panel.getByRole('heading', { level: 2 })).toContainText('Hekou County People\'s Hospital');
  const card = panel.locator('article.link-card').first();
  await expect(card.getByRole('heading', { name: '2 sources' })).toBeVisible();
  const citations = card.locator('.citation');
  await expect(citations).toHaveCount(2);
  // The most authoritative first: the Lao Cai provincial page, then the news report.
  await expect(citations.nth(0)).toContainText('Original: the institution\'s or a government\'s own site');
  await expect(citations.nth(0)).toContainText('Vietnamese');
  await expect(citations.nth(1)).toContainText('News: a news organisation\'s report');
  const links = card.locator('a.citation-url');
  await expect(links).toHaveCount(2);
  for (const [i, href] of [[0, 'http://doingoailaocai.vn/vi/bai-viet/18077'], [1, /^https:\/\/vietnamnet\.vn\/en\//]] as const) {
    const a = links.nth(i);
    await expect(a).toHaveAttribute('href', href);
    await expect(a).toHaveAttribute('target', '_blank');
    await expect(a).toHaveAttribute('rel', 'noopener noreferrer');
  }
  // Showing addresses requests nothing from them.
  await page.waitForTimeout(300);
  expect(off).toEqual([]);
});

test('"About the data" states the method, the counts by source kind and the reviewed leads, in both languages', async ({ page }) => {
  await openAtlas(page);
  const open = page.getByRole('button', { name: 'About the data' });
  await open.click();
  const dialog = page.getByRole('dialog', { name: 'About the data' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('about-counts')).toContainText(/\d+ links from \d+ sources; \d+ partner countries; \d+ Chinese institutions lead a link \(\d+ more are named as taking part\)\. \d+ links cite more than one source\./);
  const kinds = dialog.getByRole('table', { name: 'Sources by kind' });
  await expect(kinds.getByRole('columnheader')).toHaveText(['Kind', 'What it is', 'Sources']);
  await expect(kinds.getByRole('rowheader')).toHaveText(['Original', 'News', 'Copy']);
  await expect(dialog.getByTestId('about-leads')).toContainText(/We checked 132 leads .*: \d+ became links, [1-9]\d* were left out\./);
  await expect(dialog).toContainText('named only as a speaker\'s employer, not as a partner');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '关于数据' }).click();
  const zh = page.getByRole('dialog', { name: '关于数据' });
  await expect(zh.getByTestId('about-leads')).toContainText('我们对照网页原文核查了132条');
  await expect(zh).toContainText('香港、澳门和台湾从不作为外国合作方绘出');
});

test('"About the data" for a dataset without a review log says so, whether the host answers 404 or with its index page', async ({ page }) => {
  for (const reply of [{ status: 404, body: 'not found', contentType: 'text/plain' }, { status: 200, body: '<!doctype html><title>x</title>', contentType: 'text/html' }]) {
    await page.route('**/data/review/leads.json', (route) => route.fulfill(reply));
    await openAtlas(page);
    await page.getByRole('button', { name: 'About the data' }).click();
    const dialog = page.getByRole('dialog', { name: 'About the data' });
    await expect(dialog).toContainText('No review log is bundled with this dataset.');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    await page.unroute('**/data/review/leads.json');
  }
});
