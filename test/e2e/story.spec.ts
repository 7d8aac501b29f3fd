/**
 * The guided story in Chromium: every step's view (the URL's parameters, the count the filter
 * sentence gives, worked out here link by link, and the open panel), caption and citations, in
 * English and Chinese; `?story=N` deep links, a step number the story does not have, and leaving
 * the story with the view kept. Screenshots: a step in Chinese (laptop) and on a phone.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Link } from '../../src/domain/schema.ts';
import type { Story, StoryStep } from '../../src/domain/story.ts';
import { CATEGORY_OF_TYPE } from '../../src/domain/categories.ts';
import { expectedTally, openAtlas, recordOffOrigin, urlParams, UPTO } from './helpers.ts';

const story = JSON.parse(readFileSync('data/story.json', 'utf8')) as Story;
const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];
const partners = JSON.parse(readFileSync('data/partners.json', 'utf8')) as { id: string; kind: string; country?: string }[];
const institutions = JSON.parse(readFileSync('data/institutions.json', 'utf8')) as { id: string; name: { en: string; zh: string } }[];
const sources = JSON.parse(readFileSync('data/sources.json', 'utf8')) as { id: string; title: { en: string; zh: string } }[];
const countryOfPartner = new Map(partners.filter((p) => p.kind === 'institution').map((p) => [p.id, p.country]));

/** The links a step's filters keep, by the README's rules, independently of the app's facet code. */
function keeper(params: URLSearchParams): (l: Link) => boolean {
  const list = (k: string) => params.get(k)?.split(',') ?? null;
  const country = list('country'), inst = list('inst'), cat = list('cat'), prog = params.get('prog'), source = params.get('source'), online = params.get('online');
  for (const k of params.keys()) {
    if (!['mode', 'year', 'from', 'sel', 'country', 'inst', 'cat', 'prog', 'source', 'online'].includes(k)) throw new Error(`the spec cannot count a step with ${k}=`);
  }
  return (l) => (!country || country.includes(/^[A-Z]{3}$/.test(l.partner) ? l.partner : countryOfPartner.get(l.partner) ?? ''))
    && (!inst || inst.includes(l.institution) || (l.with ?? []).some((w) => inst.includes(w)))
    && (!cat || l.types.some((t) => cat.includes(CATEGORY_OF_TYPE[t])))
    && (!prog || l.programme === prog)
    && (!source || l.evidence.some((e) => e.source === source))
    && (online === null || (online === '1') === (l.mode === 'online' || l.mode === 'hybrid'));
}

function expectedCount(step: StoryStep): number {
  const p = new URLSearchParams(step.view);
  const year = Number(p.get('year') ?? 2025);
  const mode = p.get('mode') ?? 'upto';
  const from = mode === 'upto' ? UPTO : mode === 'in' ? year : Number(p.get('from'));
  return expectedTally(links, { from, to: year }, keeper(p)).certain;
}

const WORDS = {
  en: { next: 'Next step', progress: (n: number) => `Step ${n} of ${story.steps.length}`, count: (n: number) => new RegExp(`: ${n} links?\\b`) },
  zh: { next: '下一步', progress: (n: number) => `第 ${n} 步，共 ${story.steps.length} 步`, count: (n: number) => new RegExp(`：${n} 条连线`) },
} as const;

/** Everything a reader should see and get at step n. */
async function expectStep(page: Page, n: number, lang: 'en' | 'zh') {
  const step = story.steps[n - 1]!;
  const panel = page.locator('#story-panel');
  await expect(panel.locator('.story-progress')).toHaveText(WORDS[lang].progress(n));
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(step.title[lang]);
  await expect(panel.locator('.story-caption')).toHaveText(step.caption[lang]);
  // Every cited source by its title, with its paragraphs.
  const cited = new Map<string, number[]>();
  for (const c of step.cites) cited.set(c.source, [...(cited.get(c.source) ?? []), c.para]);
  const items = panel.locator('.story-sources li');
  await expect(items).toHaveCount(cited.size);
  for (const [id, paras] of cited) {
    const title = sources.find((s) => s.id === id)!.title[lang];
    await expect(items.filter({ hasText: title })).toContainText(paras.map((p) => `¶${p}`).join(', '));
  }
  await expect(panel.getByRole('button', { name: new RegExp(`^(Step|第) ${n}(:|\\s步：)`) })).toHaveAttribute('aria-current', 'step');
  // The view: the step's parameters in the URL, with the story's number and the reader's language.
  await expect.poll(() => urlParams(page).get('story')).toBe(String(n));
  const want = new URLSearchParams(step.view);
  // The URL writes no default (mode=upto, year=2025): those are read from its absence.
  const isDefault = (k: string, v: string) => (k === 'mode' && v === 'upto') || (k === 'year' && v === '2025');
  for (const [k, v] of want) await expect.poll(() => urlParams(page).get(k), `${step.id}: ${k}`).toBe(isDefault(k, v) ? null : v);
  for (const k of ['cat', 'type', 'inst', 'country', 'partner', 'prog', 'source', 'online', 'sel', 'from']) {
    if (!want.has(k)) expect(urlParams(page).get(k), `${step.id}: no ${k}`).toBeNull();
  }
  expect(urlParams(page).get('lang')).toBe(lang === 'en' ? null : 'zh');
  // The count sentence says what the step shows, counted here link by link.
  await expect(page.locator('.filter-sentence')).toContainText(WORDS[lang].count(expectedCount(step)));
  // The selection's panel is open, named after what it shows.
  const sel = want.get('sel');
  if (sel) {
    const title = page.locator('#details-title');
    await expect(title).toBeVisible();
    const inst = sel.startsWith('inst:') ? sel.slice(5) : sel.startsWith('arc:') ? sel.slice(4).split('~')[0] : null;
    if (inst) await expect(title).toContainText(institutions.find((i) => i.id === inst)!.name[lang]);
  } else {
    await expect(page.locator('#details-title')).toHaveCount(0);
  }
}

