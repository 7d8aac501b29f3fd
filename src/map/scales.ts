/**
 * The map's visual scales, as plain functions so they are tested in Node and shared by the
 * arc shader (which mirrors arcWidth in GLSL), the circle layers and the picking tolerance.
 *
 * Every scale is anchored on the largest value over the WHOLE timeline (not the current window):
 * a country or arc keeps its colour and width when the year moves, so a reader can compare years.
 */

/** Thinnest visible arc (CSS px); thinner than this a single link would not read on the basemap. */
export const ARC_MIN_WIDTH = 1.6;
/** Widest arc (CSS px): beyond this arcs hide the countries they point at. */
export const ARC_MAX_WIDTH = 11;
/**
 * Below this many links the width keeps growing with sqrt(count) on a fixed step, so a small
 * dataset (where every pair has 1–5 links) still shows 1 and 4 links as different widths.
 */
const ARC_REFERENCE_COUNT = 16;

/** The count that gets the widest arc, for the largest all-time pair count (the arc shader's `u_width_ref`). */
export function arcWidthReference(maxCount: number): number {
  return Math.max(maxCount, ARC_REFERENCE_COUNT);
}

/**
 * Arc width in CSS px for a pair's count in the window: area-honest sqrt scale, 0 → not drawn.
 * The arc shader computes the same in GLSL (arc-shaders.ts); picking uses this one.
 */
export function arcWidth(count: number, maxCount: number): number {
  if (count <= 0) return 0;
  return Math.min(ARC_MAX_WIDTH, ARC_MIN_WIDTH + (ARC_MAX_WIDTH - ARC_MIN_WIDTH) * Math.sqrt(count / arcWidthReference(maxCount)));
}

/**
 * Steps of the country shade: one step moves the partner ramp (layer-styles.ts PARTNER_RAMP,
 * at most 83 levels apart in any 8-bit channel) by at most one level, so a rounded shade looks
 * the same as the exact one. The rounding spares the map a feature-state update (MapLibre then
 * rewrites every vertex of the country's shape) for a change no one could see: with many links
 * a year step moves each country's shade by well under one level.
 */
export const COUNTRY_SHADE_STEPS = 84;

/**
 * 0–1 position on the partner-country colour ramp, in COUNTRY_SHADE_STEPS steps; 0 means
 * "no links" (unshaded land). Logarithmic, because country totals are heavy-tailed: a few
 * neighbours hold most links.
 */
export function countryShade(total: number, maxTotal: number): number {
  if (total <= 0) return 0;
  const ref = Math.max(maxTotal, 4);
  const exact = Math.min(1, 0.18 + 0.82 * (Math.log1p(total) / Math.log1p(ref)));
  return Math.round(exact * COUNTRY_SHADE_STEPS) / COUNTRY_SHADE_STEPS;
}

export const INSTITUTION_MIN_RADIUS = 2.5;
export const INSTITUTION_MAX_RADIUS = 10;

/** The count drawn at the largest institution radius (the institution shader's `u_ref`). */
export function institutionRadiusReference(maxTotal: number): number {
  return Math.max(maxTotal, ARC_REFERENCE_COUNT);
}

/** Circle radius in CSS px of a Chinese institution by its links in the window (circle area ∝ links). The institution shader mirrors it. */
export function institutionRadius(total: number, maxTotal: number): number {
  if (total <= 0) return 0;
  const ref = institutionRadiusReference(maxTotal);
  return Math.min(INSTITUTION_MAX_RADIUS,
    INSTITUTION_MIN_RADIUS + (INSTITUTION_MAX_RADIUS - INSTITUTION_MIN_RADIUS) * Math.sqrt(total / ref));
}

/** Partner institutions and organisations are drawn at one small size: they mark a place, not a quantity. */
export const MARKER_RADIUS = 3.5;
