/** A link's time and evidence in Arabic and Russian, once their words are registered (as their chunks do). */
import { beforeAll, describe, expect, it } from 'vitest';
import { evidenceStrength } from '../../src/domain/evidence-strength.ts';
import { evidenceWords, linkTimeWords, registerLinkWords, statusLabel } from '../../src/domain/link-words.ts';
import { DATE_WORDS_AR, wordsForAr } from '../../src/domain/link-words-ar.ts';
import { DATE_WORDS_RU, wordsForRu } from '../../src/domain/link-words-ru.ts';
import { formatDate, formatPartial, registerDateWords } from '../../src/domain/dates.ts';
import { evidenceIndex } from '../fixtures/evidence-dataset.ts';

const index = evidenceIndex();
const link = (id: string) => index.dataset.links.find((l) => l.id === id)!;

describe('link words before their language has loaded', () => {
  it('read English', () => {
    expect(statusLabel('active', 'ru')).toBe('Active');
  });
});

describe('link words in Arabic and Russian', () => {
  beforeAll(() => {
    registerLinkWords('ar', wordsForAr({ formatDate, formatPartial }));
    registerLinkWords('ru', wordsForRu({ formatDate, formatPartial }));
    registerDateWords('ar', DATE_WORDS_AR);
    registerDateWords('ru', DATE_WORDS_RU);
  });

  it('say kind, date and status with Western digits', () => {
    expect(linkTimeWords(link('l-1'), 'ru')).toBe('Событие · 6 сентября 2018 г. · согласовано (подписано, начало пока не подтверждено)');
    expect(linkTimeWords(link('l-2'), 'ar')).toBe('حدث · 2023 · مكتمل');
    expect(linkTimeWords(link('l-ended'), 'ru')).toBe('Связь · начало: между 2016 и 2017 · прекращено: август 2023 г.');
    expect(formatDate({ precision: 'day', value: '2018-09-06' } as never, 'ar')).toBe('6 سبتمبر 2018');
  });

  it('count sources in the plural form the number needs', () => {
    const e = evidenceStrength(index, link('l-1'));
    const words = (n: number, lang: 'ar' | 'ru') => evidenceWords({ ...e, sources: n, independent: n, sides: [] }, lang).split(' · ')[0];
    expect([1, 2, 5, 21].map((n) => words(n, 'ru'))).toEqual([
      '1 источник (независимых: 1)', '2 источника (независимых: 2)', '5 источников (независимых: 5)', '21 источник (независимых: 21)',
    ]);
    expect([1, 2, 5, 11, 100].map((n) => words(n, 'ar'))).toEqual([
      'مصدر واحد (المستقلة منها: 1)', 'مصدران (المستقلة منها: 2)', '5 مصادر (المستقلة منها: 5)', '11 مصدرًا (المستقلة منها: 11)', '100 مصدر (المستقلة منها: 100)',
    ]);
  });
});
