import { describe, expect, it } from 'vitest';
import enCore from '../../src/i18n/locales/en.json';
import aboutEn from '../../src/i18n/locales/about.en.json';
import zh from '../../src/i18n/locales/zh.json';
import { LINK_TYPES } from '../../src/domain/aggregate.ts';
import { CATEGORIES } from '../../src/domain/categories.ts';
import { EXCLUSION_REASONS } from '../../src/domain/review-log.ts';
import { Source } from '../../src/domain/schema.ts';

/** The English strings as the app has them once "About the data" has loaded its own (about.en.json). */
const en = { ...enCore, about: { ...enCore.about, ...aboutEn.about } };

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

describe('interface strings', () => {
  it('keep the dialog\'s English words out of the first download, each key in one file only', () => {
    const core = new Set(keys(enCore));
    expect(keys(aboutEn).filter((k) => core.has(k))).toEqual([]);
    expect(Object.keys(enCore.about).sort()).toEqual(['kindName_copy', 'kindName_news', 'kindName_original', 'open']);
  });

  it('exist in both English and Chinese, key for key', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it('are never empty, and the Chinese ones are not English left untranslated', () => {
    const flat = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string]));
    const e = flat(en);
    const z = flat(zh);
    for (const [k, v] of Object.entries(z)) {
      expect(v.trim(), k).not.toBe('');
      if (/[A-Za-z]{4,}/.test(e[k] ?? '') && !/^\{\{.*\}\}$/.test(v)) expect(v, k).not.toBe(e[k]);
    }
  });

  it('name every link type and category', () => {
    for (const t of LINK_TYPES) expect(en.type[t], t).toBeTruthy();
    for (const c of CATEGORIES) expect(zh.category[c], c).toBeTruthy();
  });

  it('name every source kind, date basis and exclusion reason the data can hold, in both languages', () => {
    const all = new Set(keys(en));
    const needed = [
      ...Source.shape.kind.options.flatMap((k) => [`details.sourceKind_${k}`, `about.kindName_${k}`, `about.kind_${k}`]),
      'details.basis_publication-date', 'details.basis_page-address',
      ...[...EXCLUSION_REASONS, 'other'].map((r) => `about.reason.${r}`),
    ];
    expect(needed.filter((k) => !all.has(k))).toEqual([]);
  });
});
