import { describe, expect, it } from 'vitest';
import { aggregate, entityCount, linksInWindow, pairCount, summarize, windowCounts, type Pair } from '../../src/domain/aggregate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { synthesize } from '../../src/domain/synth.ts';
import { knownYear } from '../../src/domain/dates.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function build(raw: ReturnType<typeof miniDataset>) {
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  return { index, a: aggregate(index) };
}

describe('aggregation into arcs', () => {
  it('groups links by (institution, partner) and counts them per window', () => {
    const raw = miniDataset();
    raw.links.push({ ...raw.links[0]!, id: 'l-5', date: { precision: 'year', value: '2020' } } as never);
    const { a } = build(raw);
    const pak = a.pairs.find((p) => p.partnerKey === 'PAK')!;
    expect(pak.links).toHaveLength(2);
    expect(pairCount(a, pak.index, { from: 2015, to: 2018, includeUndated: false })).toBe(1);
    expect(pairCount(a, pak.index, { from: 2015, to: 2025, includeUndated: false })).toBe(2);
    expect(pairCount(a, pak.index, { from: 2020, to: 2020, includeUndated: false })).toBe(1);
    expect(pairCount(a, pak.index, { from: 2019, to: 2019, includeUndated: false })).toBe(0);
  });

  it('never places an undated link on a year; includes it only when asked', () => {
    const { a } = build(miniDataset());
    const group = a.pairs.find((p) => p.partnerKey === 'group-19')!;
    expect(pairCount(a, group.index, { from: 2015, to: 2025, includeUndated: false })).toBe(0);
    expect(pairCount(a, group.index, { from: 2024, to: 2024, includeUndated: true })).toBe(1);
    expect(a.undatedByType.reduce((s, x) => s + x, 0)).toBe(1);
    expect(linksInWindow(a, group, { from: 2015, to: 2025, includeUndated: false })).toEqual([]);
  });

  it('keeps a domestic link apart and a worldwide group without a point', () => {
    const { a } = build(miniDataset());
    expect(a.pairs.find((p) => p.partnerKey === 'hosp-b')?.partnerKind).toBe('domestic');
    expect(a.pairs.find((p) => p.partnerKey === 'group-19')?.to).toBeUndefined();
  });

  it('matches a naive filter over synthetic links in every window', () => {
    const d = synthesize({ links: 3000, seed: 11 });
    const raw = { sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] };
    const { index, a } = build(raw as never);
    for (const w of [{ from: 2015, to: 2015 }, { from: 2015, to: 2019 }, { from: 2018, to: 2022 }, { from: 2025, to: 2025 }]) {
      for (const includeUndated of [false, true]) {
        const counts = windowCounts(a, { ...w, includeUndated });
        const naive = index.dataset.links.filter((l) => {
          const y = knownYear(l.date);
          return y === null ? includeUndated : y >= w.from && y <= w.to;
        }).length;
        expect(counts.reduce((s, x) => s + x, 0)).toBe(naive);
      }
    }
  });

  it('summarises links, countries and institutions in a window', () => {
    const { a } = build(miniDataset());
    expect(summarize(a, { from: 2015, to: 2025, includeUndated: false })).toEqual({ links: 3, countries: 2, institutions: 1 });
    expect(summarize(a, { from: 2015, to: 2019, includeUndated: false })).toEqual({ links: 1, countries: 1, institutions: 1 });
    expect(summarize(a, { from: 2019, to: 2019, includeUndated: true })).toEqual({ links: 1, countries: 0, institutions: 1 });
  });

  it('entity prefix sums agree with the pairs they add up, for every window', () => {
    const d = synthesize({ links: 2000, seed: 4 });
    const { a } = build({ sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] } as never);
    for (const w of [{ from: 2015, to: 2025, includeUndated: true }, { from: 2017, to: 2017, includeUndated: false }, { from: 2019, to: 2023, includeUndated: false }]) {
      const counts = windowCounts(a, w);
      for (const [e, keyOf] of [[a.byInstitution, (p: Pair) => p.institution], [a.byCountry, (p: Pair) => p.iso3], [a.byPartner, (p: Pair) => p.partnerKey]] as const) {
        const naive = new Map<string, number>();
        a.pairs.forEach((p) => { const k = keyOf(p); if (k) naive.set(k, (naive.get(k) ?? 0) + (counts[p.index] as number)); });
        for (const [k, n] of naive) expect(entityCount(e, e.indexOf.get(k)!, w), k).toBe(n);
      }
      expect(entityCount(a.byCountry, -1, w)).toBe(0);
    }
  });
});
