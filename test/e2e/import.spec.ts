/**
 * Your own data: a CSV chosen with the button or dropped on the atlas is read in the page (no
 * request carries it anywhere), imported, and shown — with its counts, every refused row named by
 * row number and column, a timeline spanning the file's own years, English standing in for Chinese
 * marked as such, and a way back to the atlas's data.
 */
import { expect, test, type Page, type Request } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { openAtlas, recordOffOrigin, yearSlider } from './helpers.ts';

const institutions = JSON.parse(readFileSync('data/institutions.json', 'utf8')) as { id: string }[];
const sources = JSON.parse(readFileSync('data/sources.json', 'utf8')) as { id: string }[];
const INST = institutions[0]!.id;
const SOURCE = sources[0]!.id;
const HEADER = 'id,kind,status,date,institution_id,partner_kind,partner_iso3,type,summary_en,source_id,locator';
const row = (id: string, date: string, iso3 = 'KEN', status = 'completed') =>
  `${id},event,${status},${date},${INST},country,${iso3},training,Nurses trained in wound care (${id}).,${SOURCE},p. 2`;
const file = (name: string, lines: string[]) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(`${[HEADER, ...lines].join('\r\n')}\r\n`) });

/** Every request the page makes from now on (the page's own code chunks included). */
function recordRequests(page: Page): Request[] {
  const seen: Request[] = [];
  page.on('request', (r) => seen.push(r));
  return seen;
}

test.describe.configure({ timeout: 150_000 });

test('a CSV chosen with the button is read locally and shown; a bad row is named by row and column', async ({ page, baseURL }) => {
  const off = recordOffOrigin(page, new URL(baseURL!).origin);
  await openAtlas(page);
  const requests = recordRequests(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open your own data…' }).click();
  await (await chooser).setFiles(file('my-links.csv', [row('my-1', '2019-05'), row('my-2', '2019-13-40'), row('my-3', '2021', 'XYZ'), row('my-4', '2022')]));

  const report = page.getByRole('region', { name: 'Showing your file my-links.csv' });
  await expect(report).toBeVisible();
  await expect(report.getByTestId('import-counts')).toHaveText(/^2 of 4 rows became links · 2 rows refused: they are not shown, and the list below says why · Timeline: 2015–2025 · 2 Chinese texts were empty/);
  const problems = report.getByTestId('import-problems').getByRole('listitem');
  await expect(problems.filter({ hasText: 'Row 3, column date: "2019-13-40" is not a real calendar date' })).toHaveCount(1);
  await expect(problems.filter({ hasText: 'Row 4, column partner_iso3: "XYZ" is not an ISO 3166-1 alpha-3 country code' })).toHaveCount(1);
  await expect(problems).toHaveCount(2);

  // The atlas now counts the file's links, and only them.
  await expect(page.locator('.filter-sentence')).toContainText('Up to 2025: 2 links');
  // The file went nowhere: no request carried a body, and none but the page's own code was fetched.
  expect(requests.filter((r) => r.method() !== 'GET' || r.postData() !== null)).toEqual([]);
  expect(requests.map((r) => new URL(r.url()).pathname).filter((p) => !/^\/assets\/[\w.-]+\.m?js$/.test(p))).toEqual([]);
  expect(off).toEqual([]);

  // The new dataset's map is a new map: its ready mark is the page's second.
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 1, undefined, { timeout: 60_000 });
  mkdirSync('test/e2e/screenshots', { recursive: true });
  await page.screenshot({ path: 'test/e2e/screenshots/import-chosen.png' });

  // Back to the atlas's own data.
  await report.getByRole('button', { name: "Back to the atlas's data" }).click();
  await expect(report).toBeHidden();
  await expect(page.locator('.filter-sentence')).not.toContainText('Up to 2025: 2 links');
});

