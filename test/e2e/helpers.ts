/** Shared steps for the browser tests. */
import { expect, type Page, type Request } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { isUndated, linkSpan, presence } from '../../src/domain/link-time.ts';
import type { Link } from '../../src/domain/schema.ts';

/** Records every request the page makes that is not to its own origin (data: and blob: are local). */
export function recordOffOrigin(page: Page, origin: string): string[] {
  const off: string[] = [];
  page.on('request', (r: Request) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) off.push(url);
  });
  return off;
}

/** Where the tests' synthetic folders are written: outside public/, so no build ships them. */
export const E2E_DATA = '.e2e-data';

/**
 * A synthetic dataset folder (data:synth, JSON alone: no manifest, so the page validates it) at
 * `dir` under E2E_DATA, written once, and copied into dist/, which the preview serves as files
 * change. Open it with `?data=${dir}`.
 */
export function syntheticFolder(dir: string, links: number, seed: number): void {
  const src = `${E2E_DATA}/${dir}`;
  if (!existsSync(`${src}/links.json`)) {
    execFileSync('npx', ['tsx', 'src/cli/data-synth.ts', '--links', String(links), '--seed', String(seed), '--out', src], { stdio: 'inherit', timeout: 60_000 });
  }
  if (!existsSync(`dist/${dir}/links.json`)) cpSync(src, `dist/${dir}`, { recursive: true });
}

/** Opens the atlas and waits for the app's ready mark: the map idle with every arc drawn. */
export async function openAtlas(page: Page, query = ''): Promise<void> {
  await page.goto(`./${query}`);
  await page.waitForFunction(() => performance.getEntriesByName('atlas:ready').length > 0, undefined, { timeout: 45_000 });
}

/**
 * The map canvas's box once the page's layout is complete: the download buttons' chunk, loaded
 * after the map is ready, has replaced the disabled buttons that held its row. (Before they held
 * it, the row arrived late and moved the map down; downloads.spec.ts checks it no longer does.)
 */
export async function settledMapBox(page: Page): Promise<{ x: number; y: number; width: number; height: number }> {
  await page.locator('.share-tools .downloads:not([data-pending])').waitFor({ state: 'attached' });
  const box = await page.locator('canvas.maplibregl-canvas').boundingBox();
  if (!box) throw new Error('the map canvas has no box');
  return box;
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

/**
 * What the atlas should count for a window, worked out link by link with the per-link rule
 * (link-time.ts), independently of the aggregates the app uses: certain, possible only, undated, planned.
 */
export function expectedTally(links: readonly Link[], w: { from: number; to: number }, keep: (l: Link) => boolean = () => true) {
  const t = { certain: 0, possible: 0, undated: 0, planned: 0 };
  for (const l of links) {
    if (!keep(l)) continue;
    const s = linkSpan(l);
    const p = presence(s, w);
    if (l.status === 'planned') { if (p !== 'outside' || isUndated(s)) t.planned++; }
    else if (isUndated(s)) t.undated++;
    else if (p !== 'outside') t[p]++;
  }
  return t;
}
export const UPTO = Number.NEGATIVE_INFINITY;

/** Saturated pixels on the map canvas: the basemap is greys and pale blues, arcs are category colours. */
export async function arcPixels(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
    const shot = await new Promise<ImageBitmap>((ok) => requestAnimationFrame(() => ok(createImageBitmap(c))));
    const off = new OffscreenCanvas(shot.width, shot.height);
    const ctx = off.getContext('2d')!;
    ctx.drawImage(shot, 0, 0);
    const { data } = ctx.getImageData(0, 0, shot.width, shot.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (Math.max(data[i]!, data[i + 1]!, data[i + 2]!) - Math.min(data[i]!, data[i + 1]!, data[i + 2]!) > 90) n++;
    return n;
  });
}
