import { describe, expect, it } from 'vitest';
import {
  evidenceOptions, evidenceStrength, evidenceSummary, independentCount, originalOf, sideForLink, strengthRank,
} from '../../src/domain/evidence-strength.ts';
import { evidenceIndex } from '../fixtures/evidence-dataset.ts';

const index = evidenceIndex();
const link = (id: string) => index.dataset.links.find((l) => l.id === id)!;
const strength = (id: string) => evidenceStrength(index, link(id));

describe('independent sources', () => {
  it('count a copy and what it copies once, along a chain of copies', () => {
    expect(originalOf('src-copy-2', index.sources)).toBe('src-pak-gov');
    expect(originalOf('src-a', index.sources)).toBe('src-a');
    // src-a, src-pak-gov and its copy: three documents, two independent.
    expect(strength('l-1')).toMatchObject({ sources: 3, independent: 2 });
    // Two copies of one original (neither cited with it) are one voice.
    expect(strength('l-ended')).toMatchObject({ sources: 2, independent: 1 });
    expect(strength('l-tie')).toMatchObject({ sources: 2, independent: 2 });
  });

  it('stop at a loop of copies rather than running forever', () => {
    const loop = new Map([['a', { copyOf: 'b' }], ['b', { copyOf: 'a' }], ['c', {}]]);
    expect(independentCount(['a', 'b'], loop)).toBe(1);
    expect(independentCount(['a', 'b', 'c'], loop)).toBe(2);
  });
});

describe('sides', () => {
  it('count a partner-side source for its own country or partner only', () => {
    const pak = { key: 'PAK', iso3: 'PAK' };
    expect(sideForLink({ side: 'partner', country: 'PAK' }, pak)).toBe('partner');
    expect(sideForLink({ side: 'partner', country: 'KAZ' }, pak)).toBe('third-party');
    expect(sideForLink({ side: 'partner', partner: 'uni-m' }, { key: 'uni-m', iso3: 'MYS' })).toBe('partner');
    expect(sideForLink({ side: 'partner', partner: 'uni-x' }, { key: 'uni-m', iso3: 'MYS' })).toBe('third-party');
    expect(sideForLink({ side: 'chinese' }, pak)).toBe('chinese');
    expect(sideForLink({ side: 'third-party' }, pak)).toBe('third-party');
  });

  it('list the sides confirming each link', () => {
    expect(strength('l-1').sides).toEqual(['chinese', 'partner', 'third-party']);
    // A partner institution's own site confirms it; a country-level source of its country would too.
    expect(strength('l-2').sides).toEqual(['chinese', 'partner']);
    // The Kazakh ministry speaks for Kazakhstan: on a link to an unnamed group it is a third party…
    expect(strength('l-3').sides).toEqual(['third-party']);
    // …and on a link to Kazakhstan it is the partner side.
    expect(strength('l-tie').sides).toEqual(['partner', 'third-party']);
    // A copy has the side it was given, not its original's.
    expect(strength('l-ended').sides).toEqual(['third-party']);
  });
});

describe('stated or inferred, and precision', () => {
  it('carry the reason of an inferred tie', () => {
    expect(strength('l-tie').inferred?.en).toContain('a Chinese hospital');
    expect(strength('l-1').inferred).toBeNull();
  });

  it('name the date precision, "before" as "by"', () => {
    expect(strength('l-1').datePrecision).toBe('day');
    expect(strength('l-2').datePrecision).toBe('year');
    expect(strength('l-3').datePrecision).toBe('unknown');
    expect(strength('l-ended').datePrecision).toBe('range');
    expect(strength('l-planned').datePrecision).toBe('by');
  });

  it('give the place precision of both ends', () => {
    expect(strength('l-1')).toMatchObject({ institutionPlace: 'city', partnerPlace: 'country-anchor' });
    expect(strength('l-2').partnerPlace).toBe('city');
    expect(strength('l-3').partnerPlace).toBe('none');
    expect(strength('l-planned').partnerPlace).toBe('site');
    // A domestic link ends at a Chinese place, at that place's own precision.
    expect(strength('l-4').partnerPlace).toBe('city');
  });
});

describe('filter options and rank', () => {
  it('meet partner, stated and multi as the data says', () => {
    expect(evidenceOptions(strength('l-1'))).toEqual(['partner', 'stated', 'multi']);
    expect(evidenceOptions(strength('l-3'))).toEqual(['stated']);
    expect(evidenceOptions(strength('l-tie'))).toEqual(['partner', 'multi']);
    expect(evidenceOptions(strength('l-ended'))).toEqual(['stated']);
  });

  it('rank inferred below stated, then partner confirmation, then independent sources', () => {
    const r = (id: string) => strengthRank(strength(id));
    expect(r('l-tie')).toBeLessThan(r('l-3'));
    expect(r('l-3')).toBeLessThan(r('l-2'));
    expect(r('l-2')).toBeLessThan(r('l-1'));
  });
});

describe('the summary "About the data" states', () => {
  it('counts links by status and by evidence', () => {
    expect(evidenceSummary(index)).toEqual({
      links: 7,
      byStatus: { planned: 1, agreed: 1, active: 1, completed: 2, ended: 1, unknown: 1 },
      partner: 3, multi: 3, inferred: 1,
    });
  });
});
