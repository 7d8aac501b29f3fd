/**
 * The map draws what a window holds only possibly apart from what it holds certainly, in pixels:
 * one arc, alone on the map thanks to two filters, is drawn in a year its link certainly falls in,
 * in a year it only possibly does, and in a year it has nothing, and the pixels along its middle
 * are compared. Certain: a continuous stroke. Possible: dashes (a good share of gaps, many
 * on/off changes) and fainter. The same on the PNG download (the map's capture), and at laptop
 * and projector sizes. The Chinese institution at its start is a filled disc, then a hollow ring.
 */
import { expect, test, type Page } from '@playwright/test';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expectedTally, openAtlas, settledMapBox } from './helpers.ts';
import type { Link } from '../../src/domain/schema.ts';
import { feature } from 'topojson-client';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readWorld } from '../../src/cli/read-world.ts';
import { countryAnchors } from '../../src/domain/country-anchors.ts';
import { initialView } from '../../src/map/initial-view.ts';
import { ARC_SEGMENTS, arcPolyline } from '../../src/map/arc-buffer.ts';
import { mercatorX, mercatorY, worldPx } from '../../src/map/mercator.ts';
import { SEA_COLOR } from '../../src/map/layer-styles.ts';

const read = <T>(f: string) => JSON.parse(readFileSync(`data/${f}`, 'utf8')) as T;
const links = read<Link[]>('links.json');
const partners = read<{ id: string; country?: string }[]>('partners.json');
const institutions = read<{ id: string; coordinates: [number, number] }[]>('institutions.json');

/**
 * Jiangsu Institute of Parasitic Diseases → Tanzania (Zanzibar): a tie since February 2017 that a
 * source of August 2024 says is still running. Certainly there in 2020; in 2025 it may have ended,
 * so only possibly there; in 2015 not yet. Its arc crosses the Indian Ocean, alone on the map with
 * the filters below.
 */
const LINK = 'x-jipd-zanzibar-1';
const FILTER = '?inst=jipd&country=TZA';
const CERTAIN_YEAR = 2020, POSSIBLE_YEAR = 2025, EMPTY_YEAR = 2015;
const sea = [1, 3, 5].map((i) => parseInt(SEA_COLOR.slice(i, i + 2), 16));

const link = links.find((l) => l.id === LINK)!;
const from = institutions.find((i) => i.id === link.institution)!.coordinates;
/** Tanzania's anchor, as the app puts it (its shape is Natural Earth's numeric code 834; world.ts's lookup needs a JSON import Playwright's loader refuses). */
const to = (() => {
  const world = readWorld();
  const fc = feature(world, world.objects.countries) as unknown as FeatureCollection<Polygon | MultiPolygon, { iso3?: string }>;
  const tza = fc.features.filter((f) => String(f.id) === '834').map((f) => ({ ...f, properties: { iso3: 'TZA' } }));
  return countryAnchors({ type: 'FeatureCollection', features: tza }).get('TZA')!;
})();

/** Points along the arc's middle (by length, t 0.45–0.85, every half CSS px) and the normal there, in the map box's CSS px. */
function arcSamples(width: number, height: number) {
  const view = initialView(width, height);
  const world = worldPx(view.zoom);
  const line = arcPolyline(from, to)!;
  const px = (i: number) => ({
    x: width / 2 + ((line[2 * i] as number) - mercatorX(view.center[0])) * world,
    y: height / 2 + ((line[2 * i + 1] as number) - mercatorY(view.center[1])) * world,
  });
  const pts = Array.from({ length: ARC_SEGMENTS + 1 }, (_, i) => px(i));
  const cum = [0];
  for (let i = 1; i < pts.length; i++) cum.push(cum[i - 1]! + Math.hypot(pts[i]!.x - pts[i - 1]!.x, pts[i]!.y - pts[i - 1]!.y));
  const total = cum.at(-1)!;
  const out: { x: number; y: number; nx: number; ny: number }[] = [];
  for (let d = 0.45 * total; d <= 0.85 * total; d += 0.5) {
    const i = cum.findIndex((c) => c >= d);
    const a = pts[i - 1]!, b = pts[i]!;
    const f = (d - cum[i - 1]!) / (cum[i]! - cum[i - 1]!);
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    out.push({ x: a.x + f * (b.x - a.x), y: a.y + f * (b.y - a.y), nx: -(b.y - a.y) / len, ny: (b.x - a.x) / len });
  }
  return { samples: out, institution: px(0) };
}

