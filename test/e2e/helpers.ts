/** Shared steps for the browser tests. */
import { expect, type Page, type Request } from '@playwright/test';

/** Records every request the page makes that is not to its own origin (data: and blob: are local). */
export function recordOffOrigin(page: Page, origin: string): string[] {
  const off: string[] = [];
  page.on('request', (r: Request) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) off.push(url);
  });
  return off;
}

/** Opens the atlas and waits for the app's ready mark: the map idle with every arc drawn. */
export async function openAtlas(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 45_000 });
}

export async function yearSlider(page: Page) {
  const slider = page.getByRole('slider', { name: /^(Year|年份)$/ });
  await expect(slider).toBeVisible();
  return slider;
}

export function urlParams(page: Page): URLSearchParams {
  return new URL(page.url()).searchParams;
}

/** Opens the atlas in any view (table and sources have no map, so no ready mark): waits for the filter sentence. */
export async function openView(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await expect(page.locator('.filter-sentence')).toBeVisible({ timeout: 45_000 });
}
