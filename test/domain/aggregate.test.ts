import { describe, expect, it } from 'vitest';
import { aggregate, codeTable, linksOfPair, entityCount, entityTally, linkPresence, linksInWindow, pairCount, pairTally, summarize, windowCounts, yearHistogram, YEARS, LINK_TYPES, type Pair, type YearWindow } from '../../src/domain/aggregate.ts';
import { isUndated, linkSpan, presence } from '../../src/domain/link-time.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { synthesize } from '../../src/domain/synth.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function build(raw: ReturnType<typeof miniDataset>) {
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  return { index, a: aggregate(index) };
}

const UPTO = Number.NEGATIVE_INFINITY;
const win = (from: number, to: number, extra: Partial<YearWindow> = {}): YearWindow => ({ from, to, includeUndated: false, ...extra });

describe('aggregation into arcs', () => {
  it('groups links by (institution, partner) and counts them per window', () => {
    const raw = miniDataset();
    raw.links.push({ ...raw.links[0]!, id: 'l-5', date: { precision: 'year', value: '2020' } } as never);
    const { a } = build(raw);
    const pak = a.pairs.find((p) => p.partnerKey === 'PAK')!;
    expect(Array.from(linksOfPair(a, pak.index), (li) => raw.links[li]!.id)).toEqual(['l-1', 'l-5']);
    expect(pairCount(a, pak.index, win(UPTO, 2018))).toBe(1);
    expect(pairCount(a, pak.index, win(UPTO, 2025))).toBe(2);
    expect(pairCount(a, pak.index, win(2020, 2020))).toBe(1);
    expect(pairCount(a, pak.index, win(2019, 2019))).toBe(0);
  });

  it('never places an undated link on a year or in a count; draws it only when asked', () => {
    const { a } = build(miniDataset());
    const group = a.pairs.find((p) => p.partnerKey === 'group-19')!;
    expect(pairCount(a, group.index, win(UPTO, 2025))).toBe(0);
    expect(pairCount(a, group.index, win(2024, 2024, { includeUndated: true }))).toBe(1);
    expect(pairTally(a, group.index, win(2024, 2024))).toEqual({ certain: 0, possible: 0, undated: 1, planned: 0 });
    const h = yearHistogram(a);
    expect(h.undatedByType.reduce((s, x) => s + x, 0)).toBe(1);
    expect(h.certain.reduce((s, x) => s + x, 0) + h.possible.reduce((s, x) => s + x, 0)).toBe(3);
    expect(linksInWindow(a, group, win(UPTO, 2025))).toEqual([]);
  });

  it('keeps a domestic link apart and a worldwide group without a point', () => {
    const { a } = build(miniDataset());
    expect(a.pairs.find((p) => p.partnerKey === 'hosp-b')?.partnerKind).toBe('domestic');
    expect(a.pairs.find((p) => p.partnerKey === 'group-19')?.to).toBeUndefined();
  });

  it('counts certain, possible, undated and planned links exactly as the per-link rule does, in every window', () => {
    const d = synthesize({ links: 3000, seed: 11 });
    const raw = { sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] };
    const { index, a } = build(raw as never);
    const windows = [win(UPTO, 2015), win(UPTO, 2019), win(UPTO, 2025), win(2015, 2015), win(2019, 2019), win(2025, 2025), win(2015, 2019), win(2018, 2022)];
    for (const w of windows) {
      const naive = { certain: 0, possible: 0, undated: 0, planned: 0 };
      index.dataset.links.forEach((l) => {
        const s = linkSpan(l);
        const p = presence(s, w);
        if (l.status === 'planned') { if (p !== 'outside' || isUndated(s)) naive.planned++; }
        else if (isUndated(s)) naive.undated++;
        else if (p !== 'outside') naive[p]++;
      });
      expect(entityTally(a.total, 0, w), JSON.stringify([w.from, w.to])).toEqual(naive);
      for (const includeUndated of [false, true]) {
        for (const includePlanned of [false, true]) {
          const shown = windowCounts(a, { ...w, includeUndated, includePlanned }).reduce((s, x) => s + x, 0);
          expect(shown).toBe(naive.certain + naive.possible + (includeUndated ? naive.undated : 0) + (includePlanned ? naive.planned : 0));
        }
      }
    }
  });

  it('summarises links (certain), the possible, undated and planned apart, and countries and institutions with certain links', () => {
    const { a } = build(miniDataset());
    expect(summarize(a, win(UPTO, 2025))).toEqual({ links: 3, possible: 0, undated: 1, planned: 0, countries: 2, institutions: 1 });
    expect(summarize(a, win(UPTO, 2019))).toEqual({ links: 1, possible: 0, undated: 1, planned: 0, countries: 1, institutions: 1 });
    expect(summarize(a, win(2019, 2019))).toEqual({ links: 0, possible: 0, undated: 1, planned: 0, countries: 0, institutions: 0 });
  });

  it('entity tallies agree with the pairs they add up, for every window', () => {
    const d = synthesize({ links: 2000, seed: 4 });
    const { a } = build({ sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] } as never);
    for (const w of [win(UPTO, 2025, { includeUndated: true }), win(2017, 2017), win(2019, 2023), win(UPTO, 2016)]) {
      for (const [e, keyOf] of [[a.byInstitution, (p: Pair) => p.institution], [a.byCountry, (p: Pair) => p.iso3], [a.byPartner, (p: Pair) => p.partnerKey]] as const) {
        const naive = new Map<string, number>();
        a.pairs.forEach((p) => { const k = keyOf(p); if (k) naive.set(k, (naive.get(k) ?? 0) + pairTally(a, p.index, w).certain); });
        for (const [k, n] of naive) expect(entityCount(e, e.indexOf.get(k)!, w), k).toBe(n);
      }
      expect(entityCount(a.byCountry, -1, w)).toBe(0);
    }
  });

  it('puts a range event in no year of its own but possibly in each, and a tie since 2019 in every year from 2019', () => {
    const raw = miniDataset();
    raw.links.push(
      { ...raw.links[1]!, id: 'l-range', date: { precision: 'range', from: '2021-07', to: '2023-08' } } as never,
      { ...raw.links[1]!, id: 'l-tie', kind: 'tie', status: 'active', date: { precision: 'year', value: '2019' }, ongoingAsOf: { date: '2023-02-25', source: 'src-a' } } as never,
      { ...raw.links[1]!, id: 'l-plan', status: 'planned', date: { precision: 'year', value: '2024' } } as never,
    );
    const { index, a } = build(raw);
    const at = (id: string) => index.dataset.links.findIndex((l) => l.id === id);
    expect([2020, 2021, 2022, 2023, 2024].map((y) => linkPresence(a, at('l-range'), win(y, y)))).toEqual(['outside', 'possible', 'possible', 'possible', 'outside']);
    expect(linkPresence(a, at('l-range'), win(UPTO, 2022))).toBe('possible');
    expect(linkPresence(a, at('l-range'), win(UPTO, 2023))).toBe('certain');
    expect(linkPresence(a, at('l-range'), win(2021, 2023))).toBe('certain');
    expect([2018, 2019, 2023, 2024].map((y) => linkPresence(a, at('l-tie'), win(y, y)))).toEqual(['outside', 'certain', 'certain', 'possible']);
    expect(linkPresence(a, at('l-plan'), win(UPTO, 2025))).toBe('planned');
    // The bars: 2019 holds the tie (certain), 2022 the range possibly; a planned link is in no bar.
    const h = yearHistogram(a);
    const certainIn = (y: number) => LINK_TYPES.reduce((s, _, t) => s + (h.certain[YEARS.indexOf(y) * LINK_TYPES.length + t] as number), 0);
    expect(certainIn(2019)).toBe(1);
    expect(h.possible[YEARS.indexOf(2022)]).toBe(1);
    expect(summarize(a, win(UPTO, 2025)).planned).toBe(1);
    expect(summarize(a, win(UPTO, 2025)).links).toBe(5);
  });
});

