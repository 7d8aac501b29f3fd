/**
 * Embed mode in a real cross-origin iframe: the host page is served by a small HTTP server on
 * another port (another origin) and frames the atlas from the test server. Checks the messages
 * both ways, who may steer the embed, the host page's scroll and history, storage, the 320 px
 * layout, the Embed dialog's snippet, and the notice shown in a sandbox without allow-same-origin.
 */
import { createServer, type Server } from 'node:http';
import { expect, test, type Frame, type Page } from '@playwright/test';

const PORT = Number(process.env.PW_PORT ?? 4319);
const HOST_PORT = Number(process.env.PW_HOST_PORT ?? PORT + 10);
const ATLAS = `http://127.0.0.1:${PORT}`;
const HOST = `http://127.0.0.1:${HOST_PORT}`;

/** The host pages, by path; each test puts its own here before opening it. */
const pages = new Map<string, string>();
let server: Server;

test.beforeAll(async () => {
  server = createServer((req, res) => {
    const html = pages.get((req.url ?? '/').split('?')[0] ?? '/');
    res.writeHead(html ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(HOST_PORT, '127.0.0.1', resolve));
});
test.afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

/** The copy-paste host page of the README: it records the atlas's messages and takes its height. */
function hostPage(iframe: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>An article</title></head><body style="margin:0;font:16px sans-serif">
<h1>An article about hospitals</h1>
<p style="height:500px">Text above the atlas.</p>
${iframe}
<iframe name="sibling" title="Another frame" srcdoc="<p>another frame on the page</p>" style="height:60px"></iframe>
<div style="height:2500px">Text below the atlas.</div>
<script>
  window.received = [];
  addEventListener("message", function (e) {
    if (e.origin !== ${JSON.stringify(ATLAS)}) return;
    received.push(e.data);
    if (e.data && e.data.type === "atlas:resize") document.getElementById("atlas").style.height = e.data.height + "px";
  });
</script>
</body></html>`;
}

const frameTag = (query: string, extra = '') => `<iframe id="atlas" src="${ATLAS}/?${query}" title="Health Silk Road Atlas" width="100%" height="400"
  style="border:0;width:100%;display:block" sandbox="allow-scripts allow-same-origin allow-popups"${extra}></iframe>`;

type Message = { type: string; height?: number; state?: Record<string, string> };
const received = (page: Page) => page.evaluate(() => (window as unknown as { received: Message[] }).received.slice());
const lastView = async (page: Page) => (await received(page)).filter((m) => m.type === 'atlas:view').at(-1)?.state;
const post = (page: Page, data: unknown) => page.evaluate(([d, o]) => {
  (document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage(d, o as string);
}, [data, ATLAS] as const);

async function atlasFrame(page: Page): Promise<Frame> {
  await expect.poll(() => page.frames().some((f) => f.url().startsWith(`${ATLAS}/`)), { timeout: 30_000 }).toBe(true);
  const frame = page.frames().find((f) => f.url().startsWith(`${ATLAS}/`))!;
  await frame.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 60_000 });
  return frame;
}

/** Every request goes to the host page's origin or the atlas's: nothing else. */
function recordElsewhere(page: Page): string[] {
  const off: string[] = [];
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(`${ATLAS}/`) && !u.startsWith(`${HOST}/`) && !/^(data|blob|about):/.test(u)) off.push(u);
  });
  return off;
}

test('a host page on another origin hears the embed, steers it, and keeps its scroll, history and storage', async ({ page }) => {
  test.setTimeout(180_000);
  pages.set('/article.html', hostPage(frameTag('embed=1')));
  const elsewhere = recordElsewhere(page);
  await page.goto(`${HOST}/article.html`);
  const historyAtStart = await page.evaluate(() => history.length);
  const frame = await atlasFrame(page);
  const slider = frame.getByRole('slider', { name: 'Year' });

  // atlas:resize: a height, which the host page gave the frame.
  await expect.poll(async () => (await received(page)).some((m) => m.type === 'atlas:resize' && (m.height ?? 0) > 240)).toBe(true);
  const height = (await received(page)).filter((m) => m.type === 'atlas:resize').at(-1)!.height!;
  await expect.poll(() => page.locator('#atlas').evaluate((f) => f.getBoundingClientRect().height)).toBe(height);
  // atlas:view: the view as URL parameters.
  await expect.poll(() => lastView(page)).toEqual({ embed: '1' });

  // atlas:set from the parent sets the year: the slider moves and the embed reports the new view.
  await post(page, { type: 'atlas:set', state: { year: 2019 } });
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  await expect.poll(() => lastView(page)).toEqual({ embed: '1', year: '2019' });
  await expect(frame.locator('.embed-summary')).toContainText('Up to 2019');

  // Malformed messages and messages of other shapes change nothing and get no answer.
  const before = (await received(page)).length;
  await post(page, { type: 'atlas:set', state: { year: 'soon' } });
  await post(page, { type: 'atlas:set', state: 'year=2016' });
  await post(page, 'atlas:set year=2016');
  await post(page, { type: 'atlas:get', state: { year: 2016 } });
  // From a window that is not its parent (another frame of the same page), even well-formed: ignored.
  await page.frame({ name: 'sibling' })!.evaluate(([o]) => {
    (parent.document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'atlas:set', state: { year: 2016 } }, o as string);
  }, [ATLAS] as const);
  await page.waitForTimeout(1500);
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  expect((await received(page)).slice(before)).toEqual([]);

  // Filters restrict what it shows; a filter change (a pushed entry in the full atlas) only replaces here.
  const allCount = Number((await frame.locator('.embed-summary').textContent())!.match(/: ([\d,]+) links?/)![1]!.replace(',', ''));
  await post(page, { type: 'atlas:set', state: { country: ['PAK'], sel: 'partner:PAK' } });
  await expect(frame.locator('.embed-summary')).toContainText('Pakistan');
  const pakCount = Number((await frame.locator('.embed-summary').textContent())!.match(/: ([\d,]+) links?/)![1]!.replace(',', ''));
  expect(pakCount).toBeGreaterThan(0);
  expect(pakCount).toBeLessThan(allCount);
  await expect.poll(() => lastView(page)).toEqual({ embed: '1', year: '2019', sel: 'partner:PAK', country: 'PAK' });
  await expect.poll(() => frame.url()).toContain('country=PAK');

  // The wheel over the map scrolls the host page, and the map stays put (no `at` reported).
  await page.locator('#atlas').evaluate((f) => f.scrollIntoView({ block: 'start' }));
  const scrollBefore = await page.evaluate(() => scrollY);
  const box = (await frame.locator('.embed-map .map-frame').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.75, box.y + box.height * 0.3);
  await page.mouse.wheel(0, 300);
  await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore + 100);
  await page.waitForTimeout(600);
  expect((await lastView(page))?.at).toBeUndefined();
  // The hint MapLibre shows on a blocked wheel, in the page's words.
  await expect(frame.locator('.maplibregl-desktop-message')).toHaveText('Ctrl + scroll zooms the map, or click the map first');

  // After a click on the map, the wheel zooms the map instead, and the host page stays where it is.
  // The wheel scrolled the map partly out of view: bring it back, and let the scroll rest before aiming.
  await page.locator('#atlas').evaluate((f) => f.scrollIntoView({ block: 'start' }));
  let resting = -1;
  await expect.poll(async () => { const y = await page.evaluate(() => scrollY); const still = y === resting; resting = y; return still; }, { intervals: [300] }).toBe(true);
  const box2 = (await frame.locator('.embed-map .map-frame').boundingBox())!;
  const at = { x: box2.x + box2.width * 0.75, y: box2.y + box2.height * 0.3 };
  await page.mouse.click(at.x, at.y);
  // The click handed the map the wheel: MapLibre's hint layer is gone until the pointer leaves.
  await expect(frame.locator('.maplibregl-cooperative-gesture-screen')).toHaveCount(0);
  const scrollAfterClick = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, -300);
  await expect.poll(async () => (await lastView(page))?.at, { timeout: 30_000 }).toBeTruthy();
  expect(await page.evaluate(() => scrollY)).toBe(scrollAfterClick);

  // Nothing added to the host page's history; nothing stored; nothing fetched from elsewhere.
  expect(await page.evaluate(() => history.length)).toBe(historyAtStart);
  const stored = await frame.evaluate(async () => ({
    local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
    idb: (await indexedDB.databases()).length, caches: (await caches.keys()).length,
  }));
  expect(stored).toEqual({ local: 0, session: 0, cookie: '', idb: 0, caches: 0 });
  expect(elsewhere).toEqual([]);
});

test('a host may name the origins it steers from', async ({ page }) => {
  test.setTimeout(120_000);
  // Named: another frame of the host's origin may steer it; the parent, not named here, may not.
  pages.set('/named.html', hostPage(frameTag(`embed=1&host=${encodeURIComponent(HOST)}`)));
  await page.goto(`${HOST}/named.html`);
  const frame = await atlasFrame(page);
  await page.frame({ name: 'sibling' })!.evaluate(([o]) => {
    (parent.document.getElementById('atlas') as HTMLIFrameElement).contentWindow!.postMessage({ type: 'atlas:set', state: { year: 2017 } }, o as string);
  }, [ATLAS] as const);
  await expect(frame.getByRole('slider', { name: 'Year' })).toHaveAttribute('aria-valuenow', '2017');

  pages.set('/other.html', hostPage(frameTag('embed=1&host=https://example.org')));
  await page.goto(`${HOST}/other.html`);
  const other = await atlasFrame(page);
  await post(page, { type: 'atlas:set', state: { year: 2017 } });
  await page.waitForTimeout(1500);
  await expect(other.getByRole('slider', { name: 'Year' })).toHaveAttribute('aria-valuenow', '2025');
  // Its own messages go to https://example.org only: this page hears none.
  expect(await received(page)).toEqual([]);
});

test('at 320×240 the embed fits its frame with no scrollbar; sized by its message it gives the map room', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 390, height: 844 });
  pages.set('/small.html', `<!doctype html><body style="margin:8px"><iframe id="atlas" src="${ATLAS}/?embed=1&year=2020" title="Atlas"
    width="320" height="240" style="border:1px solid #999" sandbox="allow-scripts allow-same-origin allow-popups"></iframe></body>`);
  await page.goto(`${HOST}/small.html`);
  const frame = await atlasFrame(page);
  const fit = await frame.evaluate(() => {
    const el = document.documentElement;
    const bottom = Math.max(...Array.from(document.querySelectorAll('.embed > *')).map((c) => c.getBoundingClientRect().bottom));
    return { scrollH: el.scrollHeight, clientH: el.clientHeight, scrollW: el.scrollWidth, clientW: el.clientWidth, bottom, innerH: innerHeight,
      map: document.querySelector('.embed-map')!.getBoundingClientRect().height };
  });
  expect(fit.scrollW).toBeLessThanOrEqual(fit.clientW);
  expect(fit.scrollH).toBeLessThanOrEqual(fit.clientH);
  expect(fit.bottom).toBeLessThanOrEqual(fit.innerH);
  expect(fit.map).toBeGreaterThanOrEqual(60);
  await expect(frame.getByRole('link', { name: /Full atlas/ })).toBeVisible();
  await expect(frame.getByRole('slider', { name: 'Year' })).toBeVisible();
  await page.locator('#atlas').screenshot({ path: 'test/e2e/screenshots/embed-320x240.png' });

  // The same frame 320 wide with the sizing script: it grows to the height the atlas asks for.
  pages.set('/small-sized.html', hostPage(`<div style="width:320px">${frameTag('embed=1&year=2020').replace('height="400"', 'height="240"')}</div>`));
  await page.goto(`${HOST}/small-sized.html`);
  const sized = await atlasFrame(page);
  await expect.poll(() => page.locator('#atlas').evaluate((f) => f.getBoundingClientRect().height)).toBeGreaterThan(300);
  await expect.poll(() => sized.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
  await page.locator('#atlas').scrollIntoViewIfNeeded();
  await page.locator('#atlas').screenshot({ path: 'test/e2e/screenshots/embed-320-sized.png' });
});

test('the Embed dialog gives a snippet that loads and sizes itself on another page', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(`${ATLAS}/?country=PAK&year=2020`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Embed' }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await expect(dialog).toBeVisible();
  const frameCode = await dialog.getByLabel('Frame (HTML)').inputValue();
  const script = await dialog.getByLabel('Sizing script (once per page)').inputValue();
  expect(frameCode).toContain('embed=1');
  expect(frameCode).toContain('title="Health Silk Road Atlas: Pakistan · Up to 2020"');
  expect(frameCode).toContain('sandbox="allow-scripts allow-same-origin allow-popups"');
  await dialog.screenshot({ path: 'test/e2e/screenshots/embed-dialog.png' });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  // The dialog left the full atlas's own URL alone.
  expect(new URL(page.url()).searchParams.get('embed')).toBeNull();

  pages.set('/pasted.html', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pasted</title></head>
    <body style="margin:0"><main style="max-width:640px;margin:0 auto"><h1>Our partners in Pakistan</h1>${frameCode}</main>${script}</body></html>`);
  await page.setViewportSize({ width: 800, height: 900 });
  await page.goto(`${HOST}/pasted.html`);
  const frame = await atlasFrame(page);
  await expect(frame.locator('.embed-summary')).toContainText('Pakistan · Up to 2020');
  await expect(page.locator('iframe')).toHaveAttribute('title', 'Health Silk Road Atlas: Pakistan · Up to 2020');
  // Sized by the script: taller than the snippet's starting height or shorter, but no longer 560, and nothing clipped.
  await expect.poll(() => page.locator('iframe').evaluate((f) => (f as HTMLIFrameElement).style.height)).toMatch(/^\d+px$/);
  await expect.poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= document.documentElement.clientHeight)).toBe(true);
  await page.locator('iframe').screenshot({ path: 'test/e2e/screenshots/embed-pasted-640.png' });
});

test('in a sandbox without allow-same-origin the frame says why the atlas cannot start', async ({ page }) => {
  test.setTimeout(60_000);
  pages.set('/strict.html', `<!doctype html><body><iframe id="atlas" src="${ATLAS}/?embed=1" title="Atlas" width="600" height="300" sandbox="allow-scripts"></iframe></body>`);
  await page.goto(`${HOST}/strict.html`);
  const frame = page.frameLocator('#atlas');
  await expect(frame.getByText('The Health Silk Road Atlas could not start.')).toBeVisible({ timeout: 30_000 });
  await expect(frame.getByText(/allow-same-origin/).first()).toBeVisible();
  await page.locator('#atlas').screenshot({ path: 'test/e2e/screenshots/embed-sandbox-strict.png' });
});
