import { describe, expect, it } from 'vitest';
import { isUndated, linkSpan, presence, startYears, yearBounds } from '../../src/domain/link-time.ts';
import { codePresence, timeCode, CERTAIN, OUTSIDE, PLANNED, POSSIBLE, UNDATED } from '../../src/domain/time-codes.ts';
import type { DateSpec, Link, LinkStatus } from '../../src/domain/schema.ts';

const INF = Number.POSITIVE_INFINITY;
const UPTO = Number.NEGATIVE_INFINITY;
const event = (date: DateSpec): Pick<Link, 'kind' | 'date' | 'end' | 'ongoingAsOf'> => ({ kind: 'event', date });
const tie = (date: DateSpec, extra: Partial<Link> = {}) => ({ kind: 'tie' as const, date, ...extra });

describe('date bounds of every precision', () => {
  it.each([
    [{ precision: 'day', value: '2018-09-06' }, 2018, 2018],
    [{ precision: 'month', value: '2024-01' }, 2024, 2024],
    [{ precision: 'year', value: '2020' }, 2020, 2020],
    [{ precision: 'range', from: '2021-07', to: '2023-08' }, 2021, 2023],
    [{ precision: 'before', to: '2019-05' }, -INF, 2019],
    [{ precision: 'unknown' }, -INF, INF],
  ] as [DateSpec, number, number][])('%j spans %s–%s', (d, first, last) => {
    expect(yearBounds(d)).toEqual({ first, last });
  });

  it('gives exports the years the event happened or the tie started in, empty only where nothing bounds it', () => {
    expect(startYears(linkSpan(event({ precision: 'range', from: '2016', to: '2018-09-06' })))).toEqual({ earliest: 2016, latest: 2018 });
    expect(startYears(linkSpan(event({ precision: 'before', to: '2019' })))).toEqual({ earliest: null, latest: 2019 });
    expect(startYears(linkSpan(event({ precision: 'unknown' })))).toEqual({ earliest: null, latest: null });
    // A tie of unknown start that a 2023 source says is running had started by 2023.
    expect(startYears(linkSpan(tie({ precision: 'unknown' }, { ongoingAsOf: { date: '2023-02-25', source: 's' } })))).toEqual({ earliest: null, latest: 2023 });
  });
});

describe('events and ties', () => {
  it('an event ends when it happens', () => {
    expect(linkSpan(event({ precision: 'range', from: '2016', to: '2018' }))).toEqual({ startFirst: 2016, startLast: 2018, endFirst: 2016, endLast: 2018 });
  });
  it('a tie without an end stays open; "still running as of" keeps it until then', () => {
    expect(linkSpan(tie({ precision: 'year', value: '2019' }))).toEqual({ startFirst: 2019, startLast: 2019, endFirst: 2019, endLast: INF });
    expect(linkSpan(tie({ precision: 'year', value: '2019' }, { ongoingAsOf: { date: '2023-02-25', source: 's' } })))
      .toEqual({ startFirst: 2019, startLast: 2019, endFirst: 2023, endLast: INF });
  });
  it('a tie with a stated end ends then, and started by then', () => {
    expect(linkSpan(tie({ precision: 'unknown' }, { end: { precision: 'month', value: '2021-06' } })))
      .toEqual({ startFirst: -INF, startLast: 2021, endFirst: 2021, endLast: 2021 });
  });
  it('only a link with no bound at all is undated', () => {
    expect(isUndated(linkSpan(event({ precision: 'unknown' })))).toBe(true);
    expect(isUndated(linkSpan(event({ precision: 'before', to: '2019' })))).toBe(false);
    expect(isUndated(linkSpan(tie({ precision: 'unknown' }, { ongoingAsOf: { date: '2020', source: 's' } })))).toBe(false);
  });
});

