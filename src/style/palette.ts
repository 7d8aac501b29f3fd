/**
 * Colours by cooperation category, for everything that draws (map layers, the timeline, the
 * legend, the PNG download): the Okabe–Ito colour-blind-safe palette, its yellow swapped for dark
 * grey, which reads on a light basemap. The categories themselves are src/domain/categories.ts.
 */
import type { LinkType } from '../domain/schema.ts';
import { CATEGORY_OF_TYPE, type Category } from '../domain/categories.ts';

export const CATEGORY_COLOR: Record<Category, string> = {
  training: '#0072B2',
  agreement: '#E69F00',
  clinical: '#D55E00',
  exchange: '#56B4E9',
  tcm: '#009E73',
  'public-health': '#CC79A7',
  other: '#555555',
};

/** [r, g, b] in 0–1, for WebGL. */
export function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export const typeColor = (t: LinkType): string => CATEGORY_COLOR[CATEGORY_OF_TYPE[t]];
