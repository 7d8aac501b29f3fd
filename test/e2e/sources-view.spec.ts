import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { cellText, dataRows, openTableView, readData, reportedRows, sentenceCount } from './table-helpers.ts';

interface LinkRecord { id: string; evidence: { source: string }[] }
interface SourceRecord { id: string; language: string; kind: string }

const COL = { title: 0, publisher: 1, date: 2, language: 3, kind: 4, inView: 5, inAll: 6, action: 7 };

async function columnNumbers(table: Locator, col: number, rows = 8): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < rows; i++) out.push(Number((await cellText(table, i, col)).replace(/,/g, '')));
  return out;
}

test('lists every source, most cited in the view first, and sorts by the links citing them', async ({ page }) => {
  const table = await openTableView(page, '?view=sources');
  const sources = await readData<SourceRecord[]>(page, 'sources.json');
  expect(await reportedRows(table)).toBe(sources.length);
  await expect(table.locator('caption')).toContainText(`${sources.length} of ${sources.length} source documents`);
  const inView = table.locator('thead th').nth(COL.inView);
  await expect(inView).toHaveAttribute('aria-sort', 'descending');
  const first = await columnNumbers(table, COL.inView);
  expect(first).toEqual([...first].sort((a, b) => b - a));

  const inAll = table.locator('thead th').nth(COL.inAll);
  await inAll.getByRole('button').click();
  await expect(inAll).toHaveAttribute('aria-sort', 'ascending');
  await expect(inView).toHaveAttribute('aria-sort', 'none');
  const up = await columnNumbers(table, COL.inAll);
  expect(up).toEqual([...up].sort((a, b) => a - b));
  await inAll.getByRole('button').click();
  await expect(inAll).toHaveAttribute('aria-sort', 'descending');
  const down = await columnNumbers(table, COL.inAll);
  expect(down).toEqual([...down].sort((a, b) => b - a));
  expect(down[0]).toBeGreaterThan(up[0] as number);
});

test('narrows by language, by kind and by words', async ({ page }) => {
  const table = await openTableView(page, '?view=sources');
  const sources = await readData<SourceRecord[]>(page, 'sources.json');
  await page.getByRole('combobox', { name: 'Language of the source' }).selectOption({ label: 'Chinese' });
  const zh = sources.filter((s) => s.language === 'zh').length;
  expect(zh).toBeGreaterThan(0);
  await expect.poll(() => reportedRows(table)).toBe(zh);
  await expect(table.locator('caption')).toContainText(`${zh} of ${sources.length}`);
  for (const lang of await dataRows(table).locator(`td:nth-child(${COL.language + 1})`).allInnerTexts()) expect(lang.trim()).toBe('Chinese');

  await page.getByRole('combobox', { name: 'Kind of source' }).selectOption({ label: 'Copy' });
  const zhCopies = sources.filter((s) => s.language === 'zh' && s.kind === 'copy').length;
  await expect.poll(() => reportedRows(table)).toBe(zhCopies);
  for (const kind of await dataRows(table).locator(`td:nth-child(${COL.kind + 1})`).allInnerTexts()) expect(kind.trim()).toBe('Copy');

  await page.getByRole('combobox', { name: 'Language of the source' }).selectOption({ label: 'All languages' });
  await page.getByRole('combobox', { name: 'Kind of source' }).selectOption({ label: 'News' });
  await expect.poll(() => reportedRows(table)).toBe(sources.filter((s) => s.kind === 'news').length);
  await page.getByRole('combobox', { name: 'Kind of source' }).selectOption({ label: 'All kinds' });
  await page.getByRole('searchbox').fill('xinhua');
  await expect.poll(() => reportedRows(table)).toBeLessThan(sources.length);
  await expect(dataRows(table).first()).toContainText(/xinhua/i);
});

test('"Show its links" filters every view to the links the source supports', async ({ page }) => {
  const table = await openTableView(page, '?view=sources');
  const row = dataRows(table).first();
  const id = await row.getAttribute('data-source');
  const inView = Number(await cellText(table, 0, COL.inView));
  const button = row.getByRole('button', { name: /^Show its \d+ links?$/ });
  await expect(button).toHaveAccessibleName(`Show its ${await cellText(table, 0, COL.inAll)} links`);
  await button.click();
  await expect.poll(() => new URL(page.url()).searchParams.get('source')).toBe(id);
  await expect(page.locator('.filter-chips').getByRole('button', { name: /^Remove filter: Source: / })).toBeVisible();
  await expect(page.locator('.sv-active')).toBeVisible();
  await expect(table.locator(`tr[data-source="${id}"]`)).toHaveAttribute('aria-current', 'true');
  expect(await sentenceCount(page)).toBe(inView);

  await page.getByRole('tab', { name: 'Table' }).click();
  const links = await openTableViewAfterSwitch(page);
  expect(await reportedRows(links)).toBe(inView);
  const all = await readData<LinkRecord[]>(page, 'links.json');
  for (const linkId of await dataRows(links).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-link')))) {
    expect(all.find((l) => l.id === linkId)?.evidence.some((e) => e.source === id), String(linkId)).toBe(true);
  }

  await page.getByRole('tab', { name: 'Sources' }).click();
  await page.locator('.sv-active').getByRole('button', { name: 'Show all links again' }).click();
  await expect.poll(() => new URL(page.url()).searchParams.get('source')).toBeNull();
  await expect(page.locator('.filter-chips')).toHaveCount(0);
});

async function openTableViewAfterSwitch(page: Page): Promise<Locator> {
  const table = page.locator('table#link-list');
  await expect(table.locator('tbody tr[aria-rowindex]').first()).toBeVisible();
  return table;
}

test('from a link in the details panel, "All links citing this source" filters to that source', async ({ page }) => {
  await openTableView(page, '?view=table&sel=arc:srrsh~ummc');
  const details = page.locator('aside.details');
  await details.getByRole('button', { name: 'All links citing this source' }).first().click();
  await expect.poll(() => new URL(page.url()).searchParams.get('source')).not.toBeNull();
  await expect(page.locator('.filter-chips').getByRole('button', { name: /^Remove filter: Source: / })).toBeVisible();
});

test('in Chinese the headers, filters and buttons are Chinese', async ({ page }) => {
  const table = await openTableView(page, '?view=sources&lang=zh');
  await expect(table.locator('thead th')).toHaveText([/标题/, /发布者/, /发布日期/, /语言/, /类型/, /视图内/, /全部/, /筛选/]);
  await expect(page.getByRole('combobox', { name: '来源语言' })).toBeVisible();
  await expect(dataRows(table).first().getByRole('button')).toHaveText(/^显示其 \d+ 条连线$/);
});

for (const query of ['?view=sources', '?view=sources&lang=zh', '?view=sources&source=srrsh-bri-programs', '?view=sources&lang=zh&undated=1&source=srrsh-bri-programs']) {
  test(`no accessibility violations in the sources view (${query})`, async ({ page }) => {
    await openTableView(page, query);
    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    const serious = results.violations;
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}
