import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataText, englishFallback, shownInEnglish } from '../../src/domain/english-fallback.ts';
import { Story, stepView } from '../../src/domain/story.ts';

const translated = { en: 'Hospital ship visit', zh: '医疗船访问' };
const standingIn = { en: 'Kenyatta National Hospital', zh: 'Kenyatta National Hospital' };

describe('englishFallback: one rule for English standing in', () => {
  it('on Arabic and Russian pages every data text is English, said once per panel', () => {
    for (const lang of ['ar', 'ru'] as const) {
      expect(englishFallback(translated, lang)).toBe('page');
      expect(englishFallback(standingIn, lang)).toBe('page');
      expect(englishFallback(undefined, lang)).toBe('page');
      expect(dataText(translated, lang)).toBe('Hospital ship visit');
      expect(shownInEnglish(translated, lang)).toBe(true);
    }
  });

  it('on the Chinese page only an imported English text standing in for Chinese is marked', () => {
    expect(englishFallback(translated, 'zh')).toBe('none');
    expect(englishFallback(standingIn, 'zh')).toBe('text');
    expect(englishFallback({ en: 'WHO', zh: 'WHO 世卫' }, 'zh')).toBe('none');
    expect(englishFallback(undefined, 'zh')).toBe('none');
    expect(dataText(translated, 'zh')).toBe('医疗船访问');
  });

  it('on the English page nothing is a fallback', () => {
    expect(englishFallback(standingIn, 'en')).toBe('none');
    expect(englishFallback(undefined, 'en')).toBe('none');
  });

  it('the story (English and Chinese only) reads in English on Arabic and Russian pages, and its steps keep the page language', () => {
    const story = Story.parse(JSON.parse(readFileSync('data/story.json', 'utf8')));
    for (const lang of ['ar', 'ru'] as const) {
      for (const [i, step] of story.steps.entries()) {
        expect(englishFallback(step.caption, lang)).toBe('page');
        expect(dataText(step.caption, lang)).toBe(step.caption.en);
        expect(dataText(step.title, lang)).toBe(step.title.en);
        expect(stepView(step, { lang, dataPath: 'data' }, i + 1).lang).toBe(lang);
      }
    }
  });
});
