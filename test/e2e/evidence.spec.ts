/**
 * Status and evidence strength where a reader reads a link: the panel's link cards, the table's
 * columns, the status and evidence filters (panel, URL), and the CSV download's new columns.
 * Expectations are worked out here from data/*.json, without the app's code, so they follow the
 * data as it is reviewed.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { dataRows, openTableView, reportedRows } from './table-helpers.ts';
import { openView, urlParams } from './helpers.ts';
import { EXPORT_COLUMNS } from '../../src/domain/flatten.ts';
import { linkTimeWords, statusShort } from '../../src/domain/link-words.ts';
import type { Link, Partner, Source } from '../../src/domain/schema.ts';

const read = <T>(dir: string, file: string): T => JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')) as T;
const en = read<{ type: Record<string, string> }>('src/i18n/locales', 'en.json');

/** The partner's country, for a country or a partner institution (else none): as the atlas resolves it. */
function countryOf(link: Link, partners: Partner[]): string | undefined {
  if (/^[A-Z]{3}$/.test(link.partner)) return link.partner;
  const p = partners.find((x) => x.id === link.partner);
  return p?.kind === 'institution' ? p.country : undefined;
}

/** Links a partner-side source of their own country or partner confirms, worked out here without the app's code. */
function partnerConfirmed(links: Link[], sources: Source[], partners: Partner[]): string[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return links.filter((l) => l.evidence.some(({ source }) => {
    const s = byId.get(source);
    return s?.side === 'partner' && ((s.country !== undefined && s.country === countryOf(l, partners)) || (s.partner !== undefined && s.partner === l.partner));
  })).map((l) => l.id);
}

/** Every link shown: all years, undated and planned ones included. */
const EVERYTHING = 'view=table&undated=1&planned=1';

/** Every row's link id, scrolling the virtualised table from top to bottom; sorted. */
async function rowIds(page: Page): Promise<string[]> {
  const table = page.locator('table.vt');
  const box = page.locator('.vt-box');
  const n = await reportedRows(table);
  const ids = new Set<string>();
  for (let step = 0; step < 200 && ids.size < n; step++) {
    for (const id of await dataRows(table).evaluateAll((rows) => rows.map((r) => r.getAttribute('data-link') ?? ''))) ids.add(id);
    await box.evaluate((el) => { el.scrollTop += el.clientHeight; });
    await page.waitForTimeout(50);
  }
  await box.evaluate((el) => { el.scrollTop = 0; });
  // Back at the top before anyone reads rows by position.
  await expect(dataRows(table).first()).toHaveAttribute('aria-rowindex', '2');
  return [...ids].sort();
}

