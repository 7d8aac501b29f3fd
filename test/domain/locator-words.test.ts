import { describe, expect, it } from 'vitest';
import { locatorParts, registerLocatorWords } from '../../src/domain/locator-words.ts';
import { LOCATOR_WORDS } from '../../src/domain/locator-words-intl.ts';

for (const lang of ['zh', 'ar', 'ru'] as const) registerLocatorWords(lang, LOCATOR_WORDS[lang]);

const joined = (loc: string, lang: 'en' | 'zh' | 'ar' | 'ru') => locatorParts(loc, lang).map((p) => (p.lang ? `<en>${p.text}</en>` : p.text)).join('');

describe('locators in the reader\'s language', () => {
  it('leave English as it is', () => {
    expect(locatorParts('¶3 (speech by Huo Yong)', 'en')).toEqual([{ text: '¶3 (speech by Huo Yong)' }]);
  });

  it('put paragraph marks and counting notes into Chinese, Arabic and Russian', () => {
    expect(joined('¶3', 'zh')).toBe('第3段');
    expect(joined('¶2–¶4', 'zh')).toBe('第2–4段');
    expect(joined('¶5 and ¶7', 'zh')).toBe('第5段和第7段');
    expect(joined('¶3 of the stored text (no headline)', 'zh')).toBe('存档正文第3段（无标题）');
    expect(joined('¶3', 'ar')).toBe('الفقرة 3');
    expect(joined('¶3', 'ru')).toBe('абз. 3');
    expect(joined('last paragraph', 'ru')).toBe('последний абзац');
  });

  it('keep the data\'s own English notes, marked as English', () => {
    expect(joined('¶3 (speech by Huo Yong)', 'zh')).toBe('第3段（<en>speech by Huo Yong</en>）');
    expect(joined('¶2 (a), ¶4 (b) — counted from the headline', 'zh')).toBe('第2段（a），第4段（b）——从标题起算');
    expect(joined('paragraph on telemedicine practices', 'zh')).toBe('<en>paragraph on telemedicine practices</en>');
  });

  it('leave no English word unmarked in any of the real locators', async () => {
    const { readFileSync } = await import('node:fs');
    const links = JSON.parse(readFileSync('data/links.json', 'utf8')) as { evidence: { locator: string }[] }[];
    for (const lang of ['zh', 'ar', 'ru'] as const) {
      for (const l of links) for (const e of l.evidence) {
        for (const p of locatorParts(e.locator, lang)) if (!p.lang) expect(p.text.replace(/\b[A-Z]{2,}\b/g, ''), `${lang}: ${e.locator}`).not.toMatch(/[A-Za-z]{2,}/);
      }
    }
  });
});