test.describe('the story', () => {
  test.setTimeout(240_000);

  test('walks every step in English from its button, then leaves with the view kept', async ({ page, baseURL }) => {
    const off = recordOffOrigin(page, new URL(baseURL!).origin);
    await openAtlas(page);
    const open = page.getByRole('button', { name: 'Story', exact: true });
    await open.click();
    await expectStep(page, 1, 'en');
    await expect(page.locator('#story-panel h2')).toBeFocused();
    const next = page.getByRole('button', { name: 'Next step' });
    for (let n = 2; n <= story.steps.length; n++) {
      await next.click();
      await expectStep(page, n, 'en');
      await expect(next).toBeFocused();
    }
    // Next at the end stays at the end; previous goes back one.
    await expect(next).toHaveAttribute('aria-disabled', 'true');
    await next.press('Enter'); // a click would wait for it to be enabled
    await expect(next).toBeFocused();
    await expect(page.locator('.story-progress')).toHaveText(WORDS.en.progress(story.steps.length));
    await page.getByRole('button', { name: 'Previous step' }).click();
    await expectStep(page, story.steps.length - 1, 'en');
    // A dot goes straight to its step.
    await page.getByRole('button', { name: `Step 3: ${story.steps[2]!.title.en}` }).click();
    await expectStep(page, 3, 'en');
    // Back returns to the step before (one history entry per step).
    await page.goBack();
    await expectStep(page, story.steps.length - 1, 'en');
    await page.goForward();
    await expectStep(page, 3, 'en');
    // Leaving keeps the view: the step's filters and years stay, the story parameter goes.
    await page.getByRole('button', { name: 'Close the story' }).click();
    await expect(page.locator('#story-panel')).toHaveCount(0);
    await expect.poll(() => urlParams(page).get('story')).toBeNull();
    for (const [k, v] of new URLSearchParams(story.steps[2]!.view)) expect(urlParams(page).get(k)).toBe(k === 'mode' && v === 'upto' ? null : v);
    await expect(open).toBeFocused();
    expect(off).toEqual([]);
  });

  test('walks every step in Chinese from ?story=1, and a step in Chinese looks right', async ({ page }) => {
    await openAtlas(page, '?lang=zh&story=1');
    await expectStep(page, 1, 'zh');
    for (let n = 2; n <= story.steps.length; n++) {
      await page.getByRole('button', { name: WORDS.zh.next }).click();
      await expectStep(page, n, 'zh');
      if (n === 3) {
        await page.waitForTimeout(1500); // the map's flight (900 ms) ends
        await page.screenshot({ path: 'test/e2e/screenshots/story-zh-laptop.png' });
      }
    }
  });

  test('?story=N opens step N with its view, whatever else the URL says', async ({ page }) => {
    await page.addInitScript(() => { (window as unknown as { historyAtStart: number }).historyAtStart = history.length; });
    await openAtlas(page, '?story=6&country=FRA&year=2016');
    await expectStep(page, 6, 'en');
    // The step fills in its view in place: no second history entry for Back to step through.
    await page.evaluate(() => window.dispatchEvent(new Event('atlas:flush-url')));
    expect(await page.evaluate(() => history.length - (window as unknown as { historyAtStart: number }).historyAtStart)).toBe(0);
    // The panel passes axe (names, contrast, structure), a source's citation open.
    await page.locator('#story-panel details summary').first().click();
    await expect(page.locator('#story-panel details[open] .citation')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('#story-panel').analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((x) => x.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
    await page.reload();
    await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);
    await expectStep(page, 6, 'en');
  });

  test('a step number the story does not have says so, and offers the first step', async ({ page }) => {
    for (const n of [99, 0]) {
      await openAtlas(page, `?story=${n}`);
      await expect(page.getByRole('alert')).toHaveText(`There is no step ${n}: this story has ${story.steps.length} steps.`);
      // The atlas is still there behind it.
      await expect(page.locator('.filter-sentence')).toBeVisible();
    }
    await page.getByRole('button', { name: 'Start at step 1' }).click();
    await expectStep(page, 1, 'en');
    await openAtlas(page, '?lang=zh&story=42');
    await expect(page.getByRole('alert')).toHaveText(`没有第 42 步：本导览共 ${story.steps.length} 步。`);
    // A malformed number is no story at all, as for every other parameter.
    await openAtlas(page, '?story=abc');
    await expect(page.locator('#story-panel')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Story', exact: true })).toBeVisible();
  });

  test('with reduced motion a step moves the map at once', async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await openAtlas(page, '?story=2');
    await expectStep(page, 2, 'en');
    await page.getByRole('button', { name: 'Next step' }).click();
    await expectStep(page, 3, 'en');
    // The framing is written to the URL once the map has moved: no animation to wait for.
    await expect.poll(() => urlParams(page).get('at'), { timeout: 3000 }).not.toBeNull();
  });

  test('on a phone the step reads above the map', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openAtlas(page, '?story=5');
    await expectStep(page, 5, 'en');
    const panel = await page.locator('#story-panel').boundingBox();
    const map = await page.locator('.map-frame').boundingBox();
    expect(panel!.y + panel!.height).toBeLessThanOrEqual(map!.y);
    expect(panel!.width).toBeLessThanOrEqual(390);
    // No sideways scrolling.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.waitForTimeout(1500);
    await page.screenshot({ path: 'test/e2e/screenshots/story-phone.png' });
    await page.screenshot({ path: 'test/e2e/screenshots/story-phone-full.png', fullPage: true });
  });
});
