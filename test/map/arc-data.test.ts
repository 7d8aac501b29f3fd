import { describe, expect, it } from 'vitest';
import { pairCount } from '../../src/domain/aggregate.ts';
import { buildArcBuffers, STATIC_STRIDE } from '../../src/map/arc-buffer.ts';
import {
  ARC_DATA, ARC_DATA_STRIDE, arcAppearTime, arcCountAt, DATA_TEXTURE_WIDTH, GROW_MS, LONG_AGO, packArcData, sameWindow,
  showWindow, TEXELS_PER_ARC, windowUniforms,
} from '../../src/map/arc-data.ts';
import { ARC_VERTEX_SHADER } from '../../src/map/arc-shaders.ts';
import { arcWidth, arcWidthReference } from '../../src/map/scales.ts';
import { mapFixture } from './build.ts';

const { aggregates } = mapFixture();
const buffers = buildArcBuffers(aggregates.pairs, aggregates.pairs.map((p) => p.links.length));
const packed = packArcData(aggregates, buffers);
const arcOf = (partnerKey: string) => buffers.arcOfPair[aggregates.pairs.find((p) => p.partnerKey === partnerKey)!.index]!;
const win = (from: number, to: number, includeUndated = false) => ({ from, to, includeUndated });

describe('arc data texture', () => {
  it('holds each arc slot\'s 12 cumulative counts, undated count and static attributes, in draw order', () => {
    const pak = arcOf('PAK');
    expect(pak).toBe(0); // the heaviest arc is drawn first
    expect([...packed.data.subarray(0, 12)]).toEqual([0, 0, 0, 0, 1, 1, 2, 2, 2, 2, 2, 2]);
    const chile = arcOf('CHL');
    const o = chile * ARC_DATA_STRIDE;
    expect([...packed.data.subarray(o, o + 12)]).toEqual([0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    expect(packed.data[o + ARC_DATA.undated]).toBe(0);
    expect(packed.data[o + ARC_DATA.category]).toBe(buffers.staticData[chile * STATIC_STRIDE]);
    expect(packed.data[o + ARC_DATA.domestic]).toBe(0);
    expect(packed.data[o + ARC_DATA.length]).toBeCloseTo(buffers.staticData[chile * STATIC_STRIDE + 2]!, 6);
    expect(packed.data[arcOf('hosp-b') * ARC_DATA_STRIDE + ARC_DATA.domestic]).toBe(1);
  });

  it('is padded to whole rows of the texture', () => {
    expect(packed.rows).toBe(1);
    expect(packed.data.length).toBe(DATA_TEXTURE_WIDTH * 4);
  });

  it('takes undated counts by pair and keeps an arc\'s texels in one row', () => {
    const stride = 12;
    const arcs = 600; // 2 400 texels: two rows of 2 048
    const cumulative = new Uint32Array(arcs * stride);
    const undated = new Uint32Array(arcs);
    for (let p = 0; p < arcs; p++) {
      for (let k = 1; k < stride; k++) cumulative[p * stride + k] = p + k;
      undated[p] = 1000 + p;
    }
    const pairOfArc = Int32Array.from({ length: arcs }, (_, a) => arcs - 1 - a); // slots in reverse pair order
    const { data, rows } = packArcData({ cumulative, undated }, { pairOfArc, staticData: new Float32Array(arcs * STATIC_STRIDE) });
    expect(rows).toBe(2);
    expect(data.length).toBe(2 * DATA_TEXTURE_WIDTH * 4);
    // Arc 512 starts the second row: the shader's (arc % 512) * 4, arc / 512.
    const arcsPerRow = DATA_TEXTURE_WIDTH / TEXELS_PER_ARC;
    expect(arcsPerRow).toBe(512);
    const row1 = DATA_TEXTURE_WIDTH * 4;
    expect(data[row1]).toBe(0);
    expect(data[row1 + 1]).toBe(arcs - 1 - 512 + 1);
    expect(data[row1 + ARC_DATA.undated]).toBe(1000 + arcs - 1 - 512);
    expect(data[ARC_DATA.undated]).toBe(1000 + arcs - 1);
  });
});

describe('window uniforms', () => {
  it('map inclusive years to prefix-sum indexes', () => {
    expect(windowUniforms(win(2015, 2019))).toEqual({ lo: 0, hi: 5, undated: 0 });
    expect(windowUniforms(win(2023, 2023, true))).toEqual({ lo: 8, hi: 9, undated: 1 });
    expect(windowUniforms(win(2015, 2025))).toEqual({ lo: 0, hi: 11, undated: 0 });
    expect(windowUniforms(win(2025, 2025))).toEqual({ lo: 10, hi: 11, undated: 0 });
  });

  it('clamp years outside the timeline', () => {
    expect(windowUniforms(win(2010, 2030))).toEqual({ lo: 0, hi: 11, undated: 0 });
    expect(windowUniforms(win(2030, 2031))).toEqual({ lo: 11, hi: 11, undated: 0 });
  });

  it('give the shader the same count as the aggregates, for every arc and window', () => {
    const pak = arcOf('PAK');
    expect(arcCountAt(packed.data, pak, windowUniforms(win(2015, 2019)))).toBe(1);
    expect(arcCountAt(packed.data, pak, windowUniforms(win(2020, 2020)))).toBe(1);
    expect(arcCountAt(packed.data, pak, windowUniforms(win(2021, 2025)))).toBe(0);
    expect(arcCountAt(packed.data, pak, windowUniforms(win(2020, 2018)))).toBe(0);
    for (let from = 2015; from <= 2025; from++) {
      for (let to = from; to <= 2025; to++) {
        for (const undated of [false, true]) {
          const w = win(from, to, undated);
          buffers.pairOfArc.forEach((p, arc) => expect(arcCountAt(packed.data, arc, windowUniforms(w))).toBe(pairCount(aggregates, p, w)));
        }
      }
    }
  });

  it('add undated links only when the window includes them', () => {
    const data = new Float32Array(ARC_DATA_STRIDE);
    data.set([0, 1, 1, 3, 3, 3, 3, 3, 3, 3, 3, 4]);
    data[ARC_DATA.undated] = 5;
    expect(arcCountAt(data, 0, windowUniforms(win(2016, 2017)))).toBe(2);
    expect(arcCountAt(data, 0, windowUniforms(win(2016, 2017, true)))).toBe(7);
    expect(arcCountAt(data, 0, windowUniforms(win(2025, 2025, true)))).toBe(6);
  });

  it('compare windows by value', () => {
    expect(sameWindow(win(2015, 2019), win(2015, 2019))).toBe(true);
    expect(sameWindow(win(2015, 2019), win(2015, 2019, true))).toBe(false);
    expect(sameWindow(win(2015, 2019), win(2016, 2019))).toBe(false);
  });
});

describe('grow-in history', () => {
  const u = (from: number, to: number) => windowUniforms(win(from, to));
  const chile = arcOf('CHL'), pak = arcOf('PAK');

  it('draws the first window and reduced-motion steps at once', () => {
    const h = showWindow(null, u(2015, 2021), 1000, true);
    expect(h).toEqual({ win: u(2015, 2021), prev: u(2015, 2021), prev2: u(2015, 2021), changed: LONG_AGO, prevChanged: LONG_AGO });
    const still = showWindow(showWindow(null, u(2015, 2019), 0, false), u(2015, 2021), 1000, false);
    expect(arcAppearTime(packed.data, chile, still, 1001)).toBe(LONG_AGO);
  });

  it('grows in arcs that had no links in the previous window, from the time of the change', () => {
    const h = showWindow(showWindow(null, u(2015, 2020), 0, false), u(2015, 2021), 5000, true);
    expect(h.prev).toEqual(u(2015, 2020));
    expect(h.changed).toBe(5000);
    expect(arcAppearTime(packed.data, chile, h, 5100)).toBe(5000); // 0 → 1 link
    expect(arcAppearTime(packed.data, pak, h, 5100)).toBe(LONG_AGO); // had links already
    expect(arcAppearTime(packed.data, chile, h, 5000 + GROW_MS)).toBe(LONG_AGO); // done
  });

  it('lets an arc that appeared one quick step earlier finish growing', () => {
    let h = showWindow(null, u(2015, 2020), 0, false);
    h = showWindow(h, u(2015, 2021), 5000, true); // Chile appears
    h = showWindow(h, u(2015, 2022), 5200, true); // Chile still there
    expect(h.prev2).toEqual(u(2015, 2020));
    expect(arcAppearTime(packed.data, chile, h, 5300)).toBe(5000);
    expect(arcAppearTime(packed.data, chile, h, 5000 + GROW_MS + 1)).toBe(LONG_AGO);
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

  it('reads undated, category, domestic flag and length from the last texel of an arc', () => {
    expect(ARC_VERTEX_SHADER).toContain('texelFetch(u_data, base + ivec2(3, 0), 0)');
    expect(ARC_VERTEX_SHADER).toContain('float undated = meta.x;');
    expect(ARC_VERTEX_SHADER).toContain('int category = int(meta.y + 0.5);');
    expect(ARC_VERTEX_SHADER).toContain('bool domestic = meta.z > 0.5;');
    expect(ARC_VERTEX_SHADER).toContain('float lenPx = meta.w * u_world_px;');
  });
});
