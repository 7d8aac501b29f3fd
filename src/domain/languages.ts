/**
 * Authoring check for data:check: every source's language is one the ICU data knows (a typo such
 * as `pr` for `pt` passes the BCP 47 shape test but names no language). Not run by the app's loader.
 */
import type { Dataset } from './schema.ts';
import type { Problem } from './validate.ts';

const names = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

export function isKnownLanguage(tag: string): boolean {
  try {
    return names.of(tag.split('-')[0] ?? '') !== undefined;
  } catch {
    return false;
  }
}

export function checkLanguages(d: Dataset): Problem[] {
  return d.sources.filter((s) => !isKnownLanguage(s.language))
    .map((s) => ({ file: 'sources.json', id: s.id, field: 'language', message: `${s.language} is not a known language code` }));
}
