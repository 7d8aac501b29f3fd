import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { arcPixels, openAtlas, recordOffOrigin, urlParams, yearSlider, settledMapBox } from './helpers.ts';
import { initialView } from '../../src/map/initial-view.ts';
import { ARC_SEGMENTS, arcPolyline } from '../../src/map/arc-buffer.ts';
import { mercatorX, mercatorY, worldPx } from '../../src/map/mercator.ts';

test('the map draws arcs and every request stays on the page\'s origin', async ({ page, baseURL }) => {
  const off = recordOffOrigin(page, new URL(baseURL!).origin);
  await openAtlas(page);
  const canvas = page.locator('canvas.maplibregl-canvas');
  await expect(canvas).toBeVisible();
  // Count coloured pixels: the basemap is greys and pale blues; arcs are saturated category colours.
  const saturated = await arcPixels(page);
  expect(saturated).toBeGreaterThan(500);
  // Play through the timeline, open details and switch language: still nothing off the origin.
  await page.getByRole('button', { name: /^(Play|播放)$/ }).click();
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('h1')).toHaveText('健康丝绸之路图谱');
  expect(off).toEqual([]);
});

test('the keyboard moves the year slider, the URL follows, and a reload restores the view', async ({ page }) => {
  await openAtlas(page);
  const slider = await yearSlider(page);
  await expect(slider).toHaveAttribute('aria-valuenow', '2025');
  await slider.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(slider).toHaveAttribute('aria-valuenow', '2023');
  await expect.poll(() => urlParams(page).get('year')).toBe('2023');
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2024');
  await page.getByRole('button', { name: /^In year$/ }).click();
  await expect.poll(() => urlParams(page).get('mode')).toBe('in');
  await expect(page.getByTestId('live-region')).toContainText('In 2024');

  await page.reload();
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);
  await expect(await yearSlider(page)).toHaveAttribute('aria-valuenow', '2024');
  await expect(page.getByRole('button', { name: /^In year$/ })).toHaveAttribute('aria-pressed', 'true');
});

