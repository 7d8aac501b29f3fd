/**
 * Cooperation categories: seventeen link types are too many to filter, count or tell apart by
 * colour, so they fall into seven categories. A domain concept (filters, counts and the headless
 * timeline model use it); the colours that draw them live with drawing, in src/style/palette.ts.
 */
import type { LinkType } from './schema.ts';

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

/** Whether a string is a category id (URL values are checked with this). */
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);
