/**
 * Four languages in the browser: Arabic laid out right to left (the side column on the left, the
 * timeline's first year on the right, arrow keys following the eye), Russian interface and country
 * names, counts in the right plural form, the data's own text marked as English where it has no
 * translation, no English interface words left on the Chinese page, and a switch offering all four.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import { UPTO, expectedTally, openAtlas, openView, recordOffOrigin } from './helpers.ts';
import type { Link } from '../../src/domain/schema.ts';

const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];
const sentence = (page: Page) => page.locator('.filter-sentence');
const shot = (name: string) => `test/e2e/screenshots/${name}.png`;

test.describe.configure({ timeout: 180_000 });

test('?lang=ar is laid out right to left: html dir, the side column on the left, the timeline\'s first year on the right', async ({ page, baseURL }) => {
  const off = recordOffOrigin(page, new URL(baseURL ?? '').origin);
  await openAtlas(page, '?lang=ar&sel=arc:srrsh~ummc&year=2023');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أطلس طريق الحرير الصحي');

  // Mirrored layout: the details column sits left of the map.
  const side = await page.locator('.atlas-side').boundingBox();
  const stage = await page.locator('.atlas-stage').boundingBox();
  expect(side && stage && side.x + side.width <= stage.x + 1).toBe(true);

  // The timeline runs right to left: 2015 is drawn right of 2025.
  const yearX = async (y: number) => (await page.locator('.tl-year', { hasText: String(y) }).first().boundingBox())?.x ?? NaN;
  expect(await yearX(2015)).toBeGreaterThan(await yearX(2025));
  // The handle for 2023 is left of the one it would have for 2016, and Left moves it on to 2024 (the way the arrow points).
  const slider = page.getByRole('slider', { name: 'السنة' });
  await expect(slider).toHaveAttribute('aria-valuenow', '2023');
  const before = (await slider.boundingBox())!.x;
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', '2024');
  await expect.poll(async () => (await slider.boundingBox())!.x).toBeLessThan(before);
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', '2023');

  // Numbers: Western digits everywhere (the count sentence, the axis, the panel), never Arabic-Indic ones.
  await expect(sentence(page)).toContainText(/حتى 2023: \d+ رابط/);
  expect(await page.locator('body').innerText()).not.toMatch(/[٠-٩]/);

  // The panel: the partner's country in Arabic, the data's English marked as such, once said in words.
  const panel = page.locator('aside.details');
  await expect(panel.locator('.details-facts')).toContainText('ماليزيا');
  await expect(panel.locator('.data-fallback-note')).toHaveCount(1);
  await expect(panel.locator('.link-summary').first().locator('span[lang="en"]')).toHaveText(/\w/);
  await expect(panel.locator('#details-title')).toHaveAttribute('lang', 'en');
  // A locator's paragraph mark in Arabic.
  await expect(panel.locator('.locator').first()).toContainText(/الفقر(ة|ات) \d/);

  await page.screenshot({ path: shot('lang-ar-laptop') });
  expect(off).toEqual([]);
});

test('Arabic on a phone (390×844): right to left, nothing wider than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAtlas(page, '?lang=ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: shot('lang-ar-phone'), fullPage: true });
});

test('no serious accessibility violations in Arabic, with a panel open', async ({ page }) => {
  await openAtlas(page, '?lang=ar&sel=arc:srrsh~ummc');
  const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
});

test('?lang=ru shows the interface and the country names in Russian', async ({ page }) => {
  await openAtlas(page, '?lang=ru&sel=partner:KAZ');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Атлас «Шёлкового пути здоровья»');
  await expect(page.locator('#details-title')).toHaveText('Казахстан');
  await expect(sentence(page)).toContainText(/По 2025 год: \d+ связ(ь|и|ей)/);
  await expect(page.getByRole('button', { name: 'О данных' })).toBeVisible();
  await page.screenshot({ path: shot('lang-ru-laptop') });
  // The table: partner countries in Russian, institutions' names in English, marked.
  await openView(page, '?lang=ru&view=table&country=KAZ');
  const row = page.locator('table.vt tbody tr[aria-rowindex]').first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('table.vt tbody')).toContainText('Казахстан');
  await expect(row.locator('td').nth(2)).toHaveAttribute('lang', 'en');
});

// The count sentence for institutions with 1, 2, 5 … certain links: the noun in the form the language's plural rules ask for.
const FORMS = {
  en: { one: 'link', other: 'links' },
  ru: { one: 'связь', few: 'связи', many: 'связей', other: 'связи' },
  ar: { one: 'رابط واحد', two: 'رابطان', few: '{n} روابط', many: '{n} رابطًا', other: '{n} رابط' },
} as const;
const wanted = [1, 2, 5, 21];
const byCount = new Map<number, string>();
for (const id of new Set(links.map((l) => l.institution))) {
  const n = expectedTally(links, { from: UPTO, to: 2025 }, (l) => l.institution === id).certain;
  if (wanted.includes(n) && !byCount.has(n)) byCount.set(n, id);
}

test('counts take the plural form each language needs, for 1, 2, 5 and 21 links where the data has them', async ({ page }) => {
  expect([...byCount.keys()].sort((a, b) => a - b).slice(0, 3)).toEqual([1, 2, 5]);
  for (const [n, inst] of byCount) {
    for (const lang of ['en', 'ru', 'ar'] as const) {
      await openView(page, `?lang=${lang}&inst=${inst}&view=table`);
      const cat = new Intl.PluralRules(lang).select(n) as keyof (typeof FORMS)[typeof lang];
      const form = ((FORMS[lang] as Record<string, string>)[cat] ?? (FORMS[lang] as Record<string, string>).other ?? '');
      const expected = lang === 'ar' ? form.replace('{n}', String(n)) : `${n} ${form}`;
      await expect(sentence(page), `${lang} ${n}`).toContainText(`: ${expected}`);
    }
  }
  // Never "1 links" nor "1 Chinese institutions" in English.
  const one = byCount.get(1);
  await openView(page, `?inst=${one}&view=table`);
  await expect(sentence(page)).toContainText(': 1 link ·');
  await expect(sentence(page)).toContainText('1 Chinese institution');
  expect(await page.locator('body').innerText()).not.toMatch(/\b1 (links|sources|Chinese institutions|partner countries)\b/);
});

/** Latin-letter words a reader sees (text and accessible names) outside elements marked as another language. */
async function englishLeft(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    // Names and codes that are the same in every language.
    const allowed = /^(CSV|GeoJSON|PNG|WebGL|MapLibre|Natural|Earth|Ctrl|English|[A-Z]{2,}[a-z]?)$/; // Natural Earth: the basemap's credit, a name
    const foreign = (el: Element | null) => {
      const tagged = el?.closest('[lang]');
      return !!tagged && !tagged.getAttribute('lang')!.startsWith('zh');
    };
    const visible = (el: Element) => (el as HTMLElement).offsetParent !== null || getComputedStyle(el).position === 'fixed';
    const check = (text: string, el: Element) => {
      // Web addresses and file names ("wudo.scu.edu.cn", "002_3b29.txt") are not words.
      for (const w of text.replace(/[\w-]+(?:\.[\w-]+)+/g, ' ').match(/[A-Za-z][A-Za-z'’-]{2,}/g) ?? []) if (!allowed.test(w)) found.add(`${w} ← ${el.tagName.toLowerCase()}.${[...el.classList].join('.')}`);
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      // Addresses and file names are not words; hidden elements are not read (screen-reader-only text is, and is checked).
      if (!el || foreign(el) || el.closest('script, style, code, a.citation-url, .vt-line a') || !visible(el)) continue;
      check(n.textContent ?? '', el);
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')) {
      if (foreign(el)) continue;
      // A tooltip repeating a data text shown inside the element in its own language (a source's original title) is that text.
      const data = [...el.querySelectorAll('[lang]')].filter((d) => !d.getAttribute('lang')!.startsWith('zh')).map((d) => d.textContent ?? '');
      for (const a of ['aria-label', 'title', 'placeholder', 'alt']) {
        let v = el.getAttribute(a);
        for (const d of data) if (d) v = v?.split(d).join(' ') ?? null;
        if (v && !/^https?:/.test(v)) check(v, el);
      }
    }
    return [...found];
  });
}

test('the Chinese page has no English interface words: map controls, locators, notes, legend', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  // The map's own controls are named in Chinese.
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', /放大/);
  // The legend ends its sentence with a Chinese full stop.
  await expect(page.locator('.legend p').last()).toHaveText(/。$/);
  expect(await englishLeft(page)).toEqual([]);
  await openAtlas(page, '?lang=zh&sel=arc:srrsh~ummc');
  expect(await englishLeft(page)).toEqual([]);
  // Another panel with the "no headline" counting notes, and the table and sources views.
  const noHeadline = links.find((l) => l.evidence.some((e) => /no headline/.test(e.locator)))!;
  await openAtlas(page, `?lang=zh&sel=arc:${noHeadline.institution}~${noHeadline.partner}`);
  await expect(page.locator('aside.details .locator').first()).toBeVisible();
  expect(await englishLeft(page)).toEqual([]);
  await page.screenshot({ path: shot('lang-zh-panel') });
  for (const view of ['table', 'sources']) {
    await openView(page, `?lang=zh&view=${view}`);
    await expect(page.locator('table.vt tbody tr[aria-rowindex]').first()).toBeVisible({ timeout: 30_000 });
    expect(await englishLeft(page), view).toEqual([]);
  }
});

