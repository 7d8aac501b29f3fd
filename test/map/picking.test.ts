import { describe, expect, it } from 'vitest';
import { ARC_SEGMENTS, arcPolyline } from '../../src/map/arc-buffer.ts';
import { mercatorX, mercatorY, worldPx } from '../../src/map/mercator.ts';
import { ARC_PICK_TOLERANCE, buildArcPicker, pickArc, pickPoint, segmentDistance } from '../../src/map/picking.ts';

/** Two arcs: Hangzhou → Karachi, and Hangzhou → Santiago de Chile over the Pacific. */
const lines = [arcPolyline([120.155, 30.274], [67.0, 24.86])!, arcPolyline([120.155, 30.274], [-70.67, -33.45])!];
const samples = new Float64Array(lines.length * 2 * (ARC_SEGMENTS + 1));
lines.forEach((l, i) => samples.set(l, i * l.length));
const picker = buildArcPicker(samples);
const zoom = 2;
const world = worldPx(zoom);
/** Widths per arc as pickArc asks for them. */
const widths = (...w: number[]) => (arc: number) => w[arc] ?? 0;
const mid = (arc: number): [number, number] => [lines[arc]![ARC_SEGMENTS]!, lines[arc]![ARC_SEGMENTS + 1]!];

describe('arc picking', () => {
  it('picks an arc under the pointer and not one farther than the tolerance', () => {
    const [x, y] = mid(0);
    expect(pickArc(picker, x, y, world, widths(3, 3))).toBe(0);
    expect(pickArc(picker, x, y + (ARC_PICK_TOLERANCE - 1) / world, world, widths(3, 3))).toBe(0);
    expect(pickArc(picker, x, y + (ARC_PICK_TOLERANCE + 3) / world, world, widths(3, 3))).toBe(-1);
  });

  it('picks a wide arc anywhere on its body', () => {
    const [x, y] = mid(0);
    expect(pickArc(picker, x, y + 8 / world, world, widths(20, 3))).toBe(0);
  });

  it('with no tolerance picks only the drawn body (over a partner country\'s land)', () => {
    const [x, y] = mid(0);
    expect(pickArc(picker, x, y + 1 / world, world, widths(3, 3), undefined, 0)).toBe(0);
    expect(pickArc(picker, x, y + 3 / world, world, widths(3, 3), undefined, 0)).toBe(-1);
    expect(pickArc(picker, x, y + 3 / world, world, widths(3, 3))).toBe(0);
  });

  it('ignores arcs with no links in the window', () => {
    const [x, y] = mid(0);
    expect(pickArc(picker, x, y, world, widths(0, 3))).toBe(-1);
  });

  it('asks for the width of arcs near the pointer only', () => {
    const asked = new Set<number>();
    const [x, y] = mid(0);
    expect(pickArc(picker, x, y, world, (arc) => { asked.add(arc); return 3; })).toBe(0);
    expect([...asked]).toEqual([0]);
    asked.clear();
    expect(pickArc(picker, 0.05, 0.95, world, (arc) => { asked.add(arc); return 3; })).toBe(-1);
    expect(asked.size).toBe(0);
  });

  it('finds the Pacific arc on the world copy west of the antimeridian', () => {
    // The last sample is unwrapped past x = 1; the pointer over Chile on the main copy is at x - 1.
    const end = 2 * ARC_SEGMENTS;
    const x = lines[1]![end]! - 1, y = lines[1]![end + 1]!;
    expect(x).toBeCloseTo(mercatorX(-70.67), 6);
    expect(pickArc(picker, x, y, world, widths(3, 3))).toBe(1);
    expect(pickArc(picker, x, y, world, widths(3, 3), [0])).toBe(-1);
  });

  it('measures distance to a segment, clamped at its ends', () => {
    expect(segmentDistance(0.5, 1, 0, 0, 1, 0)).toBeCloseTo(1, 12);
    expect(segmentDistance(2, 0, 0, 0, 1, 0)).toBeCloseTo(1, 12);
    expect(segmentDistance(0, 0, 0, 0, 0, 0)).toBe(0);
  });
});

describe('point picking', () => {
  const xy = new Float64Array([mercatorX(116.4), mercatorY(39.9), mercatorX(116.5), mercatorY(39.9)]);

  it('picks the nearest drawn point within its radius plus slack', () => {
    expect(pickPoint(xy, [5, 5], xy[0]!, xy[1]!, world)).toBe(0);
    expect(pickPoint(xy, [5, 5], xy[2]!, xy[3]!, world)).toBe(1);
    expect(pickPoint(xy, [5, 5], xy[0]!, xy[1]! + 20 / world, world)).toBe(-1);
  });

  it('never picks a point that is not drawn in the window', () => {
    expect(pickPoint(xy, [0, 0], xy[0]!, xy[1]!, world)).toBe(-1);
  });
});
