import { describe, expect, it } from 'vitest';
import { ARC_MAX_WIDTH, ARC_MIN_WIDTH, arcWidth, COUNTRY_SHADE_STEPS, countryShade, institutionRadius, INSTITUTION_MAX_RADIUS } from '../../src/map/scales.ts';
import { PARTNER_RAMP } from '../../src/map/layer-styles.ts';

describe('arc width', () => {
  it('is 0 (not drawn) for no links, and at least the minimum for one', () => {
    expect(arcWidth(0, 10)).toBe(0);
    expect(arcWidth(1, 10)).toBeGreaterThan(ARC_MIN_WIDTH);
  });

  it('grows with the square root of the count, so four links are not four times as wide as one', () => {
    const w1 = arcWidth(1, 100) - ARC_MIN_WIDTH, w4 = arcWidth(4, 100) - ARC_MIN_WIDTH;
    expect(w4 / w1).toBeCloseTo(2, 6);
  });

  it('tops out at the maximum for the largest pair, and never exceeds it', () => {
    expect(arcWidth(400, 400)).toBeCloseTo(ARC_MAX_WIDTH, 6);
    expect(arcWidth(10_000, 400)).toBe(ARC_MAX_WIDTH);
  });

  it('still tells 1 from 4 links in a small dataset', () => {
    expect(arcWidth(4, 4) - arcWidth(1, 4)).toBeGreaterThan(1.5);
  });
});

describe('country shade and institution radius', () => {
  it('leave countries and institutions without links unshaded / undrawn', () => {
    expect(countryShade(0, 50)).toBe(0);
    expect(institutionRadius(0, 50)).toBe(0);
  });

  it('increase with links and stay within their ranges', () => {
    const shades = [1, 2, 5, 20, 50].map((n) => countryShade(n, 50));
    for (let i = 1; i < shades.length; i++) expect(shades[i]!).toBeGreaterThan(shades[i - 1]!);
    expect(shades[0]!).toBeGreaterThan(0);
    expect(shades.at(-1)).toBeCloseTo(1, 6);
    expect(institutionRadius(1e6, 50)).toBe(INSTITUTION_MAX_RADIUS);
    expect(institutionRadius(9, 100)).toBeGreaterThan(institutionRadius(1, 100));
  });

  it('round the shade to steps of at most one 8-bit colour level on the ramp', () => {
    const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const [a, b] = PARTNER_RAMP.map(channels) as [number[], number[]];
    const widest = Math.max(...a.map((x, i) => Math.abs(x - (b[i] as number))));
    expect(COUNTRY_SHADE_STEPS).toBeGreaterThanOrEqual(widest);
    for (const n of [1, 7, 123, 4567, 99_999]) {
      const s = countryShade(n, 100_000);
      expect(Math.abs(s * COUNTRY_SHADE_STEPS - Math.round(s * COUNTRY_SHADE_STEPS))).toBeLessThan(1e-9);
      expect(Math.abs(s - Math.min(1, 0.18 + 0.82 * (Math.log1p(n) / Math.log1p(100_000))))).toBeLessThanOrEqual(0.5 / COUNTRY_SHADE_STEPS + 1e-12);
    }
  });
});