test('the language switch offers all four languages and switches direction with them', async ({ page }) => {
  await openAtlas(page);
  const group = page.getByRole('group', { name: 'Language' });
  await expect(group.getByRole('button')).toHaveText(['English', '中文', 'العربية', 'Русский']);
  await group.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page).toHaveURL(/lang=ar/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('أطلس طريق الحرير الصحي');
  await page.getByRole('group', { name: 'اللغة' }).getByRole('button', { name: 'Русский' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Атлас «Шёлкового пути здоровья»');
  // The map's own controls follow.
  await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', 'Приблизить');
});

test('Arabic: the story\'s English captions marked and said once; presenter mode\'s arrows follow the eye', async ({ page, baseURL }) => {
  const off = recordOffOrigin(page, new URL(baseURL ?? '').origin);
  const story = JSON.parse(readFileSync('data/story.json', 'utf8')) as { steps: { title: { en: string }; caption: { en: string } }[] };
  const total = story.steps.length;
  await openAtlas(page, '?lang=ar&story=3');
  const panel = page.locator('#story-panel');
  await expect(panel.locator('.story-progress')).toHaveText(`الخطوة 3 من ${total}`);
  await expect(panel.locator('.story-caption [lang="en"]')).toHaveText(story.steps[2]!.caption.en);
  await expect(panel.locator('h2 [lang="en"]')).toHaveText(story.steps[2]!.title.en);
  await expect(panel.locator('.data-fallback-note')).toHaveCount(1);
  await expect(panel.locator('.data-fallback-note')).toBeVisible();
  // Step 3 cites two sources: Arabic's dual form.
  expect(new Set((JSON.parse(readFileSync('data/story.json', 'utf8')) as { steps: { cites: { source: string }[] }[] }).steps[2]!.cites.map((c) => c.source)).size).toBe(2);
  await expect(panel.locator('.story-sources h3')).toHaveText('المصدران:');
  // The accent border is on the panel's start side: the right, in Arabic.
  expect(await panel.evaluate((el) => [getComputedStyle(el).borderRightWidth, getComputedStyle(el).borderLeftWidth])).toEqual(['4px', '1px']);
  await page.screenshot({ path: shot('lang-ar-story') });
  await panel.getByRole('button', { name: 'الخطوة التالية' }).click();
  await expect(panel.locator('.story-progress')).toHaveText(`الخطوة 4 من ${total}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');

  await openAtlas(page, '?lang=ar&present=1&year=2018');
  const slider = page.getByRole('slider', { name: 'السنة' });
  await expect(slider).toHaveAttribute('aria-valuenow', '2018');
  await expect(page.getByRole('toolbar', { name: 'أدوات العرض التقديمي' })).toBeVisible();
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', '2018');
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  // Previous stands right of next, its arrow pointing right (mirrored).
  const prev = await page.getByRole('button', { name: 'السابق' }).boundingBox();
  const next = await page.getByRole('button', { name: 'التالي' }).boundingBox();
  expect(prev!.x).toBeGreaterThan(next!.x);
  await page.screenshot({ path: shot('lang-ar-present') });
  expect(off).toEqual([]);
});
