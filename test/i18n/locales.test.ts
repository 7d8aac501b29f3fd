import { describe, expect, it } from 'vitest';
import enCore from '../../src/i18n/locales/en.json';
import aboutEn from '../../src/i18n/locales/about.en.json';
import zh from '../../src/i18n/locales/zh.json';
import ar from '../../src/i18n/locales/ar.json';
import ru from '../../src/i18n/locales/ru.json';
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

  it('exist in English and Chinese, key for key', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  const PLURAL = /_(zero|one|two|few|many|other)$/;
  const others = { zh, ar, ru } as const;
  /** Keys with the plural suffix taken off: a plural key counts once, as its base. */
  const bases = (o: object) => new Set(keys(o).map((k) => k.replace(PLURAL, '')));
  const pluralBases = new Set(keys(en).filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));

  it('exist in every language: each English key, and each plural key in every form the language\'s plural rules use', () => {
    for (const [lang, strings] of Object.entries(others)) {
      const all = new Set(keys(strings));
      const missing = [...bases(en)].filter((b) => !bases(strings).has(b));
      const extra = [...bases(strings)].filter((b) => !bases(en).has(b));
      expect(missing, `${lang} lacks`).toEqual([]);
      expect(extra, `${lang} has keys English does not`).toEqual([]);
      const needed = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const b of pluralBases) for (const c of needed) expect(all.has(`${b}_${c}`), `${lang}: ${b}_${c}`).toBe(true);
    }
    for (const b of pluralBases) for (const c of ['one', 'other']) expect(keys(en)).toContain(`${b}_${c}`);
  });

  it('in Arabic and Russian are written in that script and keep the English placeholders', () => {
    const script = { ar: /\p{Script=Arabic}/u, ru: /\p{Script=Cyrillic}/u } as const;
    const flatOf = (o: object) => Object.fromEntries(keys(o).map((k) => [k, k.split('.').reduce<unknown>((x, p) => (x as Record<string, unknown>)[p], o) as string]));
    const e = flatOf(en);
    const vars = (v: string) => new Set([...v.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]));
    for (const lang of ['ar', 'ru'] as const) {
      for (const [k, v] of Object.entries(flatOf(others[lang]))) {
        expect(v.trim(), `${lang} ${k}`).not.toBe('');
        const letters = v.replace(/\{\{[^}]*\}\}/g, '').replace(/\b(CSV|GeoJSON|PNG|WebGL|Ctrl|EN)\b/g, '');
        if (/\p{L}/u.test(letters)) expect(letters, `${lang} ${k}`).toMatch(script[lang]);
        const base = k.replace(PLURAL, '');
        const english = PLURAL.test(k) ? `${e[`${base}_one`] ?? ''} ${e[`${base}_other`] ?? ''}` : e[k] ?? '';
        // A plural form may say its number in words ("رابطان"), so it may drop the count, never add a name.
        for (const name of vars(v)) expect(vars(english), `${lang} ${k}: {{${name}}}`).toContain(name);
        if (!PLURAL.test(k)) expect([...vars(v)].sort(), `${lang} ${k}`).toEqual([...vars(english)].sort());
      }
    }
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
      'details.basis_publication-date', 'details.basis_page-address', 'details.basis_document-context',
      ...[...EXCLUSION_REASONS, 'other'].map((r) => `about.reason.${r}`),
    ];
    expect(needed.filter((k) => !all.has(k))).toEqual([]);
  });
});
