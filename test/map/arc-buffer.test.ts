import { describe, expect, it } from 'vitest';
import { linksOfPair } from '../../src/domain/aggregate.ts';
import { ARC_SEGMENTS, arcPolyline, buildArcBuffers, DOMESTIC_CATEGORY, STATIC_STRIDE, VERTEX_BYTES, VERTICES_PER_ARC, verticesPerArc } from '../../src/map/arc-buffer.ts';
import { mercatorX, mercatorY } from '../../src/map/mercator.ts';
import { CATEGORIES } from '../../src/domain/categories.ts';
import { mapFixture } from './build.ts';

const vertex = (buf: ArrayBuffer, i: number) => {
  const v = new DataView(buf, i * VERTEX_BYTES, VERTEX_BYTES);
  return {
    x: v.getFloat32(0, true), y: v.getFloat32(4, true), t: v.getUint16(12, true) / 65535,
    side: v.getInt8(14), role: v.getInt8(15), arc: v.getUint32(16, true),
  };
};

describe('arc buffers', () => {
  const { aggregates } = mapFixture();
  const pairs = aggregates.pairs;
  const weight = pairs.map((p) => linksOfPair(aggregates, p.index).length);
  const b = buildArcBuffers(pairs, weight);

  it('draw every pair with a place at both ends, and no other', () => {
    const drawable = pairs.filter((p) => p.to).map((p) => p.index).sort();
    expect([...b.pairOfArc].sort()).toEqual(drawable);
    const worldwide = pairs.find((p) => p.partnerKey === 'group-19')!;
    expect(b.arcOfPair[worldwide.index]).toBe(-1);
    expect(b.vertexCount).toBe(drawable.length * VERTICES_PER_ARC);
    expect(b.vertices.byteLength).toBe(b.vertexCount * VERTEX_BYTES);
  });

  it('run from the Chinese end (t = 0) to the partner (t = 1), ending in an arrowhead at the partner', () => {
    b.pairOfArc.forEach((p, arc) => {
      const pair = pairs[p]!;
      const first = vertex(b.vertices, arc * VERTICES_PER_ARC + 1);
      expect(first.arc).toBe(arc);
      expect(first.t).toBe(0);
      expect(first.x).toBeCloseTo(mercatorX(pair.from[0]), 6);
      expect(first.y).toBeCloseTo(mercatorY(pair.from[1]), 6);
      let prevT = 0;
      for (let i = 1; i <= 2 * (ARC_SEGMENTS + 1); i++) {
        const v = vertex(b.vertices, arc * VERTICES_PER_ARC + i);
        expect(v.t).toBeGreaterThanOrEqual(prevT);
        expect(v.role).toBe(0);
        prevT = v.t;
      }
      expect(prevT).toBe(1);
      const tip = vertex(b.vertices, (arc + 1) * VERTICES_PER_ARC - 2);
      expect(tip).toMatchObject({ role: 1, side: 0, t: 1, arc });
      expect(Math.abs(tip.x - mercatorX(pair.to![0])) % 1).toBeCloseTo(0, 5);
      expect(tip.y).toBeCloseTo(mercatorY(pair.to![1]), 5);
    });
  });

  it('drawn with every other sample (for many arcs), still run from the Chinese end to the partner, through the same points', () => {
    const half = buildArcBuffers(pairs, weight, 2);
    const per = verticesPerArc(2);
    expect(per).toBe(2 * (ARC_SEGMENTS / 2 + 1) + 7);
    expect(half.vertexCount).toBe(b.pairOfArc.length * per);
    expect(half.samples).toEqual(b.samples); // picking and framing keep every sample
    half.pairOfArc.forEach((p, arc) => {
      const line = half.samples.subarray(arc * 2 * (ARC_SEGMENTS + 1), (arc + 1) * 2 * (ARC_SEGMENTS + 1));
      for (let k = 0; k <= ARC_SEGMENTS / 2; k++) {
        const v = vertex(half.vertices, arc * per + 1 + 2 * k);
        expect(v.x).toBeCloseTo(line[4 * k]!, 6);
        expect(v.y).toBeCloseTo(line[4 * k + 1]!, 6);
      }
      expect(vertex(half.vertices, arc * per + 1 + ARC_SEGMENTS).t).toBe(1);
      expect(vertex(half.vertices, (arc + 1) * per - 2)).toMatchObject({ role: 1, side: 0, t: 1, arc });
      expect(half.pairOfArc[arc]).toBe(p);
    });
  });

  it('join arcs with repeated vertices only, so the single strip has no stray triangles', () => {
    for (let arc = 0; arc + 1 < b.pairOfArc.length; arc++) {
      const end = (arc + 1) * VERTICES_PER_ARC;
      const bytes = (i: number) => [...new Uint8Array(b.vertices, i * VERTEX_BYTES, VERTEX_BYTES)];
      expect(bytes(end - 1)).toEqual(bytes(end - 2)); // last vertex of arc, repeated
      expect(bytes(end)).toEqual(bytes(end + 1)); // first vertex of the next arc, repeated
    }
  });

  it('tag each arc with its category, and domestic arcs apart, drawn last', () => {
    const domestic = pairs.find((p) => p.partnerKind === 'domestic')!;
    const arc = b.arcOfPair[domestic.index]!;
    expect(arc).toBe(b.pairOfArc.length - 1);
    expect(b.staticData[arc * STATIC_STRIDE]).toBe(DOMESTIC_CATEGORY);
    expect(b.staticData[arc * STATIC_STRIDE + 1]).toBe(1);
    const training = pairs.find((p) => p.partnerKey === 'uni-m')!;
    expect(b.staticData[b.arcOfPair[training.index]! * STATIC_STRIDE]).toBe(CATEGORIES.indexOf('training'));
    // Heavier arcs first: PAK (2 links) before the single-link ones.
    const pak = pairs.find((p) => p.partnerKey === 'PAK')!;
    expect(b.arcOfPair[pak.index]).toBe(0);
  });

  it('take the short way over the Pacific to Chile, continuously past the antimeridian', () => {
    const chile = pairs.find((p) => p.partnerKey === 'CHL')!;
    const line = arcPolyline(chile.from, chile.to!)!;
    for (let i = 1; i <= ARC_SEGMENTS; i++) expect(Math.abs(line[2 * i]! - line[2 * i - 2]!)).toBeLessThan(0.05);
    expect(line[2 * ARC_SEGMENTS]!).toBeGreaterThan(1); // unwrapped: east of +180°
    expect(b.xMax).toBeGreaterThan(1);
  });

  it('bow consistently to one side, so A→B and B→A do not overlap', () => {
    const ab = arcPolyline([100, 0], [120, 0])!, ba = arcPolyline([120, 0], [100, 0])!;
    const midY = 2 * (ARC_SEGMENTS / 2) + 1; // y of the middle sample
    const bowAB = ab[midY]! - mercatorY(0), bowBA = ba[midY]! - mercatorY(0);
    expect(Math.abs(bowAB)).toBeGreaterThan(0.001);
    expect(bowBA).toBeCloseTo(-bowAB, 9);
    expect(arcPolyline([10, 10], [10, 10])).toBeNull();
  });
});
