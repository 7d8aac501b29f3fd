import { describe, expect, it } from 'vitest';
import { shownTallies } from '../../src/map/window-tally.ts';
import { linksOfPair, tallyAll, type CodeCounts, type YearWindow } from '../../src/domain/aggregate.ts';
import { buildArcBuffers, STATIC_STRIDE } from '../../src/map/arc-buffer.ts';
import {
  ARC_COUNTS, ARC_STATIC, arcAppearTime, arcLook, DATA_TEXTURE_WIDTH, drawnCount, emptyArcCounts, GROW_MS, LONG_AGO, packArcStatic,
  packArcCounts, sameWindow, stepTimes, stillTimes, textureRows, type ArcCounts, type CountsHistory,
} from '../../src/map/arc-data.ts';
import { ARC_FRAGMENT_SHADER, ARC_VERTEX_SHADER } from '../../src/map/arc-shaders.ts';
import { arcWidth, arcWidthReference } from '../../src/map/scales.ts';
import { allWindows, mapFixture, otherOf, synthFixture } from './build.ts';

const { aggregates } = mapFixture();
const buffers = buildArcBuffers(aggregates.pairs, aggregates.pairs.map((p) => linksOfPair(aggregates, p.index).length));
const arcOf = (institution: string, partnerKey: string) =>
  buffers.arcOfPair[aggregates.pairs.find((p) => p.institution === institution && p.partnerKey === partnerKey)!.index]!;
const UP_TO = Number.NEGATIVE_INFINITY;
const win = (from: number, to: number, includeUndated = false, includePlanned = false): YearWindow => ({ from, to, includeUndated, includePlanned });
/** A step as the map takes it: the controller counts the pairs' tallies, the arc layer packs the arcs' counts. */
const step = (byPair: CodeCounts, pairOfArc: Int32Array, w: YearWindow, out: ArcCounts, history: CountsHistory): ArcCounts => {
  shownTallies(byPair, w, out.pairs);
  packArcCounts(out.pairs, pairOfArc, out.data, history);
  return out;
};
const counted = (w: YearWindow) => step(aggregates.byPair, buffers.pairOfArc, w, emptyArcCounts(aggregates.pairs.length, buffers.pairOfArc.length), 'keep');

describe('arc static texture', () => {
  const packed = packArcStatic(buffers);

  it('holds each arc slot\'s category, domestic flag and length, in draw order', () => {
    const chile = arcOf('hosp-a', 'CHL');
    expect(packed.data[chile * 4 + ARC_STATIC.category]).toBe(buffers.staticData[chile * STATIC_STRIDE]);
    expect(packed.data[chile * 4 + ARC_STATIC.domestic]).toBe(0);
    expect(packed.data[chile * 4 + ARC_STATIC.length]).toBeCloseTo(buffers.staticData[chile * STATIC_STRIDE + 2]!, 6);
    expect(packed.data[arcOf('hosp-a', 'hosp-b') * 4 + ARC_STATIC.domestic]).toBe(1);
  });

  it('is padded to whole rows, one texel an arc', () => {
    expect(packed.rows).toBe(1);
    expect(packed.data.length).toBe(DATA_TEXTURE_WIDTH * 4);
    expect(textureRows(DATA_TEXTURE_WIDTH)).toBe(1);
    expect(textureRows(DATA_TEXTURE_WIDTH + 1)).toBe(2);
    expect(textureRows(0)).toBe(1);
    // Arc 2048 starts the second row: the shader's (arc % 2048, arc / 2048).
    const arcs = DATA_TEXTURE_WIDTH + 10;
    const staticData = new Float32Array(arcs * STATIC_STRIDE);
    staticData[DATA_TEXTURE_WIDTH * STATIC_STRIDE + 2] = 0.25;
    const big = packArcStatic({ pairOfArc: new Int32Array(arcs), staticData });
    expect(big.rows).toBe(2);
    expect(big.data[DATA_TEXTURE_WIDTH * 4 + ARC_STATIC.length]).toBe(0.25);
  });
});