test('?lang=zh shows the atlas in Chinese', async ({ page }) => {
  await openAtlas(page, '?lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('h1')).toHaveText('健康丝绸之路图谱');
  await expect(await yearSlider(page)).toHaveAttribute('aria-valuetext', /2025/);
  await expect(page.getByRole('heading', { name: '合作类别' })).toBeVisible();
  await page.getByRole('button', { name: '连线列表' }).click();
  await expect(page.getByRole('cell', { name: '浙江大学医学院附属邵逸夫医院' }).first()).toBeVisible();
});

test('choosing a link shows its citation: source title, publisher, date and locator', async ({ page }) => {
  await openAtlas(page, '?year=2023');
  await page.getByRole('button', { name: 'List of links' }).click();
  const row = page.getByRole('row').filter({ hasText: '21 Nov 2023' });
  await row.getByRole('button', { name: /University of Malaya Medical Centre/ }).click();
  const panel = page.getByRole('complementary').filter({ has: page.getByRole('heading', { name: /Sir Run Run Shaw Hospital.*→.*University of Malaya/ }) });
  await expect(panel).toBeVisible();
  await expect(panel.getByText('21 Nov 2023')).toBeVisible();
  await expect(panel.getByText(/The Belt and Road Programs: Crafting/)).toBeVisible();
  await expect(panel.getByText(/¶13–14/)).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('arc:srrsh~ummc');
  await page.reload();
  await expect(page.getByRole('heading', { name: /Sir Run Run Shaw Hospital.*→.*University of Malaya/ })).toBeVisible();
});

test('odd URL values fall back to defaults instead of a blank page', async ({ page }) => {
  await openAtlas(page, '?year=abc&mode=%3Cscript%3E&lang=xx&sel=arc:nope~NOPE&data=..%2F..%2Fetc');
  await expect(page.locator('h1')).toHaveText('Health Silk Road Atlas');
  await expect(await yearSlider(page)).toHaveAttribute('aria-valuenow', '2025');
});

test('a corrupted data file is named, with the record and field, and nothing crashes', async ({ page }) => {
  // Without the compact links (a host that did not copy them) the atlas reads links.json, here corrupted.
  await page.route('**/data/links.columns.bin', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.route('**/data/links.json', async (route) => {
    const res = await route.fetch();
    const links = (await res.json()) as Record<string, unknown>[];
    links[3] = { ...links[3], partner: 'HKG' };
    links[5] = { ...links[5], date: { precision: 'day', value: '2019-02-30' } };
    await route.fulfill({ response: res, json: links });
  });
  await page.goto('./');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('The atlas could not be loaded');
  await expect(alert).toContainText('2 problems');
  await expect(alert.getByRole('row').filter({ hasText: 's000-04' })).toContainText('Hong Kong is Chinese territory');
  await expect(alert.getByRole('row').filter({ hasText: 's000-06' })).toContainText('date.value');
});

test('malformed JSON and a failed fetch each get a clear message and a retry', async ({ page }) => {
  let fail = true;
  await page.route('**/data/sources.json', (route) => (fail ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
  await page.goto('./');
  await expect(page.getByRole('alert')).toContainText('Could not load data/sources.json: HTTP 503');
  fail = false;
  await page.getByRole('button', { name: 'Try again' }).click();
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0);

  await page.route('**/data/partners.json', (route) => route.fulfill({ status: 200, body: '[{"id": "x",', contentType: 'application/json' }));
  await page.goto('./?lang=zh');
  await expect(page.getByRole('alert')).toContainText('data/partners.json');
  await expect(page.getByRole('alert')).toContainText('is not valid JSON');
});

test('hovering an arc on the map names it; clicking it opens its citation', async ({ page }) => {
  // Chongqing → Queen Elizabeth Hospital (Barbados): its midpoint lies over the North Pacific,
  // far (about 80 px in the first view) from every other arc, so the pointer finds it alone.
  const data = (f: string) => JSON.parse(readFileSync(join('data', f), 'utf8')) as { id: string; coordinates?: [number, number] }[];
  const from = data('institutions.json').find((i) => i.id === 'chongqing')!.coordinates!;
  const to = data('partners.json').find((p) => p.id === 'qeh-barbados')!.coordinates!;
  const link = (JSON.parse(readFileSync(join('data', 'links.json'), 'utf8')) as { id: string; evidence: { source: string; locator: string }[] }[])
    .find((l) => l.id === 'x-chongqing-barbados-1')!;
  const source = (JSON.parse(readFileSync(join('data', 'sources.json'), 'utf8')) as { id: string; title: { original: string } }[])
    .find((x) => x.id === link.evidence[0]!.source)!;
  await openAtlas(page, '?year=2023');
  const box = await settledMapBox(page);
  const view = initialView(box.width, box.height);
  const line = arcPolyline(from, to)!;
  const mid = ARC_SEGMENTS / 2;
  const world = worldPx(view.zoom);
  const x = box.x + box.width / 2 + ((line[2 * mid] as number) - mercatorX(view.center[0])) * world;
  const y = box.y + box.height / 2 + ((line[2 * mid + 1] as number) - mercatorY(view.center[1])) * world;
  // One pointer move is one chance: if it lands while the page is still settling (CI once saw
  // no tooltip after a single move), the pointer comes in again from a few pixels away.
  await expect(async () => {
    await page.mouse.move(x - 6, y - 6);
    await page.mouse.move(x, y, { steps: 3 });
    await expect(page.locator('.tooltip')).toContainText('Queen Elizabeth Hospital', { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await page.mouse.click(x, y);
  const heading = page.getByRole('heading', { name: /Chongqing.*→.*Queen Elizabeth Hospital/ });
  await expect(heading).toBeVisible();
  await expect(page.getByText(source.title.original).first()).toBeVisible();
  await expect(page.getByText(link.evidence[0]!.locator)).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('arc:chongqing~qeh-barbados');
});

/** A digest of what the map's canvas shows in the next frame (its WebGL pixels alone, no page overlay). */
const mapDigest = (page: Page) => page.evaluate(async () => {
  const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
  const shot = await new Promise<ImageBitmap>((ok) => requestAnimationFrame(() => ok(createImageBitmap(c))));
  const ctx = new OffscreenCanvas(shot.width, shot.height).getContext('2d')!;
  ctx.drawImage(shot, 0, 0);
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', ctx.getImageData(0, 0, shot.width, shot.height).data));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
});

test('a shared link with an arc selected draws that arc highlighted from the first view, as selecting it does', async ({ page, browser }) => {
  // The arcs are built after the map's style has loaded (map-controller.ts), so the selection
  // that came with the URL must reach them then. The camera is fixed so that both pages draw the same view.
  const view = 'year=2023&at=-20,30,1.6';
  const shared = `?${view}&sel=arc:chongqing~qeh-barbados`;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAtlas(page, shared);
  await expect(page.getByRole('heading', { name: /Chongqing.*→.*Queen Elizabeth Hospital/ })).toBeVisible();
  await settledMapBox(page);
  const atLoad = await mapDigest(page);

  const other = await browser.newPage({ viewport: page.viewportSize()!, reducedMotion: 'reduce' });
  const navigate = async (query: string) => {
    await other.evaluate((q) => { history.pushState(null, '', q); dispatchEvent(new PopStateEvent('popstate')); }, query);
  };
  await openAtlas(other, `?${view}`);
  await settledMapBox(other);
  await navigate(shared);
  await expect(other.getByRole('heading', { name: /Chongqing.*→.*Queen Elizabeth Hospital/ })).toBeVisible();
  await expect.poll(() => mapDigest(other), { timeout: 10_000 }).toBe(atLoad);
  // The highlight shows: another arc selected draws another picture.
  await navigate(`?${view}&sel=arc:srrsh~ummc`);
  await expect(other.getByRole('heading', { name: /→/ })).not.toHaveText(/Queen Elizabeth/);
  await expect.poll(() => mapDigest(other), { timeout: 10_000 }).not.toBe(atLoad);
  await other.close();
});

test('a Chinese institution is drawn as a dark point sized by its links, and clicking it opens its panel', async ({ page }) => {
  // Xiamen Cardiovascular Hospital: the only institution in Xiamen, so its point stands alone.
  const inst = (JSON.parse(readFileSync(join('data', 'institutions.json'), 'utf8')) as { id: string; coordinates: [number, number] }[])
    .find((i) => i.id === 'xiamen-cardiovascular-hospital')!;
  const pixelAt = (year: number) => async () => {
    await openAtlas(page, `?year=${year}`);
    const box = await settledMapBox(page);
    const view = initialView(box.width, box.height);
    const world = worldPx(view.zoom);
    const x = box.width / 2 + (mercatorX(inst.coordinates[0]) - mercatorX(view.center[0])) * world;
    const y = box.height / 2 + (mercatorY(inst.coordinates[1]) - mercatorY(view.center[1])) * world;
    const rgb = await page.evaluate(async ([px, py]) => {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      const shot = await new Promise<ImageBitmap>((ok) => requestAnimationFrame(() => ok(createImageBitmap(c))));
      const ctx = new OffscreenCanvas(shot.width, shot.height).getContext('2d')!;
      ctx.drawImage(shot, 0, 0);
      const s = shot.width / c.clientWidth;
      // The darkest pixel within 2 px of the point's centre: arcs added since (Fujian's teams leave from
      // Fuzhou, near Xiamen) may run through the very centre, under the point's rim.
      let darkest = [255, 255, 255];
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const d = [...ctx.getImageData(Math.round((px! + dx) * s), Math.round((py! + dy) * s), 1, 1).data].slice(0, 3);
          if (Math.max(...d) < Math.max(...darkest)) darkest = d;
        }
      }
      return darkest;
    }, [x, y]);
    return { rgb, x: box.x + x, y: box.y + y };
  };
  // Its first dated link is from 2023: in the view up to 2015 it is not drawn at all.
  const before = await pixelAt(2015)();
  expect(Math.max(...before.rgb)).toBeGreaterThan(110); // land or sea, not the institutions' near-black
  const after = await pixelAt(2025)();
  expect(Math.max(...after.rgb)).toBeLessThan(90);
  await page.mouse.click(after.x, after.y);
  await expect(page.getByRole('heading', { level: 2, name: /Xiamen Cardiovascular Hospital/ })).toBeVisible();
  await expect.poll(() => urlParams(page).get('sel')).toBe('inst:xiamen-cardiovascular-hospital');
});

// A point a reader aims at must stay under the pointer: the search box is built when the page is
// idle, after the map is ready, and once pushed the map 21 px down (a click meant for Kazakhstan hit Russia).
for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
  test(`nothing moves once the map is ready: the search box arrives in a place kept for it (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await openAtlas(page);
    const before = await page.locator('canvas.maplibregl-canvas').boundingBox();
    await expect(page.getByRole('search')).toBeVisible();
    expect(await page.locator('canvas.maplibregl-canvas').boundingBox()).toEqual(before);
  });
}

// Before any of the app's scripts has run, the page already shows its title in the URL's
// language (the boot shell, src/cli/boot-shell.ts); the app then takes over without moving it.
test('the first paint is the header in the URL\'s language, and the app takes it over where it stands', async ({ page }) => {
  const refused: string[] = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) refused.push(m.text()); });
  await page.route(/assets\/core-[^/]*\.js$/, (r) => r.abort());
  await page.goto('./?lang=zh');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('健康丝绸之路图谱');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText('正在加载图谱……');
  await expect(page.locator('.loading-about')).toContainText('健康丝绸之路'); // what is loading, in words
  await expect(page.getByRole('button', { name: '中文' })).toHaveAttribute('aria-pressed', 'true');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
  const shell = { h1: await page.locator('h1').boundingBox(), subtitle: await page.locator('.subtitle').boundingBox(), langs: await page.locator('.lang-switch').boundingBox() };
  expect(refused).toEqual([]); // the policy allows the shell's one inline script by its hash

  await page.unroute(/assets\/core-[^/]*\.js$/);
  await openAtlas(page, '?lang=zh');
  await expect(page.getByRole('search')).toBeVisible();
  expect({ h1: await page.locator('h1').boundingBox(), subtitle: await page.locator('.subtitle').boundingBox(), langs: await page.locator('.lang-switch').boundingBox() }).toEqual(shell);
  expect(refused).toEqual([]);

  // Embedded, the atlas has no header, and neither has its first paint.
  await page.route(/assets\/core-[^/]*\.js$/, (r) => r.abort());
  await page.goto('./?embed=1');
  await expect(page.getByText('Loading the atlas…')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
});
