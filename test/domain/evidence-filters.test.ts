import { describe, expect, it } from 'vitest';
import { aggregate, countLinks, entityCount, summarize } from '../../src/domain/aggregate.ts';
import { buildFacets, filterMask, knownFilters, optionCounts } from '../../src/domain/facets.ts';
import { NO_FILTERS, toggleChosen, withChosen, type Filters } from '../../src/domain/filters.ts';
import { evidenceIndex } from '../fixtures/evidence-dataset.ts';

const index = evidenceIndex();
const facets = buildFacets(index);
const a = aggregate(index);
const f = (patch: Partial<Filters>): Filters => ({ ...NO_FILTERS, ...patch });
const ids = (mask: Uint8Array | null) => index.dataset.links.filter((_, i) => !mask || mask[i]).map((l) => l.id).sort();
// Every link is dated (but l-3), so the widest window's certain count is what the filters let through.
const ALL = { from: Number.NEGATIVE_INFINITY, to: 2025 };

describe('the status filter', () => {
  it('keeps links with any of the chosen statuses', () => {
    expect(ids(filterMask(facets, f({ status: ['agreed'] })))).toEqual(['l-1']);
    expect(ids(filterMask(facets, f({ status: ['active', 'ended'] })))).toEqual(['l-ended', 'l-tie']);
    expect(ids(filterMask(facets, f({ status: ['planned'] })))).toEqual(['l-planned']);
    expect(ids(filterMask(facets, f({ status: ['unknown'] })))).toEqual(['l-3']);
  });

  it('keeps the statuses in the order of a link\'s life, whatever order they were chosen in', () => {
    expect(withChosen(NO_FILTERS, 'status', ['ended', 'bogus', 'planned']).status).toEqual(['planned', 'ended']);
    expect(toggleChosen(f({ status: ['active'] }), 'status', 'agreed').status).toEqual(['agreed', 'active']);
  });
});

describe('the evidence filter', () => {
  it('keeps links confirmed by the partner side: a partner-side source of their own country or partner', () => {
    // l-3 is cited by a Kazakh ministry, but its partner is an unnamed group: not confirmed by its partner.
    expect(ids(filterMask(facets, f({ evidence: ['partner'] })))).toEqual(['l-1', 'l-2', 'l-tie']);
  });

  it('keeps stated links, and links with two or more independent sources', () => {
    expect(ids(filterMask(facets, f({ evidence: ['stated'] })))).not.toContain('l-tie');
    expect(ids(filterMask(facets, f({ evidence: ['stated'] })))).toHaveLength(index.dataset.links.length - 1);
    // l-ended cites two copies of one page: one independent source.
    expect(ids(filterMask(facets, f({ evidence: ['multi'] })))).toEqual(['l-1', 'l-2', 'l-tie']);
  });

  it('asks every chosen option to hold, not any one of them', () => {
    expect(ids(filterMask(facets, f({ evidence: ['partner', 'stated'] })))).toEqual(['l-1', 'l-2']);
    expect(ids(filterMask(facets, f({ evidence: ['partner', 'stated', 'multi'] })))).toEqual(['l-1', 'l-2']);
    expect(ids(filterMask(facets, f({ evidence: ['partner'], status: ['active'] })))).toEqual(['l-tie']);
  });

  it('counts each option as what adding it would leave, and the counts match the filtered totals', () => {
    for (const base of [NO_FILTERS, f({ evidence: ['partner'] }), f({ evidence: ['stated'], status: ['completed', 'agreed'] })]) {
      const counts = optionCounts(facets, base, a);
      for (const d of ['evidence', 'status'] as const) {
        for (const [i, key] of counts[d].keys.entries()) {
          const next = d === 'evidence' ? withChosen(base, d, [...base.evidence, key]) : withChosen(base, d, [key]);
          const expected = summarize(countLinks(a, filterMask(facets, next)), ALL).links;
          expect(entityCount(counts[d], i, ALL), `${JSON.stringify(base)} ${d}=${key}`).toBe(expected);
        }
      }
    }
  });

  it('keeps every option of both dimensions when the data is checked against the facets', () => {
    const chosen = f({ status: ['ended'], evidence: ['multi', 'stated'] });
    expect(knownFilters(chosen, facets)).toBe(chosen);
  });
});