describe('arc counts', () => {
  it('are the pair\'s certain and other drawn links, as tallyAll counts them, for every arc and window', () => {
    for (const { aggregates: a, label } of [{ aggregates, label: 'mini' }, { ...synthFixture(4000, 3), label: 'synthetic' }]) {
      const b = a === aggregates ? buffers : buildArcBuffers(a.pairs, a.pairs.map((p) => linksOfPair(a, p.index).length));
      const out = emptyArcCounts(a.pairs.length, b.pairOfArc.length);
      let possibleOnly = 0;
      for (const w of allWindows()) {
        step(a.byPair, b.pairOfArc, w, out, 'rotate');
        const t = tallyAll(a.byPair, w);
        for (let arc = 0; arc < b.pairOfArc.length; arc++) {
          const p = b.pairOfArc[arc]!;
          const certain = t.certain[p]!, other = otherOf(t, p, w);
          const got = [out.data[arc * 4 + ARC_COUNTS.certain], out.data[arc * 4 + ARC_COUNTS.other]];
          if (got[0] !== certain || got[1] !== other) expect(got, `${label} arc ${arc} in ${JSON.stringify(w)}`).toEqual([certain, other]);
          // The shader's look: solid by the certain count, else possible by the others.
          const look = arcLook(out.data, arc);
          const want = certain > 0 ? { count: certain, possible: false } : { count: other, possible: other > 0 };
          if (look.count !== want.count || look.possible !== want.possible) expect(look, `${label} arc ${arc}`).toEqual(want);
          if (look.possible) possibleOnly++;
        }
        for (let p = 0; p < a.pairs.length; p++) {
          const want = t.certain[p]! > 0 ? t.certain[p] : otherOf(t, p, w);
          if (drawnCount(out.pairs, p) !== want) expect(drawnCount(out.pairs, p), `${label} pair ${p}`).toBe(want);
        }
      }
      expect(possibleOnly, label).toBeGreaterThan(0);
    }
  }, 60_000);

  it('draw an arc with links only possibly in the window as possible, and one with a certain link as solid', () => {
    const kaz = arcOf('hosp-b', 'KAZ'), pak = arcOf('hosp-a', 'PAK'), chl = arcOf('hosp-a', 'CHL');
    // hosp-b → KAZ: some time in 2016–2018.
    expect(arcLook(counted(win(2017, 2017)).data, kaz)).toEqual({ count: 1, possible: true });
    expect(arcLook(counted(win(2017, 2017, true)).data, kaz)).toEqual({ count: 2, possible: true }); // and one undated
    expect(arcLook(counted(win(UP_TO, 2018)).data, kaz)).toEqual({ count: 1, possible: false });
    expect(arcLook(counted(win(UP_TO, 2018, true)).data, kaz)).toEqual({ count: 1, possible: false }); // width by certain links only
    expect(arcLook(counted(win(2019, 2025)).data, kaz)).toEqual({ count: 0, possible: false });
    // hosp-a → PAK: 2018 and 2020, both certain.
    expect(arcLook(counted(win(2018, 2020)).data, pak)).toEqual({ count: 2, possible: false });
    // hosp-a → CHL: 2021, and planned for 2025 (drawn only with planned links included).
    expect(arcLook(counted(win(2025, 2025)).data, chl)).toEqual({ count: 0, possible: false });
    expect(arcLook(counted(win(2025, 2025, false, true)).data, chl)).toEqual({ count: 1, possible: true });
  });

  it('keep the two previous windows\' drawn counts, rotating at each step', () => {
    const kaz = arcOf('hosp-b', 'KAZ');
    const out = emptyArcCounts(aggregates.pairs.length, buffers.pairOfArc.length);
    const at = () => [...out.data.subarray(kaz * 4, kaz * 4 + 4)];
    step(aggregates.byPair, buffers.pairOfArc, win(2015, 2015), out, 'settle');
    expect(at()).toEqual([0, 0, 0, 0]);
    step(aggregates.byPair, buffers.pairOfArc, win(2016, 2016, true), out, 'rotate');
    expect(at()).toEqual([0, 2, 0, 0]);
    step(aggregates.byPair, buffers.pairOfArc, win(UP_TO, 2018), out, 'rotate');
    expect(at()).toEqual([1, 0, 2, 0]);
    step(aggregates.byPair, buffers.pairOfArc, win(2020, 2020), out, 'rotate');
    expect(at()).toEqual([0, 0, 1, 2]);
    // The same window under other counts: the history becomes the window shown.
    step(aggregates.byPair, buffers.pairOfArc, win(UP_TO, 2018), out, 'settle');
    expect(at()).toEqual([1, 0, 1, 1]);
    // Packed from the tallies as the arc layer packs them: settled, rotated, kept.
    shownTallies(aggregates.byPair, win(2016, 2016, true), out.pairs);
    packArcCounts(out.pairs, buffers.pairOfArc, out.data, 'settle');
    expect(at()).toEqual([0, 2, 2, 2]);
    shownTallies(aggregates.byPair, win(2020, 2020), out.pairs);
    packArcCounts(out.pairs, buffers.pairOfArc, out.data, 'rotate');
    expect(at()).toEqual([0, 0, 2, 2]);
    shownTallies(aggregates.byPair, win(UP_TO, 2018), out.pairs);
    packArcCounts(out.pairs, buffers.pairOfArc, out.data, 'keep');
    expect(at()).toEqual([1, 0, 2, 2]);
  });

  it('reuse their arrays from step to step', () => {
    const out = emptyArcCounts(aggregates.pairs.length, buffers.pairOfArc.length);
    const { data, pairs } = out;
    const { certain } = pairs;
    for (const w of allWindows().slice(0, 20)) step(aggregates.byPair, buffers.pairOfArc, w, out, 'rotate');
    expect(out.data).toBe(data);
    expect(out.pairs.certain).toBe(certain);
  });

  it('compare windows by value, toggles included', () => {
    expect(sameWindow(win(2015, 2019), win(2015, 2019))).toBe(true);
    expect(sameWindow(win(2015, 2019), win(2015, 2019, true))).toBe(false);
    expect(sameWindow(win(2015, 2019), win(2015, 2019, false, true))).toBe(false);
    expect(sameWindow(win(2015, 2019), { from: 2015, to: 2019, includeUndated: false })).toBe(true);
    expect(sameWindow(win(UP_TO, 2019), win(2015, 2019))).toBe(false);
  });
});

