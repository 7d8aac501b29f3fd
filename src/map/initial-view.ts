/**
 * The first camera: on a wide screen, the Americas to the western Pacific, so every arc from China
 * (to Brazil and Canada as well as to Europe and Africa) is in view, with China right of centre;
 * on a narrow portrait phone, where that would leave the world a thin strip, the map fills the
 * height and centres on Asia, Africa and Europe, where most partners are, and the user pans.
 */
import { latOfY, lonOfX, mercatorX, mercatorY, TILE_SIZE } from './mercator.ts';

/** The region of interest (degrees). East stops short of 180° so Oceania and Japan stay in. */
export const VIEW_WEST = -130;
export const VIEW_EAST = 178;
export const VIEW_NORTH = 66;
export const VIEW_SOUTH = -42;
/**
 * The first view is never zoomed out further than this many CSS px per degree of longitude:
 * further out, a phone would show the whole region as a thin strip, so it shows about 140°
 * (central Europe to the western Pacific on a 390 px phone) and the user pans.
 */
export const VIEW_MIN_PX_PER_DEGREE = 2.6;
/** A portrait view's world is this much taller than the view, so Antarctica stays out of it. */
const PORTRAIT_OVERFILL = 1.25;
/** Where a narrow view centres: Central Asia, so China sits right of centre and Europe/Africa left. */
export const VIEW_FOCUS_LON = 82;

export interface InitialView {
  center: [number, number];
  zoom: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, x));

/** Camera for a map of `width` × `height` CSS px, keeping `padding` px of margin where it fits. */
export function initialView(width: number, height: number, padding = 16): InitialView {
  const w = Math.max(1, width - 2 * padding);
  const h = Math.max(1, height - 2 * padding);
  const spanX = mercatorX(VIEW_EAST) - mercatorX(VIEW_WEST);
  const yN = mercatorY(VIEW_NORTH), yS = mercatorY(VIEW_SOUTH);
  const fit = Math.min(Math.log2(w / (spanX * TILE_SIZE)), Math.log2(h / ((yS - yN) * TILE_SIZE)));
  // Never so far out that sea-coloured bands show above and below the world.
  const fill = Math.log2((height * (height > width ? PORTRAIT_OVERFILL : 1)) / TILE_SIZE);
  const readable = Math.log2((VIEW_MIN_PX_PER_DEGREE * 360) / TILE_SIZE);
  const zoom = Math.max(0, fit, fill, readable);
  const world = TILE_SIZE * 2 ** zoom;
  const halfX = width / 2 / world, halfY = height / 2 / world;
  const cx = 2 * halfX >= spanX
    ? (mercatorX(VIEW_WEST) + mercatorX(VIEW_EAST)) / 2
    : clamp(mercatorX(VIEW_FOCUS_LON), mercatorX(VIEW_WEST) + halfX, mercatorX(VIEW_EAST) - halfX);
  const cy = clamp((yN + yS) / 2, halfY, 1 - halfY);
  return { center: [lonOfX(cx), latOfY(cy)], zoom };
}
