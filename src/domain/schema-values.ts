/**
 * The schema's run-time values that the first view needs: file names, country-code test and the
 * option lists of its enums. They live here, without zod, so the code that draws the atlas does
 * not load the validator; schema.ts builds its enums from these very lists, so they cannot drift.
 */

/** The four files of a data folder, by the dataset key they fill. */
export const DATA_FILE_NAMES = {
  sources: 'sources.json',
  institutions: 'institutions.json',
  partners: 'partners.json',
  links: 'links.json',
} as const;

/** The programmes' records: optional, since a dataset's links may name their programmes in full instead. */
export const PROGRAMMES_FILE = 'programmes.json';

/** A link's `partner` (or a selection key) that is a country code rather than a record id. */
export const isCountryRef = (ref: string): boolean => /^[A-Z]{3}$/.test(ref);

export const PLACE_PRECISION_OPTIONS = ['site', 'city', 'province'] as const;

export const SOURCE_SIDE_OPTIONS = ['chinese', 'partner', 'third-party'] as const;

export const INSTITUTION_KIND_OPTIONS = [
  'hospital', 'university', 'association', 'government', 'research', 'alliance', 'place',
] as const;

export const LINK_TYPE_OPTIONS = [
  'training', 'agreement', 'remote-surgery', 'remote-consultation', 'delegation-visit', 'conference',
  'hospital-construction', 'tcm', 'public-health', 'medical-team', 'expert-exchange',
  'policy-dialogue', 'multilateral', 'alliance', 'research', 'industry', 'medical-services',
] as const;

export const LINK_STATUS_OPTIONS = ['planned', 'agreed', 'active', 'completed', 'ended', 'unknown'] as const;

export const LINK_KIND_OPTIONS = ['event', 'tie'] as const;