/**
 * RGB at CSS points of an image: the map canvas (`png` null) or a decoded PNG whose map box
 * starts at PNG row `top` (scale 2). Each point asks for the pixels across the arc, −1.5…+1.5 px.
 */
async function pixels(page: Page, points: { x: number; y: number; nx: number; ny: number }[], png: { b64: string; top: number } | null): Promise<number[][][]> {
  return page.evaluate(async ({ points, png }) => {
    let source: CanvasImageSource, scale: number, top = 0;
    if (png) {
      const img = new Image();
      img.src = `data:image/png;base64,${png.b64}`;
      await img.decode();
      source = img;
      scale = 2;
      top = png.top;
    } else {
      const c = document.querySelector('canvas.maplibregl-canvas') as HTMLCanvasElement;
      source = await new Promise<ImageBitmap>((ok) => requestAnimationFrame(() => ok(createImageBitmap(c))));
      scale = (source as ImageBitmap).width / c.clientWidth;
    }
    const w = (source as { width: number }).width, h = (source as { height: number }).height;
    const ctx = new OffscreenCanvas(w, h).getContext('2d')!;
    ctx.drawImage(source, 0, 0);
    const { data } = ctx.getImageData(0, 0, w, h);
    const at = (x: number, y: number) => {
      const i = (Math.round(y * scale + top) * w + Math.round(x * scale)) * 4;
      return [data[i]!, data[i + 1]!, data[i + 2]!];
    };
    return points.map((p) => [-1.5, -0.75, 0, 0.75, 1.5].map((k) => at(p.x + k * p.nx, p.y + k * p.ny)));
  }, { points, png });
}

/** The stroke along the samples, against the same pixels with nothing drawn: how much of it is inked, how often it breaks, how strong it is. */
function stroke(drawn: number[][][], empty: number[][][]) {
  const ink: number[] = [];
  drawn.forEach((across, i) => {
    const base = empty[i]!;
    // Only where the empty map shows open sea, so country shading under the arc cannot count as ink.
    if (!base.every((c) => c.every((v, k) => Math.abs(v - sea[k]!) <= 4))) return;
    ink.push(Math.max(...across.map((c, j) => Math.max(...c.map((v, k) => Math.abs(v - base[j]![k]!))))));
  });
  const on = ink.map((v) => v > 12);
  let breaks = 0;
  for (let i = 1; i < on.length; i++) if (on[i - 1] && !on[i]) breaks++;
  const sorted = [...ink].sort((a, b) => a - b);
  return { samples: ink.length, inked: on.filter(Boolean).length / Math.max(1, ink.length), breaks, strong: sorted[Math.floor(sorted.length * 0.9)] ?? 0 };
}

function expectCertainAndPossible(certain: ReturnType<typeof stroke>, possible: ReturnType<typeof stroke>) {
  // In the report: what was measured.
  test.info().annotations.push({ type: 'stroke', description: JSON.stringify({ certain, possible }) });
  expect(certain.samples).toBeGreaterThan(150);
  expect(possible.samples).toBe(certain.samples);
  // Certain: one unbroken stroke.
  expect(certain.inked).toBeGreaterThan(0.97);
  expect(certain.breaks).toBeLessThanOrEqual(1);
  // Possible: dashed (a third or more of the length left out, a break every few px) …
  expect(possible.inked).toBeLessThan(0.75);
  expect(possible.inked).toBeGreaterThan(0.3);
  expect(possible.breaks).toBeGreaterThan(certain.samples / 2 / 25);
  // … and fainter where it is drawn.
  expect(possible.strong).toBeLessThan(0.8 * certain.strong);
}

test('the premise: the link is certain in one year, only possible in another, absent in a third, and alone under the filters', () => {
  const jipd = (l: Link) => l.institution === 'jipd' || (l.with ?? []).includes('jipd');
  const inTza = (l: Link) => l.partner === 'TZA' || partners.find((p) => p.id === l.partner)?.country === 'TZA';
  expect(links.filter((l) => jipd(l) && inTza(l)).map((l) => l.id)).toEqual([LINK]);
  const only = (l: Link) => l.id === LINK;
  expect(expectedTally(links, { from: CERTAIN_YEAR, to: CERTAIN_YEAR }, only)).toEqual({ certain: 1, possible: 0, undated: 0, planned: 0 });
  expect(expectedTally(links, { from: POSSIBLE_YEAR, to: POSSIBLE_YEAR }, only)).toEqual({ certain: 0, possible: 1, undated: 0, planned: 0 });
  expect(expectedTally(links, { from: EMPTY_YEAR, to: EMPTY_YEAR }, only)).toEqual({ certain: 0, possible: 0, undated: 0, planned: 0 });
});

