import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { syntheticFolder } from './helpers.ts';
import { cellText, dataRows, openTableView, readData, reportedRows, sentenceCount } from './table-helpers.ts';

interface LinkRecord { id: string; partner: string; evidence: { source: string }[] }
interface PartnerRecord { id: string; kind: string; country?: string }

test('the table lists exactly the links the filter sentence counts, with a caption that says so', async ({ page }) => {
  const table = await openTableView(page, '?view=table');
  const n = await sentenceCount(page);
  expect(n).toBeGreaterThan(100);
  expect(await reportedRows(table)).toBe(n);
  await expect(table.locator('caption')).toContainText(`${n} links`);
  await expect(table.locator('thead th[scope="col"]')).toHaveCount(8);
  // Virtualised: far fewer rows in the document than links, each of one fixed height (spacers depend on it).
  expect(await dataRows(table).count()).toBeLessThan(n);
  const heights = await dataRows(table).evaluateAll((rows) => rows.map((r) => r.getBoundingClientRect().height));
  expect(new Set(heights)).toEqual(new Set([48]));
});

test('sorts by date, oldest first, then newest first, and back', async ({ page }) => {
  const table = await openTableView(page, '?view=table');
  const dateHeader = table.locator('thead th').first();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  // "By" dates have no earliest day, so they come first.
  expect(await cellText(table, 0, 0)).toMatch(/2015|^by /);
  await dateHeader.getByRole('button', { name: 'Date' }).click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'descending');
  expect(await cellText(table, 0, 0)).toContain('2025');
  // Other sortable headers say they are not sorted.
  await expect(table.locator('thead th').nth(1)).toHaveAttribute('aria-sort', 'none');
  await dateHeader.getByRole('button', { name: 'Date' }).click();
  await expect(dateHeader).toHaveAttribute('aria-sort', 'ascending');
  expect(await cellText(table, 0, 0)).toMatch(/2015|^by /);
});

test('sorts by participants with links without a figure last, and by partner name', async ({ page }) => {
  const table = await openTableView(page, '?view=table');
  await table.getByRole('button', { name: 'Participants' }).click();
  await expect(table.locator('thead th').nth(5)).toHaveAttribute('aria-sort', 'ascending');
  expect(await cellText(table, 0, 5)).not.toBe('');
  await table.getByRole('button', { name: 'Participants' }).click();
  expect(await cellText(table, 0, 5)).not.toBe('');
  await table.getByRole('button', { name: 'Partner' }).click();
  const first = await cellText(table, 0, 3);
  const second = await cellText(table, 1, 3);
  expect(first.localeCompare(second, 'en', { numeric: true })).toBeLessThanOrEqual(0);
});

test('a row opens its link in the details panel and is marked as the open one', async ({ page }) => {
  const table = await openTableView(page, '?view=table');
  const row = dataRows(table).nth(2);
  const partner = (await row.locator('td').nth(3).innerText()).trim();
  const date = (await row.locator('td').first().innerText()).trim();
  await row.getByRole('button').click();
  const details = page.locator('aside.details');
  await expect(details).toBeVisible();
  await expect(details.locator('#details-title')).toContainText(partner.replace(/…$/, ''));
  await expect(details.locator('.link-date').filter({ hasText: date })).not.toHaveCount(0);
  await expect(row).toHaveAttribute('aria-current', 'true');
  expect(new URL(page.url()).searchParams.get('sel')).toMatch(/^arc:/);
  // Enter on a focused row's button opens it too.
  await page.locator('aside.details .icon-button').click();
  await dataRows(table).nth(4).getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('aside.details')).toBeVisible();
  await expect(dataRows(table).nth(4)).toHaveAttribute('aria-current', 'true');
});

test('keyboard users reach every row: Tab scrolls the box, and focus survives scrolling away', async ({ page }) => {
  const table = await openTableView(page, '?view=table');
  await dataRows(table).first().getByRole('button').focus();
  for (let i = 0; i < 40; i++) await page.keyboard.press('Tab');
  const rowIndex = () => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('aria-rowindex'));
  expect(await rowIndex()).toBe('42');
  const box = page.locator('.vt-box');
  expect(await box.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await box.evaluate((el) => { el.scrollTop = 0; });
  await page.waitForTimeout(200);
  expect(await rowIndex()).toBe('42');
  await page.keyboard.press('Tab');
  expect(await rowIndex()).toBe('43');
});