test.describe('on the bundled data', () => {
  const links = read<Link[]>('data', 'links.json');
  const sources = read<Source[]>('data', 'sources.json');
  const title = (id: string) => sources.find((s) => s.id === id)?.title.en;

  test('a link card says its kind, dates and status, what the agreement covers, its evidence and precision', async ({ page }) => {
    // A link with a scope, and an inferred one, when the data has them (the reviewers add both).
    const scoped = links.find((l) => l.scope && l.ongoingAsOf) ?? links.find((l) => l.scope) ?? links[0]!;
    const inferred = links.find((l) => l.inferred);
    for (const link of [scoped, ...(inferred ? [inferred] : [])]) {
      await openView(page, `?${EVERYTHING}&sel=arc:${link.institution}~${link.partner}`);
      const card = page.locator(`aside.details article[data-link="${link.id}"]`);
      await expect(card).toBeVisible();
      await expect(card.locator('.link-time')).toHaveText(linkTimeWords(link, 'en', title));
      if (link.scope) await expect(card.locator('.link-scope')).toHaveText(`The agreement covers: ${link.scope.map((t) => en.type[t]).join(', ')}`);
      const evidence = card.locator('.link-evidence');
      await expect(evidence).toContainText(/^\d+ sources? \(\d+ independent\) · confirmed by /);
      await expect(evidence).toContainText(link.inferred ? `inferred: ${link.inferred.en}` : '· stated');
      await expect(card.locator('.link-precision')).toContainText(/^date (to the|known only|not stated).* · Place: Chinese institution at /);
      if (link.inferred) {
        await expect(card).toHaveClass(/link-card-inferred/);
        await expect(card.locator('.inferred-badge')).toHaveText('≈ Inferred, not stated by a source');
      } else {
        await expect(card.locator('.inferred-badge')).toHaveCount(0);
      }
    }
    // The same card in Chinese.
    await openView(page, `?${EVERYTHING}&lang=zh&sel=arc:${scoped.institution}~${scoped.partner}`);
    const card = page.locator(`aside.details article[data-link="${scoped.id}"]`);
    await expect(card.locator('.link-time')).toHaveText(linkTimeWords(scoped, 'zh', (id) => sources.find((s) => s.id === id)?.title.zh));
    if (scoped.scope) await expect(card.locator('.link-scope')).toContainText('协议涵盖：');
    await expect(card.locator('.link-evidence')).toContainText(/^\d+个来源（\d+个独立）/);
  });

  test('each citation says whose voice it is, and a partner-side source about another country\'s link is a third party there', async ({ page }) => {
    const partners = read<Partner[]>('data', 'partners.json');
    const confirmed = new Set(partnerConfirmed(links, sources, partners));
    const speakers = new Map(sources.filter((s) => s.side === 'partner').map((s) => [s.id, s]));
    const cites = (l: Link) => l.evidence.some((e) => speakers.has(e.source));
    // A link a partner-side source confirms, and (when the data has one) a link with another country it cites.
    const own = links.find((l) => confirmed.has(l.id) && cites(l));
    const elsewhere = links.find((l) => !confirmed.has(l.id) && cites(l));
    expect(own).toBeDefined();
    for (const link of [own!, ...(elsewhere ? [elsewhere] : [])]) {
      await openView(page, `?${EVERYTHING}&sel=arc:${link.institution}~${link.partner}`);
      const card = page.locator(`aside.details article[data-link="${link.id}"]`);
      // Citations are listed one per source, in the order the link first cites them.
      const cited = [...new Set(link.evidence.map((e) => e.source))];
      const side = card.locator('.citation').nth(cited.findIndex((id) => speakers.has(id))).locator('.source-side');
      if (link === own) {
        await expect(side).toHaveText(/^Partner side: [^(]+$/);
        await expect(card.locator('.link-evidence')).toContainText('the partner side');
      } else {
        await expect(side).toHaveText(/^Partner side: .+ \(about this link, a third party: it speaks for .+\)$/);
        await expect(card.locator('.link-evidence')).not.toContainText('partner side');
      }
    }
  });

  test('the table shows and sorts by status and evidence', async ({ page }) => {
    const table = await openTableView(page, `?${EVERYTHING}`);
    await expect(table.locator('thead th').nth(1)).toHaveText(/Status/);
    await expect(table.locator('thead th').nth(6)).toHaveText(/Evidence/);
    await table.getByRole('button', { name: 'Status' }).click();
    await expect(table.locator('thead th').nth(1)).toHaveAttribute('aria-sort', 'ascending');
    // A link's life: planned ones first (when the data has any), an unstated status last.
    const firstId = await dataRows(table).first().getAttribute('data-link');
    const first = links.find((l) => l.id === firstId)!;
    expect(first.status).toBe(['planned', 'agreed', 'active', 'completed', 'ended'].find((s) => links.some((l) => l.status === s)));
    await expect(dataRows(table).first().locator('td').nth(1)).toHaveText(statusShort(first, 'en'));
    await table.getByRole('button', { name: 'Evidence' }).click();
    await expect(table.locator('thead th').nth(6)).toHaveAttribute('aria-sort', 'ascending');
    // Weakest first: an inferred link, when there is one.
    if (links.some((l) => l.inferred)) await expect(dataRows(table).first().locator('td').nth(6)).toContainText('inferred');
  });

  test('status= filters the table to those statuses', async ({ page }) => {
    const table = await openTableView(page, `?${EVERYTHING}&status=agreed,active`);
    const expected = links.filter((l) => l.status === 'agreed' || l.status === 'active').map((l) => l.id);
    expect(await reportedRows(table)).toBe(expected.length);
    await expect(page.locator('.filter-sentence')).toContainText('Agreed (signed, not yet known to have started) or Active');
    for (const id of (await rowIds(page))) expect(expected).toContain(id);
  });

  test('evidence=partner changes the table to exactly the links a partner-side source of their own side confirms', async ({ page }) => {
    const partners = read<Partner[]>('data', 'partners.json');
    const expected = partnerConfirmed(links, sources, partners).sort();
    expect(expected.length).toBeGreaterThan(0);
    const all = await openTableView(page, `?${EVERYTHING}`);
    const before = await reportedRows(all);
    const table = await openTableView(page, `?${EVERYTHING}&evidence=partner`);
    await expect(page.locator('.filter-sentence')).toContainText('Confirmed by the partner side');
    expect(await reportedRows(table)).toBe(expected.length);
    expect(expected.length).toBeLessThan(before);
    expect(await rowIds(page)).toEqual(expected);
    // A partner-side source cited for a link with another country is a third party there: not listed.
    const speakers = new Set(sources.filter((s) => s.side === 'partner').map((s) => s.id));
    const elsewhere = links.filter((l) => l.evidence.some((e) => speakers.has(e.source)) && !expected.includes(l.id)).map((l) => l.id);
    for (const id of elsewhere) expect(expected).not.toContain(id);
    await expect(dataRows(table).first().locator('td').nth(6)).toContainText(/partner side/i);
  });

  test('the CSV download has the new columns, with values matching the rows', async ({ page }) => {
    const table = await openTableView(page, `?${EVERYTHING}&evidence=partner`);
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download CSV$/ }).click()]);
    const text = readFileSync(await file.path(), 'utf8').replace(/^\uFEFF/, '');
    const csv = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
    expect(csv.errors).toEqual([]);
    expect(csv.meta.fields).toEqual([...EXPORT_COLUMNS]);
    for (const c of ['kind', 'year_earliest', 'year_latest', 'status', 'ongoing_as_of', 'end', 'scope', 'sides', 'independent_sources', 'inferred', 'inferred_zh']) {
      expect(csv.meta.fields, c).toContain(c);
    }
    expect(csv.data.map((r) => r.id).sort()).toEqual(await rowIds(page));
    expect(csv.data.every((r) => (r.sides ?? '').split(';').includes('partner'))).toBe(true);
    const byId = new Map(links.map((l) => [l.id, l]));
    for (const pos of [0, 1, 2, 3, 4]) {
      const id = await dataRows(table).nth(pos).getAttribute('data-link');
      // Pinned by its id, so a late re-render cannot swap the row under the assertions.
      const row = table.locator(`tbody tr[data-link="${id}"]`);
      const r = csv.data.find((x) => x.id === id)!;
      const link = byId.get(id ?? '')!;
      // The table's status and evidence cells say what the CSV row holds.
      await expect(row.locator('td').nth(1)).toHaveText(statusShort({ status: r.status as Link['status'], kind: r.kind as Link['kind'] }, 'en'));
      await expect(row.locator('td').nth(6)).toContainText(`${r.independent_sources} independent`);
      await expect(row.locator('td').nth(6)).toContainText(r.inferred ? 'inferred' : 'stated');
      // And the CSV row says what the data holds.
      expect(r).toMatchObject({
        kind: link.kind, status: link.status, scope: (link.scope ?? []).join(';'), inferred: link.inferred?.en ?? '',
        ongoing_as_of: link.ongoingAsOf?.date ?? '',
      });
      if (r.year !== '') expect([r.year_earliest, r.year_latest]).toEqual([r.year, r.year]);
    }
  });

  test('the status and evidence filters are labelled and work from the keyboard', async ({ page }) => {
    await openView(page, '?view=table');
    await page.getByRole('button', { name: /^Filters/ }).click();
    const panel = page.getByRole('region', { name: 'Filters' });
    const evidence = panel.getByRole('group', { name: 'Evidence' });
    await expect(evidence).toHaveAccessibleDescription('Links must meet every option ticked here.');
    const stated = evidence.getByRole('checkbox', { name: /^Stated, not inferred/ });
    await stated.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => urlParams(page).get('evidence')).toBe('stated');
    await page.keyboard.press('Tab');
    await expect(evidence.getByRole('checkbox', { name: /^Two or more independent sources/ })).toBeFocused();
    await page.keyboard.press('Space');
    await expect.poll(() => urlParams(page).get('evidence')).toBe('stated,multi');
    await expect(page.locator('.filter-sentence')).toContainText('Stated, not inferred and Two or more independent sources');
    const status = panel.getByRole('group', { name: 'Status' });
    await status.getByRole('checkbox', { name: /^Active/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => urlParams(page).get('status')).toBe('active');
    const results = await new AxeBuilder({ page }).include('.filter-panel').analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
  });
});

