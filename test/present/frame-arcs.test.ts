import { describe, expect, it } from 'vitest';
import { arcExtents, boxHoldingArcs, cameraForBox } from '../../src/present/frame-arcs.ts';
import { arcPolyline, ARC_SEGMENTS } from '../../src/map/arc-buffer.ts';
import { mercatorX, mercatorY, TILE_SIZE } from '../../src/map/mercator.ts';

/** Samples of drawn arcs, laid out as the arc buffers keep them. */
function samplesOf(arcs: [[number, number], [number, number]][]): Float64Array {
  const n = ARC_SEGMENTS + 1;
  const out = new Float64Array(arcs.length * 2 * n);
  arcs.forEach(([a, b], i) => out.set(arcPolyline(a, b) as Float64Array, i * 2 * n));
  return out;
}

/** Screen x, y of a Mercator point under a camera (x wrapped to the copy nearest the centre). */
function project(camera: { center: [number, number]; zoom: number }, w: number, h: number, x: number, y: number) {
  const world = TILE_SIZE * 2 ** camera.zoom;
  const cx = mercatorX(camera.center[0]), cy = mercatorY(camera.center[1]);
  const wrapped = x + Math.round(cx - x);
  return { x: w / 2 + (wrapped - cx) * world, y: h / 2 + (y - cy) * world };
}

const BEIJING: [number, number] = [116.4, 39.9];
const GUANGZHOU: [number, number] = [113.3, 23.1];
const LIMA: [number, number] = [-77.0, -12.0];
const BRASILIA: [number, number] = [-47.9, -15.8];
const OTTAWA: [number, number] = [-75.7, 45.4];
const APIA: [number, number] = [-171.8, -13.8];
const ALMATY: [number, number] = [76.9, 43.2];
const LONDON: [number, number] = [-0.1, 51.5];

describe('boxHoldingArcs', () => {
  it('frames arcs across the Pacific in one piece, east of the antimeridian', () => {
    const arcs: [[number, number], [number, number]][] = [[BEIJING, ALMATY], [GUANGZHOU, APIA]];
    const box = boxHoldingArcs(arcExtents(samplesOf(arcs), ARC_SEGMENTS + 1, [0, 1]))!;
    // From Almaty eastwards past 180° to Samoa: well under half the world, not the whole of it.
    expect(box.east - box.west).toBeLessThan(0.4);
    expect(box.west).toBeCloseTo(mercatorX(ALMATY[0]), 2);
    expect(box.east).toBeCloseTo(mercatorX(APIA[0]) + 1, 2);
  });

  it('picks the narrowest window on the circle when arcs run both ways round', () => {
    // Lima is reached across the Pacific, Brasília across Africa: the window leaves out only the gap between them.
    const arcs: [[number, number], [number, number]][] = [[GUANGZHOU, LIMA], [BEIJING, BRASILIA], [BEIJING, LONDON]];
    const ex = arcExtents(samplesOf(arcs), ARC_SEGMENTS + 1, [0, 1, 2]);
    const box = boxHoldingArcs(ex)!;
    expect(box.east - box.west).toBeLessThan(1);
    // Every arc fits inside in some world copy.
    for (const e of ex) {
      const k = Math.ceil(box.west - e.x0 - 1e-9);
      expect(e.x0 + k).toBeGreaterThanOrEqual(box.west - 1e-9);
      expect(e.x1 + k).toBeLessThanOrEqual(box.east + 1e-9);
    }
  });

  it('includes the arc\'s bow and its path over the north, not only its ends', () => {
    const ex = arcExtents(samplesOf([[BEIJING, OTTAWA]]), ARC_SEGMENTS + 1, [0]);
    const box = boxHoldingArcs(ex)!;
    expect(box.north).toBeLessThan(mercatorY(70)); // the great circle passes far north of both ends
  });

  it('keeps an arc between nearly opposite points (China to Argentina, over the pole) inside the world', () => {
    const ex = arcExtents(samplesOf([[[121.5, 31.2], [-58.4, -34.6]]]), ARC_SEGMENTS + 1, [0]);
    expect(ex[0]!.y0).toBeGreaterThanOrEqual(0);
    expect(ex[0]!.y1).toBeLessThanOrEqual(1);
  });

  it('is null with nothing to frame', () => {
    expect(boxHoldingArcs([])).toBeNull();
  });
});

describe('cameraForBox', () => {
  it('keeps every sample of every arc inside a 1920 × 1080 frame, padding included', () => {
    const arcs: [[number, number], [number, number]][] = [[GUANGZHOU, LIMA], [BEIJING, BRASILIA], [BEIJING, OTTAWA], [GUANGZHOU, APIA], [BEIJING, LONDON]];
    const samples = samplesOf(arcs);
    const box = boxHoldingArcs(arcExtents(samples, ARC_SEGMENTS + 1, arcs.map((_, i) => i)))!;
    const pad = { top: 40, right: 40, bottom: 200, left: 40 };
    const cam = cameraForBox(box, 1920, 1080, pad);
    const n = ARC_SEGMENTS + 1;
    let inside = 0;
    for (let i = 0; i < arcs.length; i++) {
      for (let j = 0; j < n; j++) {
        // Project each point in the copy that the box holds the arc in.
        const x0 = Math.min(...Array.from({ length: n }, (_, q) => samples[(i * n + q) * 2] as number));
        const k = Math.ceil(box.west - x0 - 1e-9);
        const p = project(cam, 1920, 1080, (samples[(i * n + j) * 2] as number) + k, samples[(i * n + j) * 2 + 1] as number);
        expect(p.x).toBeGreaterThanOrEqual(pad.left - 0.5);
        expect(p.x).toBeLessThanOrEqual(1920 - pad.right + 0.5);
        expect(p.y).toBeGreaterThanOrEqual(pad.top - 0.5);
        expect(p.y).toBeLessThanOrEqual(1080 - pad.bottom + 0.5);
        inside++;
      }
    }
    expect(inside).toBe(arcs.length * n);
  });

  it('zooms in no further than the cap on a tiny box', () => {
    expect(cameraForBox({ west: 0.5, east: 0.5001, north: 0.4, south: 0.4001 }, 800, 600, 20, 5).zoom).toBe(5);
  });
});
