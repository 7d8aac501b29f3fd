/**
 * Panels that answer "who works with this country, since when", reached from the map at world
 * zoom; the keyboard (Escape, focus return), screen readers (the histogram's numbers), axe in
 * both languages, and a 390 × 844 touch screen (44 px targets, one finger scrolls the page, no
 * tooltip left by a tap, a way back from a long panel). Screenshots go to test/e2e/screenshots/.
 */
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openAtlas, recordOffOrigin, urlParams, settledMapBox } from './helpers.ts';
import { initialView } from '../../src/map/initial-view.ts';
import { mercatorX, mercatorY, worldPx } from '../../src/map/mercator.ts';

const SHOTS = 'test/e2e/screenshots';

/** Page coordinates of a lon/lat in the first (fitted) view, as the map computes them. */
async function pointAt(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  const box = await settledMapBox(page);
  const view = initialView(box.width, box.height);
  const world = worldPx(view.zoom);
  return {
    x: box.x + box.width / 2 + (mercatorX(lon) - mercatorX(view.center[0])) * world,
    y: box.y + box.height / 2 + (mercatorY(lat) - mercatorY(view.center[1])) * world,
  };
}

/** Every axe violation, whatever its impact. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

test('Kazakhstan is picked on the map at world zoom; its panel lists each Chinese institution once with its Kazakh partners and dates, sortable', async ({ page }) => {
  await openAtlas(page);
  // West-central Kazakhstan: off every point and marker, though arcs to Europe cross it.
  const p = await pointAt(page, 60, 48);
  await page.mouse.move(p.x, p.y);
  await expect(page.locator('.tooltip-title')).toHaveText('Kazakhstan');
  await page.mouse.click(p.x, p.y);
  const panel = page.locator('aside.details');
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('Kazakhstan');
  await expect.poll(() => urlParams(page).get('sel')).toBe('partner:KAZ');
  await expect(panel).not.toContainText('not drawn on the map');

  const table = panel.getByRole('table', { name: 'Chinese institutions working with Kazakhstan' });
  const names = await table.getByRole('rowheader').allInnerTexts();
  expect(names.length).toBeGreaterThanOrEqual(8);
  expect(new Set(names).size).toBe(names.length);
  const zju = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /Fourth Affiliated Hospital, Zhejiang University/ }) });
  for (const partner of ['Almaty Central City Clinical Hospital', 'Kazakh National Medical University', 'Nazarbayev University', 'Bilim Innovation']) {
    await expect(zju).toContainText(partner);
  }
  await expect(zju).toContainText('between 2 Sept 2025 and 4 Sept 2025');
  await expect(table.getByRole('row').filter({ hasText: 'Shaanxi International Medical Exchange' })).toContainText(/2023\s*May 2023/);

  const first = table.getByRole('columnheader', { name: /First dated link/ });
  await first.getByRole('button').click();
  await expect(first).toHaveAttribute('aria-sort', 'ascending');
  // One date order with the table: "by April 2017" may be the earliest of all, so it leads, then "between 2016 and Sept 2018".
  await expect(table.getByRole('rowheader').first()).toHaveText(/^Fourth Affiliated Hospital of Xinjiang Medical University/);
  await first.getByRole('button').click();
  await expect(first).toHaveAttribute('aria-sort', 'descending');
  await expect(table.getByRole('rowheader').first()).toContainText('Zhejiang University');

  // A partner named in a row opens that arc's links.
  await zju.getByRole('button', { name: 'Kazakh National Medical University' }).click();
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText(/Zhejiang University.*→ Kazakh National Medical University/);

  await page.goto('./?sel=partner:KAZ');
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);
  await page.screenshot({ path: `${SHOTS}/kazakhstan-en.png` });
  await page.goto('./?lang=zh&sel=partner:KAZ');
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);
  await expect(page.getByRole('table', { name: '与哈萨克斯坦合作的中国机构' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/kazakhstan-zh.png` });
});

test('Escape closes the panel and gives focus back to what opened it', async ({ page }) => {
  await openAtlas(page, '?year=2023');
  // From the list of links (it stays on the page).
  await page.getByRole('button', { name: 'List of links', exact: true }).click();
  const opener = page.getByRole('region', { name: 'Links in the current view' }).getByRole('button').first();
  await opener.click();
  const heading = page.locator('aside.details h2');
  await expect(heading).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator('aside.details')).toHaveCount(0);
  await expect(opener).toBeFocused();

  // From the side column's list, which makes way for the panel and comes back after it.
  await page.goto('./?undated=1');
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);
  const offMap = page.getByRole('region', { name: 'Not on the map' }).getByRole('button').first();
  const name = await offMap.innerText();
  await offMap.focus();
  await page.keyboard.press('Enter');
  await expect(heading).toHaveText(name);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Not on the map' }).getByRole('button', { name, exact: true })).toBeFocused();

  // From the map: back to the map. The close button does the same as Escape.
  const p = await pointAt(page, 60, 48);
  await page.mouse.click(p.x, p.y);
  await expect(heading).toHaveText('Kazakhstan');
  await page.getByRole('button', { name: 'Close details' }).click();
  await expect(page.locator('canvas.maplibregl-canvas')).toBeFocused();
});

test('the histogram gives screen readers its count for every year, in both languages', async ({ page }) => {
  await openAtlas(page);
  const years = page.getByRole('list', { name: 'Links per year: certain, by kind of cooperation, and possible (hatched)' }).getByRole('listitem');
  await expect(years).toHaveCount(11);
  await expect(years.first()).toHaveText(/^2015: \d+ links?(, \d+ more possibly)?$/);
  await expect(years.last()).toHaveText(/^2025: \d+ links?(, \d+ more possibly)?$/);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('list', { name: '每年连线数：确定的按合作类别，可能的以斜线表示' }).getByRole('listitem').first()).toHaveText(/^2015年：\d+ 条连线(，另有 \d+ 条可能)?$/);
});

for (const query of ['', '?lang=zh', '?sel=partner:KAZ', '?lang=zh&sel=partner:KAZ', '?sel=inst:srrsh', '?sel=arc:srrsh~ummc&year=2016', '?lang=zh&sel=arc:srrsh~ummc&year=2016']) {
  test(`axe finds no violation at all (${query || 'the map'})`, async ({ page }) => {
    await openAtlas(page, query);
    if (query.includes('arc:')) await expect(page.getByRole('heading', { level: 3, name: /Outside the current years|不在当前年份内/ })).toBeVisible();
    expect(await violations(page)).toEqual([]);
  });
}

test.describe('on a 390 × 844 touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('every control is at least 44 px tall, and the page is no wider than the screen', async ({ page }) => {
    await openAtlas(page, '?sel=partner:KAZ');
    const small = await page.evaluate(() => {
      const out: string[] = [];
      const controls = document.querySelectorAll<HTMLElement>(
        'header button, .atlas-controls button, .filter-bar button, [role="tab"], .tl button, .tl select, .tl [role="slider"], .atlas-map button, aside.details button',
      );
      const boxes = [...controls].map((el) => [el, el] as const);
      // A checkbox counts with its label, which takes the tap.
      for (const input of document.querySelectorAll<HTMLInputElement>('.tl input, .filter-bar input')) boxes.push([input, input.closest('label') ?? input]);
      for (const [el, target] of boxes) {
        const r = target.getBoundingClientRect();
        if (r.width === 0 || getComputedStyle(el).visibility === 'hidden') continue;
        if (r.height < 44) out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}": ${Math.round(r.height)} px`);
      }
      return out;
    });
    expect(small).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(await violations(page)).toEqual([]);
  });

  test('one finger scrolls the page over the map, two-finger help is localised, and a tap leaves no tooltip', async ({ page, context, baseURL }) => {
    const off = recordOffOrigin(page, new URL(baseURL!).origin);
    await openAtlas(page);
    await expect(page.locator('.maplibregl-canvas-container')).toHaveClass(/maplibregl-cooperative-gestures/);
    await expect(page.locator('.maplibregl-mobile-message')).toHaveText('Use two fingers to move the map');
    const box = await settledMapBox(page);
    const cdp = await context.newCDPSession(page);
    const x = box.x + box.width / 2, y = box.y + box.height * 0.7;
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
    for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - 20 * i }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(50);
    expect(urlParams(page).get('lon')).toBeNull(); // the map did not move
    // Let the fling end, then go back to the top and stay there.
    const settled = () => page.evaluate(() => new Promise<number>((done) => {
      let last = -1;
      const check = () => (window.scrollY === last ? done(last) : (last = window.scrollY, setTimeout(check, 250)));
      check();
    }));
    await settled();
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await settled()).toBe(0);

    // Find an arc with the mouse, move away, then tap it: its panel opens and no tooltip stays.
    const canvas = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    // The tooltip follows the pointer a frame late: only a tooltip placed at this very point counts.
    const titleAt = async (x: number, y: number) => {
      await page.mouse.move(x, y);
      for (let i = 0; i < 8; i++) {
        await page.waitForTimeout(50);
        const fresh = await page.evaluate(([px, py]) => {
          const tip = document.querySelector<HTMLElement>('.tooltip');
          return tip && Math.abs(parseFloat(tip.style.left) - px!) < 1.5 && Math.abs(parseFloat(tip.style.top) - py!) < 1.5
            ? tip.querySelector('.tooltip-title')?.textContent ?? null : null;
        }, [x - canvas.x, y - canvas.y]);
        if (fresh) return fresh;
      }
      return null;
    };
    let arc: { x: number; y: number; title: string } | null = null;
    for (let px = canvas.x + 10; px < canvas.x + canvas.width - 50 && !arc; px += 5) {
      const py = canvas.y + canvas.height * 0.62;
      const title = await titleAt(px, py);
      if (title?.includes('→')) arc = { x: px, y: py, title };
    }
    expect(arc).not.toBeNull();
    await page.mouse.move(1, 1);
    await expect(page.locator('.tooltip')).toHaveCount(0);
    await page.touchscreen.tap(arc!.x, arc!.y);
    await expect(page.locator('aside.details h2')).toHaveText(arc!.title);
    await page.waitForTimeout(300);
    await expect(page.locator('.tooltip')).toHaveCount(0);

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.locator('.maplibregl-mobile-message')).toHaveText('请用两根手指移动地图');
    await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('aria-label', '放大');
    expect(off).toEqual([]);
  });

  test('a long panel leads back to the map', async ({ page }) => {
    await openAtlas(page, '?sel=partner:KAZ');
    await page.screenshot({ path: `${SHOTS}/phone-kazakhstan.png`, fullPage: true });
    const back = page.locator('aside.details').getByRole('button', { name: 'Back to the map' });
    await expect(back).toHaveCount(2);
    await back.last().scrollIntoViewIfNeeded();
    await expect(page.locator('canvas.maplibregl-canvas')).not.toBeInViewport();
    await back.last().click();
    const canvas = page.locator('canvas.maplibregl-canvas');
    await expect(canvas).toBeFocused();
    await expect(canvas).toBeInViewport();
  });
});