test('"About the data" explains events and ties, counting, statuses and evidence strength, with this dataset\'s counts, in both languages', async ({ page }) => {
  const links = read<Link[]>('data', 'links.json');
  const sources = read<Source[]>('data', 'sources.json');
  const partner = partnerConfirmed(links, sources, read<Partner[]>('data', 'partners.json')).length;
  await openView(page, '?view=table');
  await page.getByRole('button', { name: 'About the data' }).click();
  const dialog = page.getByRole('dialog', { name: 'About the data' });
  for (const heading of ['Events and ties', 'Counting: certain and possible', 'Status', 'Evidence strength']) {
    await expect(dialog.getByRole('heading', { name: heading, exact: true })).toBeVisible();
  }
  await expect(dialog).toContainText('In “up to Y” a link counts when its latest possible date is by Y; it is possible when only its earliest is.');
  await expect(dialog).toContainText("Boston University’s Chinese Overseas Development Finance database");
  const statuses = dialog.getByRole('table', { name: 'Links by status' });
  await expect(statuses.getByRole('rowheader')).toHaveText(['Planned', 'Agreed', 'Active', 'Completed', 'Ended', 'Not stated']);
  const agreed = links.filter((l) => l.status === 'agreed').length;
  await expect(statuses.getByRole('row', { name: /^Agreed/ }).getByRole('cell').last()).toHaveText(String(agreed));
  await expect(dialog.getByTestId('about-evidence')).toContainText(`${partner} of ${links.length.toLocaleString('en')} links are confirmed by the partner side`);
  mkdirSync('test/e2e/screenshots', { recursive: true });
  await statuses.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/e2e/screenshots/evidence-about.png' });
  const results = await new AxeBuilder({ page }).include('dialog.about').analyze();
  expect(results.violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '关于数据' }).click();
  const zh = page.getByRole('dialog', { name: '关于数据' });
  await expect(zh.getByRole('heading', { name: '证据强度' })).toBeVisible();
  await expect(zh).toContainText('合作方来源是最有力的证实');
  await expect(zh.getByTestId('about-evidence')).toContainText(`${partner}条经合作方证实`);
});

