import { describe, expect, it } from 'vitest';
import { validateDataset, formatProblem, type Problem } from '../../src/domain/validate.ts';
import { miniDataset, type MiniDataset } from '../fixtures/mini-dataset.ts';

const TODAY = '2026-11-23';
// Loosely typed access for breaking records on purpose.
type Loose = Record<string, any>; // oxlint-disable-line no-explicit-any -- fixtures break types on purpose
const rec = (xs: unknown[], i: number) => xs[i] as Loose;

function problemsFor(mutate: (d: MiniDataset) => void): Problem[] {
  const d = miniDataset();
  mutate(d);
  const r = validateDataset(d, TODAY);
  return r.ok ? [] : r.problems;
}

describe('the mini dataset', () => {
  it('is valid as given', () => {
    const r = validateDataset(miniDataset(), TODAY);
    expect(r.problems).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

// Each case breaks one thing and names the problem a person should be shown: file, id, field, message.
type Expected = Partial<Omit<Problem, 'message'>> & { message: RegExp };
const BAD: [string, (d: MiniDataset) => void, Expected][] = [
  ['a number where text belongs', (d) => { rec(d.links, 0).summary.en = 42; }, { file: 'links.json', id: 'l-1', field: 'summary.en', message: /string/i }],
  ['an unknown institution', (d) => { rec(d.links, 0).institution = 'nowhere'; }, { file: 'links.json', id: 'l-1', field: 'institution', message: /unknown institution "nowhere"/ }],
  ['an unknown partner id', (d) => { rec(d.links, 1).partner = 'ghost-uni'; }, { file: 'links.json', id: 'l-2', field: 'partner', message: /unknown partner "ghost-uni"/ }],
  ['a duplicate link id', (d) => { rec(d.links, 1).id = 'l-1'; }, { file: 'links.json', id: 'l-1', field: 'id', message: /duplicate id/ }],
  ['an id shared by an institution and a partner', (d) => { rec(d.partners, 0).id = 'hosp-b'; }, { file: 'partners.json', id: 'hosp-b', field: 'id', message: /duplicate id \(also in institutions.json\)/ }],
  ['a country code that is not ISO alpha-3', (d) => { rec(d.links, 0).partner = 'XYZ'; }, { file: 'links.json', id: 'l-1', field: 'partner', message: /not an ISO 3166-1 alpha-3/ }],
  ['a two-letter country code', (d) => { rec(d.partners, 0).country = 'MY'; }, { file: 'partners.json', id: 'uni-m', field: 'country', message: /three capital letters/ }],
  ['Hong Kong as a foreign partner', (d) => { rec(d.links, 0).partner = 'HKG'; }, { file: 'links.json', id: 'l-1', field: 'partner', message: /Hong Kong is Chinese territory/ }],
  ['Taiwan as a partner institution\'s country', (d) => { rec(d.partners, 0).country = 'TWN'; }, { file: 'partners.json', id: 'uni-m', field: 'country', message: /Taiwan is Chinese territory/ }],
  ['swapped lon/lat (latitude out of range)', (d) => { rec(d.institutions, 0).coordinates = [30.274, 120.155]; }, { file: 'institutions.json', id: 'hosp-a', field: 'coordinates.1', message: /latitude must be within -90..90/ }],
  ['longitude out of range', (d) => { rec(d.partners, 2).coordinates = [200, 46]; }, { file: 'partners.json', id: 'who', field: 'coordinates.0', message: /longitude must be within/ }],
  ['a link without evidence', (d) => { rec(d.links, 0).evidence = []; }, { file: 'links.json', id: 'l-1', field: 'evidence', message: /needs a source and a locator/ }],
  ['a link without an evidence field at all', (d) => { delete rec(d.links, 0).evidence; }, { file: 'links.json', id: 'l-1', field: 'evidence', message: /expected array/i }],
  ['an empty locator', (d) => { rec(d.links, 0).evidence[0].locator = '  '; }, { file: 'links.json', id: 'l-1', field: 'evidence.0.locator', message: /must not be empty/ }],
  ['an unknown source', (d) => { rec(d.links, 0).evidence[0].source = 'src-z'; }, { file: 'links.json', id: 'l-1', field: 'evidence.0.source', message: /unknown source "src-z"/ }],
  ['a future date', (d) => { rec(d.links, 0).date = { precision: 'day', value: '2027-01-02' }; }, { file: 'links.json', id: 'l-1', field: 'date.value', message: /in the future/ }],
  ['a date that does not exist', (d) => { rec(d.links, 0).date = { precision: 'day', value: '2019-02-30' }; }, { file: 'links.json', id: 'l-1', field: 'date.value', message: /not a real calendar date/ }],
  ['a malformed date', (d) => { rec(d.links, 0).date = { precision: 'day', value: '6 Sept 2018' }; }, { file: 'links.json', id: 'l-1', field: 'date.value', message: /YYYY/ }],
  ['a precision that does not match the value', (d) => { rec(d.links, 0).date = { precision: 'year', value: '2018-09' }; }, { file: 'links.json', id: 'l-1', field: 'date.value', message: /year precision needs YYYY/ }],
  ['a date before the timeline without a reason', (d) => { rec(d.links, 0).date = { precision: 'year', value: '2009' }; }, { file: 'links.json', id: 'l-1', field: 'date', message: /outside 2015–2025/ }],
  ['a range that ends before it starts', (d) => { rec(d.links, 0).date = { precision: 'range', from: '2019', to: '2017' }; }, { file: 'links.json', id: 'l-1', field: 'date.from', message: /after/ }],
  ['an empty Chinese name', (d) => { rec(d.institutions, 1).name.zh = ''; }, { file: 'institutions.json', id: 'hosp-b', field: 'name.zh', message: /must not be empty/ }],
  ['a missing English name', (d) => { delete rec(d.partners, 1).name.en; }, { file: 'partners.json', id: 'group-19', field: 'name.en', message: /expected string/i }],
  ['an unknown link type', (d) => { rec(d.links, 0).types = ['friendship']; }, { file: 'links.json', id: 'l-1', field: 'types.0', message: /expected one of/i }],
  ['no link type', (d) => { rec(d.links, 0).types = []; }, { file: 'links.json', id: 'l-1', field: 'types', message: /at least one type/ }],
  ['a group count that is not a whole number', (d) => { rec(d.partners, 1).count = 2.5; }, { file: 'partners.json', id: 'group-19', field: 'count', message: /int/i }],
  ['an unknown field (a typo)', (d) => { rec(d.links, 0).sumary = 'typo'; }, { file: 'links.json', id: 'l-1', field: '', message: /unrecognized key/i }],
  ['an id with spaces and capitals', (d) => { rec(d.links, 0).id = 'Link One'; }, { file: 'links.json', id: 'Link One', field: 'id', message: /lowercase/ }],
  ['a link from an institution to itself', (d) => { rec(d.links, 3).partner = 'hosp-a'; }, { file: 'links.json', id: 'l-4', field: 'partner', message: /to itself/ }],
  ['a file that is not an array', (d) => { (d as Loose).links = { links: [] }; }, { file: 'links.json', id: '(file)', message: /JSON array/ }],
  ['a source without file or url', (d) => { delete rec(d.sources, 0).file; }, { file: 'sources.json', id: 'src-a', field: 'url', message: /seed file or a url/ }],
  ['a language that is not BCP 47', (d) => { rec(d.sources, 0).language = 'english!'; }, { file: 'sources.json', id: 'src-a', field: 'language', message: /BCP 47/ }],
  ['an unknown parent institution', (d) => { rec(d.institutions, 1).parent = 'no-such'; }, { file: 'institutions.json', id: 'hosp-b', field: 'parent', message: /unknown institution "no-such"/ }],
  ['a record that is not an object', (d) => { d.links.push('oops' as never); }, { file: 'links.json', id: '#4', message: /expected object/i }],
];

describe('validateDataset rejects bad input with a clear message', () => {
  it.each(BAD)('%s', (_name, mutate, expected) => {
    const problems = problemsFor(mutate);
    expect(problems.length).toBeGreaterThan(0);
    const { message, ...where } = expected;
    const match = problems.find((p) => Object.entries(where).every(([k, v]) => p[k as keyof Problem] === v) && message.test(p.message));
    expect(match, `got: ${problems.map(formatProblem).join(' | ')}`).toBeDefined();
  });

  it('has at least 20 distinct kinds of bad input', () => {
    expect(BAD.length).toBeGreaterThanOrEqual(20);
  });

  it('reports every problem, not only the first', () => {
    const problems = problemsFor((d) => {
      rec(d.links, 0).institution = 'nowhere';
      rec(d.links, 1).partner = 'XYZ';
    });
    expect(problems.map((p) => p.id).sort()).toEqual(['l-1', 'l-2']);
  });

  it('reports a schema problem and a reference problem in other records together', () => {
    const problems = problemsFor((d) => {
      rec(d.links, 0).date = { precision: 'day', value: '2019-02-30' };
      rec(d.links, 1).partner = 'HKG';
    });
    expect(problems.map((p) => `${p.id} ${p.field}`).sort()).toEqual(['l-1 date.value', 'l-2 partner']);
  });

  it('does not report a reference to a record that already failed its own check', () => {
    const problems = problemsFor((d) => {
      rec(d.institutions, 0).coordinates = [0, 200];
    });
    expect(problems.map((p) => `${p.file} ${p.id} ${p.field}`)).toEqual(['institutions.json hosp-a coordinates.1']);
  });

  it('keeps markup in a string as text rather than rejecting or stripping it', () => {
    const d = miniDataset();
    rec(d.links, 0).summary.en = '<b>bold</b> & <script>alert(1)</script>';
    const r = validateDataset(d, TODAY);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.dataset.links[0]?.summary.en).toBe('<b>bold</b> & <script>alert(1)</script>');
  });

  it('accepts a date outside the timeline when a reason is given', () => {
    const d = miniDataset();
    Object.assign(rec(d.links, 0), { date: { precision: 'year', value: '2009' }, outsideTimelineReason: { en: 'Context', zh: '背景' } });
    expect(validateDataset(d, TODAY).ok).toBe(true);
  });
});