describe('certain and possible', () => {
  const upto = (y: number) => ({ from: UPTO, to: y });
  const inYear = (y: number) => ({ from: y, to: y });
  it('up to Y: certain when the latest possible date is by Y, possible when only the earliest is', () => {
    const s = linkSpan(event({ precision: 'range', from: '2021-07', to: '2023-08' }));
    expect([2020, 2021, 2022, 2023, 2025].map((y) => presence(s, upto(y)))).toEqual(['outside', 'possible', 'possible', 'certain', 'certain']);
    const by = linkSpan(event({ precision: 'before', to: '2019' }));
    expect([2015, 2018, 2019].map((y) => presence(by, upto(y)))).toEqual(['possible', 'possible', 'certain']);
  });
  it('in Y: events certain or possible in Y; ties certainly or possibly active in Y', () => {
    const day = linkSpan(event({ precision: 'day', value: '2015-05-01' }));
    expect([2015, 2016].map((y) => presence(day, inYear(y)))).toEqual(['certain', 'outside']);
    const range = linkSpan(event({ precision: 'range', from: '2021-07', to: '2023-08' }));
    expect([2020, 2021, 2022, 2023, 2024].map((y) => presence(range, inYear(y)))).toEqual(['outside', 'possible', 'possible', 'possible', 'outside']);
    const since = linkSpan(tie({ precision: 'year', value: '2019' }, { ongoingAsOf: { date: '2023-02-25', source: 's' } }));
    expect([2018, 2019, 2021, 2023, 2024, 2025].map((y) => presence(since, inYear(y)))).toEqual(['outside', 'certain', 'certain', 'certain', 'possible', 'possible']);
    const ended = linkSpan(tie({ precision: 'year', value: '2016' }, { end: { precision: 'year', value: '2018' } }));
    expect([2015, 2016, 2018, 2019].map((y) => presence(ended, inYear(y)))).toEqual(['outside', 'certain', 'certain', 'outside']);
  });
  it('a range window: certain when every reading falls inside it', () => {
    const range = linkSpan(event({ precision: 'range', from: '2021-07', to: '2023-08' }));
    expect(presence(range, { from: 2021, to: 2023 })).toBe('certain');
    expect(presence(range, { from: 2022, to: 2025 })).toBe('possible');
    expect(presence(range, { from: 2015, to: 2020 })).toBe('outside');
    const tie2016 = linkSpan(tie({ precision: 'range', from: '2016', to: '2018' }));
    expect(presence(tie2016, { from: 2017, to: 2019 })).toBe('possible');
    expect(presence(tie2016, { from: 2015, to: 2019 })).toBe('certain');
  });
  it('undated links are in no window', () => {
    expect(presence(linkSpan(event({ precision: 'unknown' })), upto(2025))).toBe('outside');
  });
});

describe('time codes agree with the per-link rule, and each status', () => {
  const dates: DateSpec[] = [
    { precision: 'day', value: '2018-09-06' }, { precision: 'year', value: '2015' }, { precision: 'range', from: '2016', to: '2019' },
    { precision: 'before', to: '2020' }, { precision: 'unknown' }, { precision: 'range', from: '2012', to: '2016' },
  ];
  const statuses: LinkStatus[] = ['planned', 'agreed', 'active', 'completed', 'ended', 'unknown'];
  const windows = [{ from: UPTO, to: 2015 }, { from: UPTO, to: 2019 }, { from: 2016, to: 2016 }, { from: 2019, to: 2019 }, { from: 2016, to: 2018 }, { from: 2015, to: 2025 }];
  it('for events and ties of every date and status', () => {
    for (const date of dates) {
      for (const status of statuses) {
        for (const kind of ['event', 'tie'] as const) {
          if (kind === 'event' && (status === 'active' || status === 'ended')) continue;
          const link = { kind, date, status, ...(kind === 'tie' && status === 'active' ? { ongoingAsOf: { date: '2021', source: 's' } } : {}) };
          const code = timeCode(link);
          for (const w of windows) {
            const s = linkSpan(link);
            const p = presence(s, w);
            const expected = status === 'planned' ? (p !== 'outside' || isUndated(s) ? PLANNED : OUTSIDE)
              : isUndated(s) ? UNDATED : p === 'certain' ? CERTAIN : p === 'possible' ? POSSIBLE : OUTSIDE;
            expect(codePresence([code], w)[0], JSON.stringify({ link, w })).toBe(expected);
          }
        }
      }
    }
  });
});