test.describe('screenshots', () => {
  for (const [name, size] of [['laptop', { width: 1280, height: 800 }], ['phone', { width: 390, height: 844 }]] as const) {
    test(`panel and table on a ${name}`, async ({ page }) => {
      const links = read<Link[]>('data', 'links.json');
      const link = links.find((l) => l.scope && l.inferred) ?? links.find((l) => l.inferred) ?? links.find((l) => l.scope) ?? links[0]!;
      await page.setViewportSize(size);
      mkdirSync('test/e2e/screenshots', { recursive: true });
      await openTableView(page, `?${EVERYTHING}&evidence=partner`);
      await page.screenshot({ path: `test/e2e/screenshots/evidence-table-${name}.png` });
      await page.getByRole('button', { name: /^Filters/ }).click();
      const evidence = page.getByRole('group', { name: 'Evidence' });
      await evidence.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test/e2e/screenshots/evidence-filters-${name}.png` });
      await openView(page, `?${EVERYTHING}&sel=arc:${link.institution}~${link.partner}`);
      const card = page.locator(`aside.details article[data-link="${link.id}"]`);
      await card.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test/e2e/screenshots/evidence-panel-${name}.png` });
      // The whole card, taller than the screen: a tall window draws all of it.
      await page.setViewportSize({ width: size.width, height: 2400 });
      const box = await card.boundingBox();
      if (box) await page.screenshot({ path: `test/e2e/screenshots/evidence-card-${name}.png`, clip: { ...box, height: Math.min(box.height, 900) } });
      // The same card in Chinese.
      await openView(page, `?${EVERYTHING}&lang=zh&sel=arc:${link.institution}~${link.partner}`);
      const zh = page.locator(`aside.details article[data-link="${link.id}"]`);
      await zh.scrollIntoViewIfNeeded();
      const zhBox = await zh.boundingBox();
      if (zhBox) await page.screenshot({ path: `test/e2e/screenshots/evidence-card-zh-${name}.png`, clip: { ...zhBox, height: Math.min(zhBox.height, 900) } });
    });
  }
});
