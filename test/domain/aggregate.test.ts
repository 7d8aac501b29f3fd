import { describe, expect, it } from 'vitest';
import { aggregate, linksInWindow, pairCount, summarize, windowCounts } from '../../src/domain/aggregate.ts';
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
    const { index, a } = build(miniDataset());
    const counts = windowCounts(a, { from: 2015, to: 2025, includeUndated: false });
    const s = summarize(a, counts, (p) => index.partnerOf(index.dataset.links[p.links[0]!]!).iso3);
    expect(s).toEqual({ links: 3, arcs: 3, countries: 2, institutions: 1 });
  });
});
