/**
 * Counts in words in every interface language: "1 link", never "1 links"; Russian 1/2/5/21 and
 * Arabic 1/2/5/11/100 take their own forms. Runs the real locale files through i18next.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import i18next, { type i18n } from 'i18next';
import en from '../../src/i18n/locales/en.json';
import zh from '../../src/i18n/locales/zh.json';
import ar from '../../src/i18n/locales/ar.json';
import ru from '../../src/i18n/locales/ru.json';

let i18: i18n;
beforeAll(async () => {
  i18 = i18next.createInstance();
  await i18.init({
    resources: { en: { translation: en }, zh: { translation: zh }, ar: { translation: ar }, ru: { translation: ru } },
    lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false },
  });
});

const say = (lang: string, key: string, count: number) => i18.getFixedT(lang)(key, { count, n: String(count) });

describe('counts in the timeline toggles', () => {
  it('group their digits as every other count does', () => {
    expect(say('en', 'timeline.undatedToggle', 4898)).toBe('Include 4,898 undated links');
    expect(say('zh', 'timeline.undatedToggle', 4898)).toBe('包括 4,898 条未注明年份的连线');
    expect(say('en', 'timeline.plannedToggle', 12345)).toBe('Include 12,345 planned links');
  });
});

describe('plural forms', () => {
  it('English: one link, two links', () => {
    expect([1, 2, 5, 21].map((c) => say('en', 'summary.links', c))).toEqual(['1 link', '2 links', '5 links', '21 links']);
    expect(say('en', 'summary.institutions', 1)).toBe('1 Chinese institution');
    expect(say('en', 'summary.countries', 1)).toBe('1 partner country');
    expect(say('en', 'details.sources', 1)).toBe('1 source');
  });

  it('Russian: 1 связь, 2 связи, 5 связей, 21 связь', () => {
    expect([1, 2, 5, 21].map((c) => say('ru', 'summary.links', c))).toEqual(['1 связь', '2 связи', '5 связей', '21 связь']);
    expect([1, 2, 5, 21].map((c) => say('ru', 'summary.institutions', c)))
      .toEqual(['1 китайское учреждение', '2 китайских учреждения', '5 китайских учреждений', '21 китайское учреждение']);
    expect([1, 3, 11].map((c) => say('ru', 'summary.countries', c))).toEqual(['1 страна-партнёр', '3 страны-партнёра', '11 стран-партнёров']);
  });

  it('Arabic: one, two, few (3–10), many (11–99) and other (100+) each in its own form', () => {
    expect([1, 2, 5, 11, 21, 100].map((c) => say('ar', 'summary.links', c)))
      .toEqual(['رابط واحد', 'رابطان', '5 روابط', '11 رابطًا', '21 رابطًا', '100 رابط']);
    expect(say('ar', 'summary.links', 0)).toBe('لا روابط');
    expect(say('ar', 'summary.institutions', 2)).toBe('مؤسستان صينيتان');
  });

  it('Chinese: one form, with the measure word', () => {
    expect(say('zh', 'summary.links', 1)).toBe(say('zh', 'summary.links', 5).replace('5', '1'));
  });

  it('the story, presenter and import words in Arabic and Russian: step counts and refused rows in their own forms', () => {
    const t = (lang: string, key: string, o: Record<string, unknown>) => i18.getFixedT(lang)(key, o);
    expect([1, 2, 9, 11, 100].map((c) => t('ar', 'story.outOfRange', { n: 12, count: c }))).toEqual([
      'لا توجد خطوة 12: لهذه القصة خطوة واحدة.', 'لا توجد خطوة 12: لهذه القصة خطوتان.', 'لا توجد خطوة 12: لهذه القصة 9 خطوات.',
      'لا توجد خطوة 12: لهذه القصة 11 خطوة.', 'لا توجد خطوة 12: لهذه القصة 100 خطوة.',
    ]);
    expect([1, 3, 9, 21].map((c) => t('ru', 'story.outOfRange', { n: 30, count: c })))
      .toEqual(['Шага 30 нет: в этом рассказе 1 шаг.', 'Шага 30 нет: в этом рассказе 3 шага.', 'Шага 30 нет: в этом рассказе 9 шагов.', 'Шага 30 нет: в этом рассказе 21 шаг.']);
    expect(t('ar', 'story.progress', { n: 3, count: 9 })).toBe('الخطوة 3 من 9');
    expect(t('ru', 'story.progress', { n: 3, count: 9 })).toBe('Шаг 3 из 9');
    expect([1, 2, 5].map((c) => t('ar', 'import.refused', { count: c }))[1]).toBe('رُفض صفّان: لا يظهران، والقائمة أدناه تبيّن السبب');
    expect([1, 2, 5].map((c) => t('ru', 'import.refused', { count: c }).split(':')[0])).toEqual(['1 строка отклонена', '2 строки отклонены', '5 строк отклонено']);
    expect(t('ar', 'import.counts', { imported: 7, count: 9 })).toBe('صفوف صارت روابط: 7 من 9');
    expect(t('ru', 'import.counts', { imported: 7, count: 9 })).toBe('Стали связями строк: 7 из 9');
  });
});