test('a country filter leaves only that country\'s links', async ({ page }) => {
  const table = await openTableView(page, '?view=table&country=KAZ&undated=1');
  const n = await sentenceCount(page);
  expect(n).toBeGreaterThan(0);
  expect(await reportedRows(table)).toBe(n);
  await expect(page.locator('.filter-sentence')).toContainText('Kazakhstan');
  const links = await readData<LinkRecord[]>(page, 'links.json');
  const partners = new Map((await readData<PartnerRecord[]>(page, 'partners.json')).map((p) => [p.id, p]));
  const ids = await dataRows(table).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-link')));
  expect(ids.length).toBe(Math.min(n, ids.length));
  for (const id of ids) {
    const link = links.find((l) => l.id === id);
    expect(link?.partner === 'KAZ' || partners.get(link?.partner ?? '')?.country === 'KAZ', String(id)).toBe(true);
  }
});

test('in Chinese the headers and the caption are Chinese', async ({ page }) => {
  const table = await openTableView(page, '?view=table&lang=zh');
  await expect(table.locator('thead th')).toHaveText([/日期/, /状态/, /中国机构/, /合作方/, /类型/, /人数/, /证据/, /来源/]);
  await expect(table.locator('caption')).toContainText('条连线');
  await expect(dataRows(table).first().locator('td').last()).toContainText('个来源');
});

for (const query of ['?view=table', '?view=table&lang=zh', '?view=table&sel=arc:srrsh~ummc']) {
  test(`no accessibility violations in the table (${query})`, async ({ page }) => {
    await openTableView(page, query);
    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    const serious = results.violations;
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('on a phone the table scrolls sideways inside its box and rows are at least 44 px tall', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const table = await openTableView(page, '?view=table');
  const box = page.locator('.vt-box');
  const { scrollWidth, clientWidth } = await box.evaluate((el) => ({ scrollWidth: el.scrollWidth, clientWidth: el.clientWidth }));
  expect(scrollWidth).toBeGreaterThan(clientWidth);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const heights = await dataRows(table).evaluateAll((rows) => rows.slice(0, 5).map((r) => r.getBoundingClientRect().height));
  for (const h of heights) expect(h).toBeGreaterThanOrEqual(44);
  const button = await dataRows(table).first().getByRole('button').boundingBox();
  expect(button?.height ?? 0).toBeGreaterThanOrEqual(44);
});

test.describe('at 100,000 links', () => {
  const DIR = 'bench-tmp/e2e-100k';
  test.beforeAll(() => syntheticFolder(DIR, 100_000, 1));

  test('renders a window of rows, reports all of them, and reaches the last', async ({ page }) => {
    test.setTimeout(180_000);
    // Undated and planned links included: every link is a row; the sentence counts the certain ones apart.
    const table = await openTableView(page, `?data=${DIR}&view=table&undated=1&planned=1`, 150_000);
    expect(await reportedRows(table)).toBe(100_000);
    const certain = await sentenceCount(page);
    expect(certain).toBeGreaterThan(50_000);
    expect(certain).toBeLessThan(100_000);
    await expect(page.locator('.filter-sentence')).toContainText(/links( · [\d,]+ more possibly)? · [\d,]+ undated \(shown, not counted\) · [\d,]+ planned \(shown, not counted\)/);
    expect(await page.locator('table.vt tr').count()).toBeLessThan(200);
    const box = page.locator('.vt-box');
    await box.evaluate((el) => { el.scrollTop = el.scrollHeight; });
    await expect(table.locator('tbody tr[aria-rowindex="100001"]')).toBeVisible();
    expect(await page.locator('table.vt tr').count()).toBeLessThan(200);
    // A sort over 100k rows stays interactive.
    const t0 = Date.now();
    await table.getByRole('button', { name: 'Chinese institution' }).click();
    await expect(table.locator('thead th').nth(2)).toHaveAttribute('aria-sort', 'ascending');
    await expect(table.locator('tbody tr[aria-rowindex="2"]')).toBeVisible();
    expect(Date.now() - t0).toBeLessThan(5_000);
  });
});
