import { describe, expect, it } from 'vitest';
import { ARC_SEGMENTS, buildArcBuffers, type ArcBuffers } from '../../src/map/arc-buffer.ts';
import {
  BUNDLE_ABOVE_ARCS, BUNDLE_MAX_WORLD_PX, BUNDLE_TOLERANCE, BUNDLE_TOLERANCE_PX, bundleArcs, clusterPoints, foldBundleCounts, foldBundleHighlight,
  type ArcBundles,
} from '../../src/map/arc-bundles.ts';
import { ARC_COUNTS, ARC_STATIC, arcLook, emptyArcCounts, packArcStatic, stepArcCounts } from '../../src/map/arc-data.ts';
import { mercatorX, mercatorY } from '../../src/map/mercator.ts';
import { allWindows, mapFixture, synthFixture } from './build.ts';

const merc = ([lon, lat]: readonly [number, number]) => [mercatorX(lon), mercatorY(lat)] as const;

describe('clusterPoints', () => {
  it('puts every point within the radius of its centre, a point itself, the busiest first', () => {
    const r = BUNDLE_TOLERANCE;
    // A "city" of four points about 0.1° apart, one far away, and two just over the radius apart.
    const pts: [number, number][] = [[116.3, 39.9], [116.4, 39.95], [116.35, 39.85], [116.45, 39.9], [30, 0], [0, 0], [0.4, 0]];
    const weight = [1, 5, 1, 1, 1, 1, 1];
    const c = clusterPoints(pts, weight, r);
    expect(Array.from(c.slice(0, 4))).toEqual([1, 1, 1, 1]);
    expect(c[4]).toBe(4);
    expect(c[5]).not.toBe(c[6]);
    pts.forEach((p, i) => {
      const [x, y] = merc(p), [cx, cy] = merc(pts[c[i]!]!);
      expect(Math.hypot(x - cx, y - cy)).toBeLessThanOrEqual(r);
      expect(c[c[i]!]).toBe(c[i]);
    });
  });

  it('tolerates a pixel and a half at the widest zoom bundles are drawn', () => {
    expect(BUNDLE_TOLERANCE * BUNDLE_MAX_WORLD_PX).toBeCloseTo(BUNDLE_TOLERANCE_PX, 9);
  });
});

describe('bundleArcs', () => {
  const { aggregates } = synthFixture(6000, 5);
  const weight = aggregates.pairs.map((p) => p.links.length);
  const arcs = buildArcBuffers(aggregates.pairs, weight);
  const b = bundleArcs(aggregates.pairs, arcs, weight) as ArcBundles;
  const end = (buf: ArcBuffers, slot: number, which: 0 | 1) => {
    const i = (slot * (ARC_SEGMENTS + 1) + (which ? ARC_SEGMENTS : 0)) * 2;
    return [buf.samples[i]!, buf.samples[i + 1]!] as const;
  };
  // Arcs are unwrapped (x may leave 0–1): compare x modulo the world.
  const gap = (a: readonly [number, number], c: readonly [number, number]) => {
    const dx = Math.abs(a[0] - c[0]) % 1;
    return Math.hypot(Math.min(dx, 1 - dx), a[1] - c[1]);
  };

  it('is built only above a number of arcs (below it every arc is drawn as itself) and when it draws fewer', () => {
    expect(arcs.pairOfArc.length).toBeGreaterThan(BUNDLE_ABOVE_ARCS);
    expect(bundleArcs(aggregates.pairs, arcs, weight)).not.toBeNull();
    expect(bundleArcs(aggregates.pairs, arcs, weight, arcs.pairOfArc.length)).toBeNull();
    const mini = mapFixture().aggregates;
    const few = buildArcBuffers(mini.pairs, mini.pairs.map((p) => p.links.length));
    expect(bundleArcs(mini.pairs, few, mini.pairs.map((p) => p.links.length), 0)).toBeNull();
  });

  it('draws far fewer arcs than there are, each arc\'s ends within the tolerance of its bundle\'s', () => {
    expect(b.buffers.pairOfArc.length).toBeLessThan(arcs.pairOfArc.length / 3);
    let unbundled = 0;
    for (let a = 0; a < arcs.pairOfArc.length; a++) {
      const s = b.slotOfArc[a]!;
      if (s < 0) {
        // A bundle whose two ends are one place: its arcs are at most two tolerances long.
        unbundled++;
        expect(gap(end(arcs, a, 0), end(arcs, a, 1))).toBeLessThanOrEqual(2 * BUNDLE_TOLERANCE + 1e-12);
        continue;
      }
      expect(gap(end(arcs, a, 0), end(b.buffers, s, 0))).toBeLessThanOrEqual(BUNDLE_TOLERANCE + 1e-12);
      expect(gap(end(arcs, a, 1), end(b.buffers, s, 1))).toBeLessThanOrEqual(BUNDLE_TOLERANCE + 1e-12);
    }
    expect(unbundled).toBeLessThan(arcs.pairOfArc.length / 100);
  });

  it('never bundles a domestic arc with a foreign one', () => {
    const staticOf = packArcStatic(arcs).data;
    for (let a = 0; a < arcs.pairOfArc.length; a++) {
      const s = b.slotOfArc[a]!;
      if (s >= 0) expect(b.statics.data[s * 4 + ARC_STATIC.domestic]).toBe(staticOf[a * 4 + ARC_STATIC.domestic]);
    }
  });

  it('in every window, draws a bundle exactly when it has a member drawn, as its widest member, in that member\'s colour', () => {
    const counts = emptyArcCounts(aggregates.pairs.length, arcs.pairOfArc.length);
    const statics = packArcStatic(arcs).data;
    const out = new Float32Array(b.statics.data.length);
    const slots = b.buffers.pairOfArc.length;
    const none = new Uint8Array(arcs.pairOfArc.length), noBundle = new Uint8Array(slots);
    const windows = allWindows();
    for (const w of windows.filter((_, i) => i % 7 === 0)) {
      stepArcCounts(aggregates.byPair, arcs.pairOfArc, w, counts, false);
      foldBundleCounts(counts.data, statics, none, noBundle, b, out);
      const best = Array.from({ length: slots }, () => ({ certain: 0, other: 0, count: 0, categories: new Set<number>() }));
      for (let a = 0; a < arcs.pairOfArc.length; a++) {
        const s = b.slotOfArc[a]!;
        if (s < 0) continue;
        const look = arcLook(counts.data, a);
        if (look.count === 0) continue;
        const m = best[s]!;
        const certain = counts.data[a * 4 + ARC_COUNTS.certain]!;
        const rank = (c: number, n: number) => (c > 0 ? 1e9 + c : n);
        if (rank(certain, look.count) > rank(m.certain, m.count)) Object.assign(m, { certain, other: counts.data[a * 4 + ARC_COUNTS.other]!, count: look.count, categories: new Set([statics[a * 4]!]) });
        else if (rank(certain, look.count) === rank(m.certain, m.count)) m.categories.add(statics[a * 4]!);
      }
      for (let s = 0; s < slots; s++) {
        const look = arcLook(out, s), m = best[s]!;
        expect(look.count).toBe(m.count);
        if (m.count > 0) {
          expect(look.possible).toBe(m.certain === 0);
          expect(m.categories.has(b.statics.data[s * 4 + ARC_STATIC.category]!)).toBe(true);
        }
      }
    }
  });
});

