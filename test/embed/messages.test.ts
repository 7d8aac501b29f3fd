import { describe, expect, it } from 'vitest';
import { parseSetMessage, resizeMessage, viewMessage } from '../../src/embed/messages.ts';
import { applyViewPatch, DEFAULT_VIEW, parseViewState } from '../../src/url/view-state.ts';

describe('atlas:set', () => {
  it('sets the year from a number or a string, as the URL would', () => {
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 2019 } })).toEqual({ year: 2019 });
    expect(parseSetMessage({ type: 'atlas:set', state: { year: '2019' } })).toEqual({ year: 2019 });
    // As in the URL: kept within the years any dataset may span (1971–2068); the app then clamps
    // the view to the loaded dataset's own span (App.tsx, clampViewToSpan).
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 1990 } })).toEqual({ year: 1990 });
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 1900 } })).toEqual({ year: 1971 });
  });

  it('sets a window, filters, a selection and the language together', () => {
    const patch = parseSetMessage({
      type: 'atlas:set',
      state: { mode: 'range', from: 2016, year: 2020, country: ['PAK', 'kaz'], inst: 'srrsh', sel: 'inst:srrsh', lang: 'zh', online: true },
    });
    expect(patch).toEqual({
      mode: 'range', from: 2016, year: 2020, selection: 'inst:srrsh', lang: 'zh',
      filters: { country: ['PAK', 'KAZ'], inst: ['srrsh'], online: true },
    });
    const v = applyViewPatch({ ...DEFAULT_VIEW, filters: { ...DEFAULT_VIEW.filters, cat: ['training'] } }, patch!);
    expect(v.filters.cat).toEqual(['training']); // filters not named are kept
    expect(v.filters.country).toEqual(['PAK', 'KAZ']);
  });

  it('clears a key with null or an empty value', () => {
    expect(parseSetMessage({ type: 'atlas:set', state: { sel: null, country: [] } })).toEqual({ selection: null, filters: { country: [] } });
  });

  it('drops malformed values and keeps the well-formed ones beside them', () => {
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 'soon', lang: 'fr', mode: 'sideways', country: '!!', sel: 'javascript:alert(1)' } })).toBeNull();
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 'soon', view: 'table' } })).toEqual({ view: 'table' });
    expect(parseSetMessage({ type: 'atlas:set', state: { year: Number.NaN } })).toBeNull();
    expect(parseSetMessage({ type: 'atlas:set', state: { year: { valueOf: 2019 } } })).toBeNull();
    expect(parseSetMessage({ type: 'atlas:set', state: { country: ['PAK', 3] } })).toBeNull();
    expect(parseSetMessage({ type: 'atlas:set', state: { year: 'x'.repeat(10_000) } })).toBeNull();
  });

  it('ignores the keys a host may not set (dataset, embedding) and unknown keys', () => {
    expect(parseSetMessage({ type: 'atlas:set', state: { data: 'bench/1m', embed: '0', host: 'https://evil.example', colour: 'red' } })).toBeNull();
  });

  it('ignores messages of other shapes', () => {
    for (const data of [null, undefined, 'atlas:set', 42, [], { type: 'atlas:set' }, { type: 'atlas:set', state: 'year=2019' },
      { type: 'atlas:set', state: [2019] }, { type: 'atlas:get', state: { year: 2019 } }, { type: 'ATLAS:SET', state: { year: 2019 } }]) {
      expect(parseSetMessage(data)).toBeNull();
    }
  });

  it('puts a range in order, as a reload would', () => {
    const v = applyViewPatch(DEFAULT_VIEW, parseSetMessage({ type: 'atlas:set', state: { mode: 'range', from: 2022, year: 2017 } })!);
    expect([v.from, v.year]).toEqual([2017, 2022]);
  });
});

describe('atlas:view and atlas:resize', () => {
  it('gives the view as the URL parameters, as an object', () => {
    const v = parseViewState('?year=2019&country=PAK,KAZ&embed=1');
    expect(viewMessage(v)).toEqual({ type: 'atlas:view', state: { year: '2019', country: 'PAK,KAZ', embed: '1' } });
  });

  it('rounds the height up to whole pixels', () => {
    expect(resizeMessage(480.2)).toEqual({ type: 'atlas:resize', height: 481 });
  });
});
