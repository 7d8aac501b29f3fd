import { describe, expect, it } from 'vitest';
import { dateCode, formatDate, knownYear } from '../../src/domain/dates.ts';

describe('dates at their true precision', () => {
  it('places a link on the timeline only when the source pins one year', () => {
    expect(knownYear({ precision: 'day', value: '2018-09-06' })).toBe(2018);
    expect(knownYear({ precision: 'year', value: '2020' })).toBe(2020);
    expect(knownYear({ precision: 'range', from: '2016', to: '2018-09-06' })).toBeNull();
    expect(knownYear({ precision: 'range', from: '2019-01', to: '2019-06' })).toBe(2019);
    expect(knownYear({ precision: 'before', to: '2025-08' })).toBeNull();
    expect(knownYear({ precision: 'unknown' })).toBeNull();
  });

  it('writes export codes that keep the precision', () => {
    expect(dateCode({ precision: 'month', value: '2024-01' })).toBe('2024-01');
    expect(dateCode({ precision: 'range', from: '2016', to: '2018-09-06' })).toBe('2016/2018-09-06');
    expect(dateCode({ precision: 'before', to: '2025-08' })).toBe('../2025-08');
    expect(dateCode({ precision: 'unknown' })).toBe('');
  });

  it('reads naturally in English and Chinese without adding precision', () => {
    expect(formatDate({ precision: 'day', value: '2018-09-06' }, 'en')).toBe('6 Sept 2018');
    expect(formatDate({ precision: 'month', value: '2024-01' }, 'en')).toBe('Jan 2024');
    expect(formatDate({ precision: 'year', value: '2020' }, 'zh')).toBe('2020年');
    expect(formatDate({ precision: 'day', value: '2018-09-06' }, 'zh')).toBe('2018年9月6日');
    expect(formatDate({ precision: 'before', to: '2025-08' }, 'en')).toBe('by Aug 2025');
    expect(formatDate({ precision: 'unknown' }, 'zh')).toBe('日期未说明');
  });
});