describe('foldBundleCounts and foldBundleHighlight', () => {
  // Five arcs in draw order; arcs 0–2 in bundle slot 0, 3–4 in slot 1.
  const bundles = {
    slotOfArc: Int32Array.from([0, 0, 0, 1, 1]),
    buffers: { pairOfArc: new Int32Array(2) },
    statics: { data: new Float32Array(8), rows: 1 },
  } as unknown as ArcBundles;
  const arcData = (rows: [number, number, number, number][]) => Float32Array.from(rows.flat());
  const statics = arcData([[1, 0, 0.1, 0], [2, 0, 0.1, 0], [3, 0, 0.1, 0], [4, 0, 0.1, 0], [5, 0, 0.1, 0]]);

  it('takes the widest member (certain before possible), its colour, and the largest earlier counts', () => {
    const out = new Float32Array(8);
    foldBundleCounts(arcData([[0, 3, 0, 1], [2, 0, 4, 0], [5, 1, 0, 0], [0, 2, 0, 0], [0, 4, 1, 0]]), statics, new Uint8Array(5), new Uint8Array(2), bundles, out);
    expect(Array.from(out.slice(0, 4))).toEqual([5, 1, 4, 1]);
    expect(bundles.statics.data[0]).toBe(3);
    expect(Array.from(out.slice(4, 8))).toEqual([0, 4, 1, 0]);
    expect(bundles.statics.data[4]).toBe(5);
    // A tie goes to the earlier arc (more links in all); nothing drawn: zero.
    foldBundleCounts(arcData([[2, 0, 0, 0], [2, 5, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]]), statics, new Uint8Array(5), new Uint8Array(2), bundles, out);
    expect(Array.from(out.slice(0, 2))).toEqual([2, 0]);
    expect(bundles.statics.data[0]).toBe(1);
    expect(Array.from(out.slice(4, 8))).toEqual([0, 0, 0, 0]);
  });

  it('highlights a bundle when any member is highlighted, and draws it as its widest highlighted member', () => {
    const highlight = Uint8Array.from([0, 255, 0, 255, 0]);
    const bundleHighlight = new Uint8Array(4).fill(7);
    foldBundleHighlight(highlight, bundles, bundleHighlight);
    expect(Array.from(bundleHighlight)).toEqual([255, 255, 0, 0]);
    const out = new Float32Array(8);
    foldBundleCounts(arcData([[0, 3, 0, 1], [2, 0, 4, 0], [5, 1, 0, 0], [0, 2, 0, 0], [0, 4, 1, 0]]), statics, highlight, bundleHighlight, bundles, out);
    // Slot 0: arc 1 (2 certain), not the wider arc 2; slot 1: arc 3 (2 possible), not arc 4 (4 possible).
    expect(Array.from(out)).toEqual([2, 0, 4, 1, 0, 2, 1, 0]);
    expect(bundles.statics.data[0]).toBe(2);
    expect(bundles.statics.data[4]).toBe(4);
  });
});
