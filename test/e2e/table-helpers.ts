/** Shared steps for the browser tests of the table and sources views (which set no map-ready mark). */
import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the atlas at `query` and waits for the view's table to have its rows. */
export async function openTableView(page: Page, query: string, timeout = 45_000): Promise<Locator> {
  await page.goto(`./${query}`);
  const table = page.locator('table.vt');
  await expect(table).toBeVisible({ timeout });
  await expect(table.locator('tbody tr[aria-rowindex]').first()).toBeVisible({ timeout });
  return table;
}

/** The count the filter sentence states ("Up to 2025: 224 links · …"). */
export async function sentenceCount(page: Page): Promise<number> {
  const text = await page.locator('.filter-sentence').innerText();
  const m = /([\d,]+)\s*(links?|条连线)/.exec(text);
  if (!m?.[1]) throw new Error(`no count in "${text}"`);
  return Number(m[1].replace(/,/g, ''));
}

/** Data rows the table reports (aria-rowcount counts the header row too). */
export async function reportedRows(table: Locator): Promise<number> {
  return Number(await table.getAttribute('aria-rowcount')) - 1;
}

/** The rendered data rows (not the spacers). */
export const dataRows = (table: Locator): Locator => table.locator('tbody tr[aria-rowindex]');

/** Text of one cell (column index from 0) of the n-th rendered data row. */
export async function cellText(table: Locator, row: number, col: number): Promise<string> {
  return (await dataRows(table).nth(row).locator('td').nth(col).innerText()).trim();
}

/** The bundled dataset, read from the page's own origin. */
export async function readData<T>(page: Page, file: string): Promise<T> {
  return page.evaluate((f) => fetch(`data/${f}`).then((r) => r.json()), file) as Promise<T>;
}