test('a CSV dropped on the atlas spanning 2012–2027 extends the timeline, and Chinese falls back to English visibly', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  const csv = `${[HEADER, row('old-1', '2012'), row('mid-1', '2019'), row('plan-1', '2027', 'KEN', 'planned')].join('\r\n')}\r\n`;
  // A synthetic drop: the same events a person's drag from the file manager gives.
  const dt = await page.evaluateHandle((text) => {
    const d = new DataTransfer();
    d.items.add(new File([text], 'span.csv', { type: 'text/csv' }));
    return d;
  }, csv);
  const main = page.locator('main');
  await main.dispatchEvent('dragenter', { dataTransfer: dt });
  await main.dispatchEvent('dragover', { dataTransfer: dt });
  await expect(page.locator('.drop-overlay')).toBeVisible();
  await main.dispatchEvent('drop', { dataTransfer: dt });
  await expect(page.locator('.drop-overlay')).toBeHidden();

  const report = page.getByRole('region', { name: '正在显示您的文件span.csv' });
  await expect(report.getByTestId('import-counts')).toContainText('3行中有3行成为合作关系 · 没有被拒绝的行 · 时间轴：2012–2027年');
  const slider = await yearSlider(page);
  await expect(slider).toHaveAttribute('aria-valuemin', '2012');
  await expect(slider).toHaveAttribute('aria-valuemax', '2027');
  await expect(slider).toHaveAttribute('aria-valuenow', '2027');
  // The axis is labelled from 2012 to 2027, and the per-year list read by screen readers runs over the same years.
  await expect(page.locator('text.tl-year').first()).toHaveText('2012');
  const years = page.locator('ul.tl-visually-hidden li');
  await expect(years).toHaveCount(16);
  await expect(years.first()).toHaveText(/^2012/);
  await expect(years.last()).toHaveText(/^2027/);

  // A link's summary, given only in English, is marked as English on the Chinese page.
  await page.getByRole('button', { name: '连线列表' }).click();
  await page.locator('#link-list').getByRole('button').first().click();
  const summary = page.locator('.link-summary').first();
  await expect(summary.locator('span[lang="en"]')).toHaveText(/^Nurses trained in wound care/);
  await expect(summary.locator('abbr.in-english-mark')).toHaveText('EN');
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 1, undefined, { timeout: 60_000 });
  await page.screenshot({ path: 'test/e2e/screenshots/import-dropped-zh.png' });

  await report.getByRole('button', { name: '返回图集自带的数据' }).click();
  await expect(slider).toHaveAttribute('aria-valuemin', '2015');
  await expect(slider).toHaveAttribute('aria-valuemax', '2025');
});

test('a file that is not a CSV, or with no usable row, is refused with a message and the atlas stays as it was', async ({ page }) => {
  await openAtlas(page);
  const before = await page.locator('.filter-sentence').textContent();
  await page.getByTestId('import-input').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByRole('alert').filter({ hasText: 'notes.txt is not a CSV file' })).toBeVisible();
  await page.getByTestId('import-input').setInputFiles(file('all-bad.csv', [row('bad-1', 'soon')]));
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing from all-bad.csv is shown' });
  await expect(alert).toBeVisible();
  await expect(alert.getByRole('listitem')).toHaveText(['Row 2, column date: "soon" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, FROM/TO or ../TO']);
  await expect(page.locator('.filter-sentence')).toHaveText(before ?? '');
  await page.screenshot({ path: 'test/e2e/screenshots/import-refused.png' });
});

test('data= opens a dataset folder written by the import, on its own years', async ({ page }) => {
  // The command line import, writing where the preview server serves the built site.
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/own-data.csv', `${[HEADER, row('own-1', '2012'), row('own-2', '2019-05')].join('\r\n')}\r\n`);
  const said = execFileSync('npx', ['tsx', 'src/cli/data-import.ts', 'test-results/own-data.csv', '--out', 'dist/e2e-own-data'], { encoding: 'utf8' });
  expect(said).toContain('2 of 2 rows imported as links into dist/e2e-own-data/, 0 refused.');
  expect(said).toContain('Timeline: 2012–2025.');

  await openAtlas(page, '?data=e2e-own-data&mode=in&year=2013');
  const slider = await yearSlider(page);
  await expect(slider).toHaveAttribute('aria-valuemin', '2012');
  await expect(slider).toHaveAttribute('aria-valuenow', '2013');
  await expect(page.locator('.filter-sentence')).toContainText('In 2013: 0 links');
  await openAtlas(page, '?data=e2e-own-data');
  await expect(page.locator('.filter-sentence')).toContainText('Up to 2025: 2 links');
  await expect(await yearSlider(page)).toHaveAttribute('aria-valuemin', '2012');
});
