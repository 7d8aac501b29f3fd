/** Property test: whatever a query string holds, the parser gives a valid, bounded view and writes back nothing unbounded. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { YEAR_LIMITS } from '../../src/domain/dates.ts';
import { DEFAULT_VIEW, MAX_ID, MAX_LIST, parseViewState, serializeViewState, type ViewState } from '../../src/url/view-state.ts';
import { CATEGORIES } from '../../src/domain/categories.ts';
import { FILTER_DIMENSIONS, chosen } from '../../src/domain/filters.ts';

const KEYS = ['lang', 'mode', 'year', 'from', 'undated', 'sel', 'data', 'view', 'at', 'cat', 'type', 'inst', 'country', 'partner', 'prog', 'scope', 'online', 'source', 'status', 'evidence', 'other'];

/** Values a hostile or careless link might carry: near-misses, scripts, huge numbers, long runs, unicode. */
const value = fc.oneof(
  fc.constantFrom('', 'zh', 'en', 'map', 'table', 'sources', 'upto', 'range', '2019', '1e308', '-0', 'NaN', 'Infinity', '99999999999999999999',
    '<script>alert(1)</script>', 'javascript:alert(1)', '../../etc', '//evil.example', 'KAZ', 'kaz', 'KAZ,PAK,PAK', 'training,tcm', 'srrsh',
    'arc:srrsh~ummc', 'inst:srrsh', 'partner:KAZ', '1', '0', 'true', 'international', 'domestic', 'agreed,active', 'partner,multi,partner', 'stated', '120.5,30.2,3', '500,100,40', '1,2', ',,,'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.array(fc.stringMatching(/^[a-z0-9-]{0,12}$/), { maxLength: 8 }).map((xs) => xs.join(',')),
  fc.tuple(fc.double(), fc.double(), fc.double()).map((xs) => xs.join(',')),
  fc.nat({ max: 120_000 }).map((n) => 'a'.repeat(n)),
  fc.nat({ max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => `id-${i}`).join(',')),
);

const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), value), { maxLength: 12 }).map((pairs) => {
  const p = new URLSearchParams();
  for (const [k, v] of pairs) p.append(k, v);
  return `?${p.toString()}`;
});

function checkBounded(v: ViewState): void {
  expect(['en', 'zh', 'ar', 'ru']).toContain(v.lang);
  expect(['map', 'table', 'sources']).toContain(v.view);
  // Within the widest timeline a dataset can have; the loaded dataset's span narrows it (clampViewToSpan).
  expect(v.year).toBeGreaterThanOrEqual(YEAR_LIMITS.first);
  expect(v.year).toBeLessThanOrEqual(YEAR_LIMITS.last);
  expect(v.from).toBeLessThanOrEqual(v.year);
  if (v.selection !== null) expect(v.selection.length).toBeLessThanOrEqual(2 * MAX_ID + 8);
  for (const d of FILTER_DIMENSIONS) {
    const xs = chosen(v.filters, d);
    expect(xs.length).toBeLessThanOrEqual(MAX_LIST);
    for (const x of xs) {
      expect(x.length).toBeLessThanOrEqual(MAX_ID);
      expect(x).toMatch(/^[A-Za-z0-9-]+$/);
    }
  }
  for (const c of v.filters.cat) expect(CATEGORIES).toContain(c);
  for (const s of v.filters.status) expect(['planned', 'agreed', 'active', 'completed', 'ended', 'unknown']).toContain(s);
  for (const e of v.filters.evidence) expect(['partner', 'stated', 'multi']).toContain(e);
  if (v.camera) {
    expect(Number.isFinite(v.camera.lon) && Math.abs(v.camera.lon) <= 180).toBe(true);
    expect(Math.abs(v.camera.lat)).toBeLessThanOrEqual(85);
    expect(v.camera.zoom).toBeGreaterThanOrEqual(0);
    expect(v.camera.zoom).toBeLessThanOrEqual(9);
  }
}

describe('URL parser, over generated query strings', () => {
  it('never throws, gives a valid bounded view, and round-trips what it writes (10,000 cases)', () => {
    fc.assert(fc.property(query, (q) => {
      const v = parseViewState(q);
      checkBounded(v);
      const written = serializeViewState(v);
      // Nothing unbounded is written back: at most 9 lists of MAX_LIST ids plus a few short keys.
      expect(written.length).toBeLessThanOrEqual(9 * MAX_LIST * (MAX_ID + 1) + 400);
      expect(written).not.toMatch(/[<>"']/);
      expect(parseViewState(`?${written}`)).toEqual(v);
      expect(serializeViewState(parseViewState(`?${written}`))).toBe(written);
    }), { numRuns: 10_000 });
  }, 120_000);

  it('keeps the first of repeated keys and drops a 100 KB value', () => {
    expect(parseViewState('?view=table&view=sources').view).toBe('table');
    const huge = parseViewState(`?sel=inst:${'a'.repeat(100_000)}&inst=${'b'.repeat(100_000)}&prog=${'c'.repeat(100_000)}`);
    expect(huge.selection).toBeNull();
    expect(huge.filters).toEqual(DEFAULT_VIEW.filters);
  });
});
