import { describe, expect, it } from 'vitest';
import { linksOfPair } from '../../src/domain/aggregate.ts';
import { ARC_SEGMENTS, buildArcBuffers, type ArcBuffers } from '../../src/map/arc-buffer.ts';
import {
  BUNDLE_ABOVE_ARCS, BUNDLE_MAX_WORLD_PX, BUNDLE_TOLERANCE, BUNDLE_TOLERANCE_PX, bundleArcs, clusterPoints, foldBundles,
  type ArcBundles,
} from '../../src/map/arc-bundles.ts';
import { ARC_COUNTS, ARC_STATIC, arcLook, emptyArcCounts, packArcCounts, packArcStatic } from '../../src/map/arc-data.ts';
import { shownTallies, type ShownTallies } from '../../src/map/window-tally.ts';
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
  const weight = aggregates.pairs.map((p) => linksOfPair(aggregates, p.index).length);
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
    const few = buildArcBuffers(mini.pairs, mini.pairs.map((p) => linksOfPair(mini, p.index).length));
    expect(bundleArcs(mini.pairs, few, mini.pairs.map((p) => linksOfPair(mini, p.index).length), 0)).toBeNull();
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
      shownTallies(aggregates.byPair, w, counts.pairs);
      packArcCounts(counts.pairs, arcs.pairOfArc, counts.data, 'keep');
      foldBundles(counts.pairs, arcs.pairOfArc, statics, none, b, out, noBundle, 'settle');
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

describe('foldBundles', () => {
  // Five arcs in draw order, arc a drawn from pair a; arcs 0–2 in bundle slot 0, 3–4 in slot 1.
  const bundles = () => ({
    slotOfArc: Int32Array.from([0, 0, 0, 1, 1]),
    buffers: { pairOfArc: new Int32Array(2) },
    statics: { data: new Float32Array(8), rows: 1 },
    memberStart: Uint32Array.from([0, 3, 5]),
    members: Uint32Array.from([0, 1, 2, 3, 4]),
  }) as unknown as ArcBundles;
  const pairOfArc = Int32Array.from([0, 1, 2, 3, 4]);
  const tallies = (rows: [number, number][]): ShownTallies => ({ certain: Uint32Array.from(rows.map((r) => r[0])), other: Uint32Array.from(rows.map((r) => r[1])) });
  const statics = Float32Array.from([[1, 0, 0.1, 0], [2, 0, 0.1, 0], [3, 0, 0.1, 0], [4, 0, 0.1, 0], [5, 0, 0.1, 0]].flat());
  const none = new Uint8Array(5);

  it('takes the widest member (certain before possible) and its colour', () => {
    const b = bundles(), out = new Float32Array(8), hl = new Uint8Array(2);
    const changed = foldBundles(tallies([[0, 3], [2, 0], [5, 1], [0, 2], [0, 4]]), pairOfArc, statics, none, b, out, hl, 'settle');
    expect(Array.from(out)).toEqual([5, 1, 6, 6, 0, 4, 4, 4]);
    expect([b.statics.data[0], b.statics.data[4]]).toEqual([3, 5]);
    expect(changed).toEqual({ statics: true, highlight: false });
    // A tie goes to the earlier arc (more links in all); nothing drawn: zero, the colour kept.
    foldBundles(tallies([[2, 0], [2, 5], [0, 0], [0, 0], [0, 0]]), pairOfArc, statics, none, b, out, hl, 'settle');
    expect(Array.from(out)).toEqual([2, 0, 2, 2, 0, 0, 0, 0]);
    expect([b.statics.data[0], b.statics.data[4]]).toEqual([1, 5]);
    // The same again: nothing to upload but the counts.
    expect(foldBundles(tallies([[2, 0], [2, 5], [0, 0], [0, 0], [0, 0]]), pairOfArc, statics, none, b, out, hl, 'settle')).toEqual({ statics: false, highlight: false });
    // No highlight given (null, what the layer passes when nothing is highlighted) folds as no byte set does.
    const b2 = bundles(), out2 = new Float32Array(8), hl2 = new Uint8Array(2);
    foldBundles(tallies([[0, 3], [2, 0], [5, 1], [0, 2], [0, 4]]), pairOfArc, statics, null, b2, out2, hl2, 'settle');
    expect(Array.from(out2)).toEqual([5, 1, 6, 6, 0, 4, 4, 4]);
    expect(Array.from(hl2)).toEqual([0, 0]);
  });

  it('keeps each bundle\'s own drawn counts as its history, so only a bundle with nothing drawn before grows in', () => {
    const b = bundles(), out = new Float32Array(8), hl = new Uint8Array(2);
    foldBundles(tallies([[0, 0], [0, 0], [0, 0], [1, 0], [0, 0]]), pairOfArc, statics, none, b, out, hl, 'settle');
    foldBundles(tallies([[3, 0], [0, 0], [0, 0], [0, 0], [0, 2]]), pairOfArc, statics, none, b, out, hl, 'rotate');
    // Slot 0 had nothing drawn (grows in); slot 1 had arc 3, now arc 4 (drawn before: does not).
    expect(Array.from(out)).toEqual([3, 0, 0, 0, 0, 2, 1, 1]);
    foldBundles(tallies([[4, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), pairOfArc, statics, none, b, out, hl, 'rotate');
    expect(Array.from(out)).toEqual([4, 0, 3, 0, 0, 0, 2, 1]);
    // "keep" (a highlight change) leaves the history as it is.
    foldBundles(tallies([[5, 0], [0, 0], [0, 0], [0, 0], [0, 0]]), pairOfArc, statics, none, b, out, hl, 'keep');
    expect(Array.from(out)).toEqual([5, 0, 3, 0, 0, 0, 2, 1]);
  });

  it('highlights a bundle whose highlighted member is drawn, as that member; with it not drawn, as the others, not highlighted', () => {
    const b = bundles(), out = new Float32Array(8), hl = new Uint8Array(2).fill(7);
    const highlight = Uint8Array.from([0, 255, 0, 255, 0]);
    const changed = foldBundles(tallies([[0, 3], [2, 0], [5, 1], [0, 2], [0, 4]]), pairOfArc, statics, highlight, b, out, hl, 'settle');
    // Slot 0: arc 1 (2 certain), not the wider arc 2; slot 1: arc 3 (2 possible), not arc 4 (4 possible).
    expect(Array.from(out)).toEqual([2, 0, 2, 2, 0, 2, 2, 2]);
    expect(Array.from(hl)).toEqual([255, 255]);
    expect([b.statics.data[0], b.statics.data[4]]).toEqual([2, 4]);
    expect(changed.highlight).toBe(true);
    // Arc 3 has nothing in this window: slot 1 is drawn as arc 4, faded like any arc not highlighted.
    foldBundles(tallies([[0, 3], [2, 0], [5, 1], [0, 0], [0, 4]]), pairOfArc, statics, highlight, b, out, hl, 'settle');
    expect(Array.from(out.slice(4))).toEqual([0, 4, 4, 4]);
    expect(Array.from(hl)).toEqual([255, 0]);
    expect(b.statics.data[4]).toBe(5);
  });
});