describe('grow-in history', () => {
  const chile = arcOf('hosp-a', 'CHL'), pak = arcOf('hosp-a', 'PAK'), kaz = arcOf('hosp-b', 'KAZ');
  const steps = (ws: YearWindow[], animate = true) => {
    const out = emptyArcCounts(aggregates.pairs.length, buffers.pairOfArc.length);
    const times = stillTimes();
    ws.forEach((w, i) => {
      step(aggregates.byPair, buffers.pairOfArc, w, out, i > 0 ? 'rotate' : 'keep');
      stepTimes(times, 5000 + 200 * (i - 1), i > 0 && animate);
    });
    return { data: out.data, times };
  };

  it('draws the first window and reduced-motion steps at once', () => {
    const first = steps([win(UP_TO, 2021)]);
    expect(first.times).toEqual({ changed: LONG_AGO, prevChanged: LONG_AGO });
    const still = steps([win(UP_TO, 2019), win(UP_TO, 2021)], false);
    expect(arcAppearTime(still.data, chile, still.times, 5001)).toBe(LONG_AGO);
  });

  it('grows in arcs that had nothing drawn in the previous window, from the time of the change', () => {
    const h = steps([win(UP_TO, 2020), win(UP_TO, 2021)]);
    expect(h.times.changed).toBe(5000);
    expect(arcAppearTime(h.data, chile, h.times, 5100)).toBe(5000); // 0 → 1 link
    expect(arcAppearTime(h.data, pak, h.times, 5100)).toBe(LONG_AGO); // had links already
    expect(arcAppearTime(h.data, chile, h.times, 5000 + GROW_MS)).toBe(LONG_AGO); // done
  });

  it('does not grow an arc whose possible links become certain: it was drawn already', () => {
    const h = steps([win(2017, 2017), win(UP_TO, 2018)]);
    expect(arcLook(h.data, kaz).possible).toBe(false);
    expect(arcAppearTime(h.data, kaz, h.times, 5100)).toBe(LONG_AGO);
    const appear = steps([win(2015, 2015), win(2017, 2017)]);
    expect(arcAppearTime(appear.data, kaz, appear.times, 5100)).toBe(5000); // a possible arc grows in too
  });

  it('lets an arc that appeared one quick step earlier finish growing', () => {
    const h = steps([win(UP_TO, 2020), win(UP_TO, 2021), win(UP_TO, 2022)]); // Chile appears at 5000, still there at 5200
    expect(arcAppearTime(h.data, chile, h.times, 5300)).toBe(5000);
    expect(arcAppearTime(h.data, chile, h.times, 5000 + GROW_MS + 1)).toBe(LONG_AGO);
  });
});

describe('arc shader', () => {
  it('computes the same width as arcWidth', () => {
    const expr = /float width = (.+);/.exec(ARC_VERTEX_SHADER)?.[1];
    expect(expr).toBeDefined();
    const width = new Function('count', 'u_width_ref', `const min = Math.min, sqrt = Math.sqrt; return ${expr};`) as (c: number, r: number) => number;
    for (const [count, max] of [[1, 1], [1, 400], [4, 4], [100, 400], [400, 400]] as const) {
      expect(width(count, arcWidthReference(max))).toBeCloseTo(arcWidth(count, max), 5);
    }
  });

  it('reads the counts and static data where arc-data.ts packs them, and picks the count as arcLook does', () => {
    expect(ARC_VERTEX_SHADER).toContain('ivec2 texel = ivec2(arc % TEX_W, arc / TEX_W);');
    expect(ARC_VERTEX_SHADER).toContain('float certain = counts.x;');
    expect(ARC_VERTEX_SHADER).toContain('float other = counts.y;');
    expect(ARC_VERTEX_SHADER).toContain('if (counts.z <= 0.0) appeared = u_changed;');
    expect(ARC_VERTEX_SHADER).toContain('counts.w <= 0.0) appeared = u_prev_changed;');
    expect(ARC_VERTEX_SHADER).toContain('bool possible = certain <= 0.0;');
    expect(ARC_VERTEX_SHADER).toContain('float count = possible ? other : certain;');
    expect(ARC_VERTEX_SHADER).toContain('int category = int(info.x + 0.5);');
    expect(ARC_VERTEX_SHADER).toContain('bool domestic = info.y > 0.5;');
    expect(ARC_VERTEX_SHADER).toContain('float lenPx = info.z * u_world_px;');
  });

  it('dashes and fades possible arcs in the fragment shader', () => {
    expect(ARC_FRAGMENT_SHADER).toMatch(/if \(!head && possible\) \{[^}]*mod\(v_along_px, v_dash\)/);
    expect(ARC_FRAGMENT_SHADER).toMatch(/float strength = possible \? 0\.6 \*/);
  });
});