for (const [name, viewport] of [['laptop', { width: 1280, height: 800 }], ['projector', { width: 1920, height: 1080 }]] as const) {
  test.describe(name, () => {
    test.use({ viewport });

    test(`an arc only possibly in the window is drawn dashed and fainter than when certain, and its institution as a hollow ring (${name})`, async ({ page }) => {
      test.setTimeout(150_000); // three page loads on a CPU-drawn WebGL
      mkdirSync('test/e2e/screenshots', { recursive: true });
      const shots: Record<number, { arc: number[][][]; inst: number[] }> = {};
      for (const year of [CERTAIN_YEAR, POSSIBLE_YEAR, EMPTY_YEAR]) {
        await openAtlas(page, `${FILTER}&mode=in&year=${year}`);
        const box = await settledMapBox(page);
        const { samples, institution } = arcSamples(box.width, box.height);
        const [inst] = await pixels(page, [{ ...institution, nx: 0, ny: 0 }], null);
        shots[year] = { arc: await pixels(page, samples, null), inst: inst![2]! };
        await page.locator('.atlas-map').screenshot({ path: `test/e2e/screenshots/map-certainty-${name}-${year}.png` });
      }
      const certain = stroke(shots[CERTAIN_YEAR]!.arc, shots[EMPTY_YEAR]!.arc);
      const possible = stroke(shots[POSSIBLE_YEAR]!.arc, shots[EMPTY_YEAR]!.arc);
      expectCertainAndPossible(certain, possible);
      // The institution: a dark disc when its link is certain, a light hollow centre when only possible.
      expect(Math.max(...shots[CERTAIN_YEAR]!.inst)).toBeLessThan(110);
      expect(Math.min(...shots[POSSIBLE_YEAR]!.inst)).toBeGreaterThan(170);
    });
  });
}

/** Clicks the PNG button; returns the PNG and the row where its map box starts (below the header's full-width rule). */
async function downloadPng(page: Page): Promise<{ b64: string; top: number; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /^Download PNG$/ }).click()]);
  const bytes = readFileSync(await file.path());
  const b64 = bytes.toString('base64');
  const top = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const ctx = new OffscreenCanvas(img.width, img.height).getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    const { data } = ctx.getImageData(0, 0, img.width, img.height);
    // The first row, from the top, of one colour that is not the header's white: the rule above the map (2 px at 2×).
    for (let y = 0; y < img.height; y++) {
      const o = y * img.width * 4;
      const first = [data[o], data[o + 1], data[o + 2]];
      if (first.every((v) => v === 255)) continue;
      let same = true;
      for (let x = 1; x < img.width && same; x += 7) same = [0, 1, 2].every((k) => data[o + x * 4 + k] === first[k]);
      if (same) return y + 2;
    }
    return -1;
  }, b64);
  return { b64, top, bytes };
}

test('the PNG download draws the same difference', async ({ page }) => {
  test.setTimeout(300_000); // three page loads and three 2× captures, on a CPU-drawn WebGL (slow when the machine is busy)
  const shots: Record<number, number[][][]> = {};
  for (const year of [CERTAIN_YEAR, POSSIBLE_YEAR, EMPTY_YEAR]) {
    await openAtlas(page, `${FILTER}&mode=in&year=${year}`);
    const box = await settledMapBox(page);
    const png = await downloadPng(page);
    expect(png.top).toBeGreaterThan(0);
    if (year === POSSIBLE_YEAR) writeFileSync('test/e2e/screenshots/map-certainty-download.png', png.bytes);
    shots[year] = await pixels(page, arcSamples(box.width, box.height).samples, png);
  }
  expectCertainAndPossible(stroke(shots[CERTAIN_YEAR]!, shots[EMPTY_YEAR]!), stroke(shots[POSSIBLE_YEAR]!, shots[EMPTY_YEAR]!));
});
