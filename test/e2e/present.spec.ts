import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { openAtlas, recordOffOrigin, urlParams, yearSlider } from './helpers.ts';

// A projector: 1920 × 1080.
test.use({ viewport: { width: 1920, height: 1080 } });

/** Counts calls to requestFullscreen (and lets them through), so a test can see the request itself. */
async function spyOnFullscreen(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { __fsRequests: number };
    w.__fsRequests = 0;
    const original = Element.prototype.requestFullscreen;
    Element.prototype.requestFullscreen = function (this: Element, options?: FullscreenOptions) {
      w.__fsRequests++;
      return original.call(this, options);
    };
  });
}
const fullscreenRequests = (page: Page) => page.evaluate(() => (window as unknown as { __fsRequests: number }).__fsRequests);

/** The year the slider shows now. */
async function year(page: Page): Promise<number> {
  return Number(await (await yearSlider(page)).getAttribute('aria-valuenow'));
}

test('presenter keys work wherever focus is: PageDown goes forward, even on the year slider', async ({ page }) => {
  test.setTimeout(120_000);
  await spyOnFullscreen(page);
  await openAtlas(page, '?present=1&year=2018');
  const slider = await yearSlider(page);

  // The slider's own PageDown goes back three years; in presenter mode a clicker's PageDown goes forward one.
  await slider.focus();
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  await page.keyboard.press('PageUp');
  await expect(slider).toHaveAttribute('aria-valuenow', '2018');

  // Focus on a button in the timeline, then on the map's box, then nowhere.
  await page.getByRole('button', { name: 'In year' }).focus();
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  await page.locator('.maplibregl-canvas').focus();
  await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveAttribute('aria-valuenow', '2020');
  await page.keyboard.press('ArrowDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2021');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowUp');
  await expect(slider).toHaveAttribute('aria-valuenow', '2019');
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');
  await page.keyboard.press('Space');
  await expect(slider).toHaveAttribute('aria-valuenow', '2016');
  await page.keyboard.press('Enter');
  await expect(slider).toHaveAttribute('aria-valuenow', '2017');
  await page.keyboard.press('End');
  await expect(slider).toHaveAttribute('aria-valuenow', '2025');
  await page.keyboard.press('PageDown'); // at the end: stays
  await expect(slider).toHaveAttribute('aria-valuenow', '2025');
  // The year reached the URL (replaced, as a slider step is).
  await expect.poll(() => urlParams(page).get('year')).toBe(null);

  // A modifier combination is the browser's, not the presenter's.
  await page.keyboard.press('Home');
  await page.keyboard.press('Control+ArrowRight');
  await page.keyboard.press('Alt+PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');

  // A text field keeps its keys.
  await page.evaluate(() => {
    const input = document.createElement('input');
    input.type = 'text';
    input.id = 'probe-input';
    document.querySelector('.present-bar')?.appendChild(input);
    input.focus();
  });
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');
  await expect(page.locator('#probe-input')).toHaveValue('p');
  await page.evaluate(() => document.getElementById('probe-input')?.remove());

  // P plays, P pauses.
  await page.keyboard.press('p');
  await expect(slider).not.toHaveAttribute('aria-valuenow', '2015', { timeout: 5000 });
  await page.keyboard.press('p');
  const paused = await year(page);
  await page.waitForTimeout(2000);
  expect(await year(page)).toBe(paused);

  // ? lists the keys in a dialog; Escape closes the dialog and stays in presenter mode.
  await page.keyboard.press('Shift+?');
  const dialog = page.getByRole('dialog', { name: 'Presenter keys' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row')).toHaveCount(9);
  await expect(dialog.getByRole('cell', { name: /PageDown/ })).toBeVisible();
  await page.keyboard.press('PageDown'); // the dialog has the keys while it is open
  expect(await year(page)).toBe(paused);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(urlParams(page).get('present')).toBe('1');

  // F asks for full screen (a key press is a user gesture).
  expect(await fullscreenRequests(page)).toBe(0);
  await page.keyboard.press('f');
  await expect.poll(() => fullscreenRequests(page)).toBe(1);
  await page.keyboard.press('f'); // and F again leaves it, still presenting
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  expect(urlParams(page).get('present')).toBe('1');

  // Escape leaves presenter mode: the ordinary page is back, and its slider's PageDown means "back three" again.
  await page.keyboard.press('Escape');
  await expect(page.locator('.present-bar')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Health Silk Road Atlas' })).toBeVisible();
  await expect.poll(() => urlParams(page).get('present')).toBe(null);
  await slider.focus();
  await page.keyboard.press('End');
  await page.keyboard.press('PageDown');
  await expect(slider).toHaveAttribute('aria-valuenow', '2022');
});

test('the Present button enters presenter mode and asks for full screen; Exit leaves both', async ({ page }) => {
  test.setTimeout(120_000);
  await spyOnFullscreen(page);
  const off = recordOffOrigin(page, new URL(test.info().project.use.baseURL ?? '').origin);
  await openAtlas(page, '?year=2020');
  await page.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(page.locator('.present-bar')).toBeVisible();
  expect(await fullscreenRequests(page)).toBe(1);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
  await expect.poll(() => urlParams(page).get('present')).toBe('1');
  // Space steps: focus went to the view, not to a button Space would press.
  await page.keyboard.press('Space');
  await expect(await yearSlider(page)).toHaveAttribute('aria-valuenow', '2021');
  await page.getByRole('button', { name: 'Exit presenter mode' }).click();
  await expect(page.locator('.present-bar')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => document.fullscreenElement === null)).toBe(true);
  expect(off).toEqual([]);
});

for (const theme of ['dark', 'light'] as const) {
  test(`presenter mode (${theme}) at 1920×1080: type of 20 px and more, contrast, every arc in the frame`, async ({ page }) => {
    test.setTimeout(180_000);
    await openAtlas(page, `?present=1&theme=${theme}`);
    await expect(page.locator('.app')).toHaveClass(new RegExp(`present-${theme}`));
    // Labels on the map, the timeline's years, the legend and the count sentence: none under 20 px.
    await expect(page.locator('.atlas-label').first()).toBeVisible();
    const sizes = await page.evaluate(() => {
      const px = (sel: string) => [...document.querySelectorAll(sel)]
        .filter((e) => (e as HTMLElement).offsetParent !== null || e instanceof SVGElement)
        .map((e) => parseFloat(getComputedStyle(e).fontSize));
      return {
        labels: px('.atlas-label'), years: px('.tl-year'), handle: px('.tl-handle-label'), legend: px('.legend li, .legend p, .legend h2, .legend h3'),
        sentence: px('.present-sentence'), buttons: px('.present-controls button, .tl-controls button'),
      };
    });
    for (const [what, list] of Object.entries(sizes)) {
      expect(list.length, what).toBeGreaterThan(0);
      expect(Math.min(...list), what).toBeGreaterThanOrEqual(20);
    }
    expect(sizes.labels.length).toBeGreaterThanOrEqual(5);

    // Every drawn arc is inside the map's box, as the map projects it (arcs to the Americas and the Pacific among them).
    const map = page.locator('.atlas-map');
    await expect(map).toHaveAttribute('data-arcs-outside', '0');
    expect(Number(await map.getAttribute('data-arcs-drawn'))).toBeGreaterThan(50);

    // The controls as a presenter sees them when moving the pointer, then idle (hidden).
    await page.mouse.move(900, 500);
    await expect(page.locator('.present-controls')).toHaveCSS('opacity', '1');
    await page.screenshot({ path: `test/e2e/screenshots/present-${theme}-1920.png` });

    const results = await new AxeBuilder({ page }).exclude('canvas.maplibregl-canvas').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
  });
}

test('the frame holds the arcs to the Americas and the Pacific, year by year', async ({ page }) => {
  test.setTimeout(180_000);
  const far = 'USA,CAN,BRA,ARG,CHL,PER,SLV,HND,TTO,GUY,BRB,PNG,VUT,TON,FJI,KIR,FSM,NIU,WSM,SLB,COK';
  await openAtlas(page, `?present=1&country=${far}&undated=1`);
  const map = page.locator('.atlas-map');
  await expect(map).toHaveAttribute('data-arcs-outside', '0');
  expect(Number(await map.getAttribute('data-arcs-drawn'))).toBeGreaterThanOrEqual(15);
  await page.screenshot({ path: 'test/e2e/screenshots/present-americas-pacific-1920.png' });
  // The camera stays still while the years step (no jump from year to year), and nothing leaves the frame.
  const at = await page.evaluate(() => document.querySelector('.atlas-map')?.getAttribute('data-arcs-drawn'));
  expect(at).not.toBeNull();
  for (const key of ['Home', 'ArrowRight', 'ArrowRight', 'ArrowRight', 'End']) {
    await page.keyboard.press(key);
    await expect(map).toHaveAttribute('data-arcs-outside', '0');
  }
  // The camera is not written to the URL: leaving presenter mode gives the ordinary view back.
  expect(urlParams(page).get('at')).toBe(null);
});

test('controls hide while idle and come back on a pointer move; never while keyboard focus is in them', async ({ page }) => {
  test.setTimeout(120_000);
  await openAtlas(page, '?present=1');
  const controls = page.locator('.present-controls');
  await page.mouse.move(400, 400);
  await expect(controls).toHaveCSS('opacity', '1');
  await expect(controls).toHaveCSS('opacity', '0', { timeout: 8000 });
  await page.mouse.move(500, 420);
  await expect(controls).toHaveCSS('opacity', '1');
  // Tab into the controls: they stay.
  await page.getByRole('button', { name: 'Exit presenter mode' }).focus();
  await page.keyboard.press('Shift+Tab');
  await page.waitForTimeout(5000);
  await expect(controls).toHaveCSS('opacity', '1');
});

test('autoplay=1 plays the timeline on load; under reduced motion it steps without animation', async ({ page }) => {
  test.setTimeout(120_000);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openAtlas(page, '?present=1&autoplay=1&year=2016');
  const slider = await yearSlider(page);
  await expect(slider).not.toHaveAttribute('aria-valuenow', '2016', { timeout: 8000 });
  const transition = await slider.evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(transition.split(',').every((d) => parseFloat(d) === 0)).toBe(true);
  // (On a loaded machine playback may have reached the last year by now.) P plays from the first year, and P pauses.
  await page.keyboard.press('Home');
  await expect(slider).toHaveAttribute('aria-valuenow', '2015');
  await page.keyboard.press('p');
  await expect(slider).not.toHaveAttribute('aria-valuenow', '2015', { timeout: 8000 });
  await page.keyboard.press('p');
  const y = await year(page);
  await page.waitForTimeout(2500);
  expect(await year(page)).toBe(y);
});
