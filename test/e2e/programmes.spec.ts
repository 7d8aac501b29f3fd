/**
 * Programmes as records (issue 13): "About the data" and each programme's panel set the official
 * figures beside what the atlas maps, in English and Chinese; a link card opens its programme;
 * a shared link with a programme's former id still finds it. The expected counts are worked out
 * here from data/*.json, without the app's code.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync, readFileSync } from 'node:fs';
import { openAtlas, urlParams } from './helpers.ts';
import type { Link, Partner, Programme } from '../../src/domain/schema.ts';

const read = <T>(file: string): T => JSON.parse(readFileSync(`data/${file}`, 'utf8')) as T;
const links = read<Link[]>('links.json');
const partners = read<Partner[]>('partners.json');
const programmes = read<Programme[]>('programmes.json');
mkdirSync('test/e2e/screenshots', { recursive: true });

/** Partner countries of a programme's links that are more than planned: what "countries" maps. */
function mappedCountries(id: string): number {
  const countries = new Set<string>();
  for (const l of links) {
    if (l.programme !== id || l.status === 'planned') continue;
    const p = partners.find((x) => x.id === l.partner);
    const iso3 = /^[A-Z]{3}$/.test(l.partner) ? l.partner : p?.kind === 'institution' ? p.country : undefined;
    if (iso3) countries.add(iso3);
  }
  return countries.size;
}

const teams = programmes.find((p) => p.id === 'chinese-medical-team')!;
const pairing = programmes.find((p) => p.id === 'china-africa-hospital-pairing')!;

async function openAbout(page: Page, name: string) {
  await page.getByRole('button', { name }).click();
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('"About the data" sets each programme\'s official figures beside what the atlas maps, with source and date, in both languages', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page);
  const dialog = await openAbout(page, 'About the data');
  const section = dialog.getByTestId('about-coverage');
  await expect(section.getByRole('heading', { name: 'Coverage of the structural programmes' })).toBeVisible();
  // One table per programme with official figures, captioned by its name.
  const withFigures = programmes.filter((p) => p.official?.length);
  await expect(section.locator('table caption')).toHaveText(withFigures.map((p) => p.name.en));
  const teamTable = section.locator('table', { has: page.locator('caption', { hasText: teams.name.en }) });
  const rows = teamTable.locator('tbody tr');
  await expect(rows).toHaveCount(teams.official!.length);
  const mapped = mappedCountries('chinese-medical-team');
  for (const [i, f] of teams.official!.entries()) {
    await expect(rows.nth(i).locator('td').first()).toContainText(`${f.value} countries`);
    await expect(rows.nth(i).locator('td').last()).toHaveText(`${mapped} countries`);
  }
  // Where reports disagree (46 vs 48 hospitals), both are shown, each with its own source.
  const pairTable = section.locator('table', { has: page.locator('caption', { hasText: pairing.name.en }) });
  await expect(pairTable.locator('tbody tr').locator('td').first()).toContainText('46 partner institutions');
  await expect(pairTable).toContainText('48 partner institutions');
  await expect(pairTable).toContainText(/as of .*2023/);
  await expect(section).toContainText('planned');
  await section.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test/e2e/screenshots/programmes-about.png' });
  const axe = await new AxeBuilder({ page }).include('[data-testid="about-coverage"]').analyze();
  expect(axe.violations).toEqual([]);

  // The button opens the programme's panel and says so in the URL.
  await section.getByRole('button', { name: `Open the programme: ${teams.name.en}` }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: teams.name.en })).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('prog:chinese-medical-team');

  await page.getByRole('button', { name: '中文' }).click();
  const zh = await openAbout(page, '关于数据');
  await expect(zh.getByRole('heading', { name: '结构性项目的覆盖情况' })).toBeVisible();
  const zhTeams = zh.getByTestId('about-coverage').locator('table', { has: page.locator('caption', { hasText: teams.name.zh }) });
  await expect(zhTeams.locator('tbody tr').first().locator('td').last()).toHaveText(`${mapped}个国家`);
  await expect(zhTeams.locator('thead')).toContainText('官方数字');
  await page.screenshot({ path: 'test/e2e/screenshots/programmes-about-zh.png' });
});

test('a programme\'s panel: what it is, official figures against the atlas, its institutions, and a filter to its links', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page, '?sel=prog:china-africa-hospital-pairing');
  const panel = page.locator('aside.details');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(pairing.name.en);
  await expect(panel).toContainText(pairing.summary!.en);
  const coverage = panel.getByTestId('programme-coverage');
  await expect(coverage.locator('tbody tr')).toHaveCount(pairing.official!.length);
  await expect(coverage.locator('tbody tr').nth(1).locator('td').last()).toHaveText(`${mappedCountries(pairing.id)} countries`);
  // The table lists each Chinese institution with a pairing link (planned ones too: the table counts every link), once.
  const own = links.filter((l) => l.programme === pairing.id);
  const institutions = new Set(own.map((l) => l.institution));
  await expect(panel.locator('table.panel-table tbody tr')).toHaveCount(institutions.size);
  await page.screenshot({ path: 'test/e2e/screenshots/programmes-panel.png' });
  const axe = await new AxeBuilder({ page }).include('aside.details').analyze();
  expect(axe.violations).toEqual([]);

  const all = links.filter((l) => l.programme === pairing.id).length;
  await panel.getByRole('button', { name: `Show only its ${all} links` }).click();
  await expect.poll(() => urlParams(page).get('prog')).toBe(pairing.id);
  await expect(page.locator('.filter-sentence')).toContainText(pairing.name.en);
  await expect(panel.getByRole('button', { name: /^Show only its/ })).toHaveCount(0);
});

test('a link card opens its programme, and a shared link with a former programme id finds it under the current one', async ({ page }) => {
  test.setTimeout(120_000);
  const link = links.find((l) => l.id === 'b33-1')!;
  await openAtlas(page, `?sel=arc:${link.institution}~${link.partner}&undated=1`);
  const panel = page.locator('aside.details');
  await panel.getByRole('button', { name: pairing.name.en }).first().click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(pairing.name.en);
  await expect.poll(() => urlParams(page).get('sel')).toBe(`prog:${pairing.id}`);

  const former = pairing.formerIds![0]!;
  await openAtlas(page, `?prog=${former}&sel=prog:${former}`);
  await expect(page.locator('aside.details').getByRole('heading', { level: 2 })).toHaveText(pairing.name.en);
  await expect.poll(() => [urlParams(page).get('prog'), urlParams(page).get('sel')]).toEqual([pairing.id, `prog:${pairing.id}`]);
  await expect(page.locator('.filter-sentence')).toContainText(pairing.name.en);
});

test('the programme panel reads on a phone and from the back of a hall', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?sel=prog:chinese-medical-team&lang=zh');
  const panel = page.locator('aside.details');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(teams.name.zh);
  await panel.getByTestId('programme-coverage').scrollIntoViewIfNeeded();
  // Nothing wider than the phone: the coverage table fits or scrolls inside its box.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: 'test/e2e/screenshots/programmes-panel-phone.png' });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openAtlas(page, '?sel=prog:covid-19-expert-team');
  await expect(page.locator('aside.details').getByTestId('programme-coverage')).toBeVisible();
  await page.screenshot({ path: 'test/e2e/screenshots/programmes-panel-1920.png' });
});