describe("a pair's links", () => {
  it('are every link once, each under its own pair, in dataset order', () => {
    const d = synthesize({ links: 3000, seed: 5 });
    const { a } = build({ sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] } as never);
    const seen = new Uint8Array(3000);
    for (const p of a.pairs) {
      const links = Array.from(linksOfPair(a, p.index));
      expect(links).toEqual([...links].sort((x, y) => x - y));
      for (const li of links) {
        expect(a.pairOfLink[li]).toBe(p.index);
        seen[li]! += 1;
      }
    }
    expect(seen.every((n) => n === 1)).toBe(true);
  });
});

describe('the pairs, kept as columns', () => {
  it("are read back as their links state them: institution, partner, places and commonest type", () => {
    const d = synthesize({ links: 3000, seed: 7 });
    const { a, index } = build({ sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] } as never);
    const links = index.dataset.links;
    expect(a.pairs.length).toBeGreaterThan(50);
    a.pairs.forEach((p, i) => {
      expect(p.index).toBe(i);
      const own = Array.from(linksOfPair(a, i), (li) => links[li]!);
      expect(own.length).toBeGreaterThan(0);
      const partner = index.partnerOf(own[0]!);
      expect(p.institution).toBe(own[0]!.institution);
      expect(p.partnerKey).toBe(partner.key);
      expect(p.partnerKind).toBe(partner.kind);
      expect(p.from).toEqual(index.institutionOf(own[0]!).coordinates);
      expect(p.to).toEqual(partner.point);
      expect(p.iso3).toBe(partner.iso3);
      const tally = LINK_TYPES.map((t) => own.filter((l) => (l.types[0] ?? 'agreement') === t).length);
      expect(p.dominantType).toBe(LINK_TYPES[tally.indexOf(Math.max(...tally))]);
    });
  });

  it('are made when read: equal each time, never written to', () => {
    const { a } = build(miniDataset());
    const first = a.pairs[0]!;
    expect(a.pairs[0]).toEqual(first);
    expect(a.pairs[0]).not.toBe(first);
    expect(() => { (a.pairs as Pair[])[0] = first; }).toThrow(TypeError);
    expect(a.pairs[a.pairs.length]).toBeUndefined();
    expect([...a.pairs].map((p) => p.index)).toEqual(Array.from({ length: a.pairs.length }, (_, i) => i));
  });
});

