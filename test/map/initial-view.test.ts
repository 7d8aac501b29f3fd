import { describe, expect, it } from 'vitest';
import { initialView, VIEW_EAST, VIEW_WEST } from '../../src/map/initial-view.ts';
import { mercatorX, mercatorY, worldPx } from '../../src/map/mercator.ts';

/** Screen position of a [lon, lat] for a camera, in a view of width × height. */
function screen(v: { center: [number, number]; zoom: number }, width: number, height: number, lon: number, lat: number) {
  const w = worldPx(v.zoom);
  return { x: width / 2 + (mercatorX(lon) - mercatorX(v.center[0])) * w, y: height / 2 + (mercatorY(lat) - mercatorY(v.center[1])) * w };
}

describe('initial view', () => {
  it('shows the Americas to the western Pacific on a 1280 × 800 screen, China right of centre', () => {
    const v = initialView(1280, 800);
    const west = screen(v, 1280, 800, VIEW_WEST, 40), east = screen(v, 1280, 800, VIEW_EAST, -30);
    expect(west.x).toBeGreaterThanOrEqual(0);
    expect(east.x).toBeLessThanOrEqual(1280);
    const beijing = screen(v, 1280, 800, 116.4, 39.9), rio = screen(v, 1280, 800, -43.2, -22.9);
    expect(beijing.x).toBeGreaterThan(640);
    expect(beijing.x).toBeLessThan(1280);
    expect(rio.x).toBeGreaterThan(0);
    expect(rio.y).toBeLessThan(800);
  });

  it('on a 390 × 844 phone fills the height and keeps China and Central Asia in view', () => {
    const v = initialView(390, 844);
    expect(worldPx(v.zoom)).toBeGreaterThanOrEqual(844);
    for (const [lon, lat] of [[116.4, 39.9], [69.3, 41.3], [101.7, 3.1]] as const) {
      const p = screen(v, 390, 844, lon, lat);
      expect(p.x).toBeGreaterThan(0);
      expect(p.x).toBeLessThan(390);
      expect(p.y).toBeGreaterThan(0);
      expect(p.y).toBeLessThan(844);
    }
  });

  it('never shows space beyond the poles', () => {
    for (const [w, h] of [[1280, 800], [390, 844], [2560, 600], [300, 1200]] as const) {
      const v = initialView(w, h);
      const half = h / 2 / worldPx(v.zoom);
      expect(mercatorY(v.center[1]) - half).toBeGreaterThanOrEqual(-1e-9);
      expect(mercatorY(v.center[1]) + half).toBeLessThanOrEqual(1 + 1e-9);
    }
  });
});

describe('initial view in the app', () => {
  it('keeps the whole region in a landscape map frame of 896 × 493', () => {
    const v = initialView(896, 493);
    expect(screen(v, 896, 493, VIEW_WEST, 40).x).toBeGreaterThanOrEqual(0);
    expect(screen(v, 896, 493, VIEW_EAST, -30).x).toBeLessThanOrEqual(896);
  });
});
