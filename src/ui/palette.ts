/**
 * Colours by cooperation category. Seventeen link types are too many to tell apart by colour,
 * so they fall into seven categories drawn from the Okabe–Ito colour-blind-safe palette
 * (its yellow swapped for dark grey, which reads on a light basemap).
 */
import type { LinkType } from '../domain/schema.ts';

export type Category = 'training' | 'agreement' | 'clinical' | 'exchange' | 'tcm' | 'public-health' | 'other';

export const CATEGORIES: readonly Category[] = ['training', 'agreement', 'clinical', 'exchange', 'tcm', 'public-health', 'other'];

export const CATEGORY_OF_TYPE: Record<LinkType, Category> = {
  training: 'training',
  agreement: 'agreement',
  alliance: 'agreement',
  multilateral: 'agreement',
  'policy-dialogue': 'agreement',
  'remote-surgery': 'clinical',
  'remote-consultation': 'clinical',
  'medical-team': 'clinical',
  'medical-services': 'clinical',
  'delegation-visit': 'exchange',
  conference: 'exchange',
  'expert-exchange': 'exchange',
  tcm: 'tcm',
  'public-health': 'public-health',
  'hospital-construction': 'other',
  research: 'other',
  industry: 'other',
};

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