describe('codeTable', () => {
  /** The counts per key and code, worked out the plain way. */
  function naive(keyOf: number[], codeOf: number[], weight: number[] | null, included: Uint8Array | null): Map<string, number> {
    const out = new Map<string, number>();
    keyOf.forEach((k, i) => {
      if (k < 0 || (included && !included[i]) || (weight && !weight[i])) return;
      out.set(`${k}:${codeOf[i]}`, (out.get(`${k}:${codeOf[i]}`) ?? 0) + (weight ? weight[i]! : 1));
    });
    return out;
  }
  const asMap = (t: ReturnType<typeof codeTable>) => {
    const out = new Map<string, number>();
    for (let k = 0; k < t.size; k++) {
      let last = -1;
      for (let j = t.offsets[k]!; j < t.offsets[k + 1]!; j++) {
        expect(t.code[j]!).toBeGreaterThan(last); // ascending codes within a key
        last = t.code[j]!;
        out.set(`${k}:${t.code[j]}`, t.count[j]!);
      }
    }
    return out;
  };

  it('counts the same whether its layout is dense (few keys × codes) or grouped (many)', () => {
    let seed = 7;
    const rand = (m: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % m;
    for (const [n, K] of [[50, 40], [6000, 900]] as const) {
      const items = 20_000;
      const keyOf = Array.from({ length: items }, () => rand(n + 3) - 3); // some -1…-3: no key
      const codeOf = Array.from({ length: items }, () => rand(K));
      const weight = Array.from({ length: items }, () => rand(4)); // some 0: not counted
      const included = Uint8Array.from({ length: items }, () => (rand(5) ? 1 : 0));
      const codes = Uint32Array.from({ length: K }, (_, i) => i);
      const t = codeTable(n, codes, keyOf, codeOf, weight, included);
      expect(asMap(t)).toEqual(naive(keyOf, codeOf, weight, included));
      expect(asMap(codeTable(n, codes, keyOf, codeOf, null, null))).toEqual(naive(keyOf, codeOf, null, null));
    }
  });
});
