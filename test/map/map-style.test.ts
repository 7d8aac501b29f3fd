import { describe, expect, it } from 'vitest';
import { countryBorders, countryShapes } from '../../src/domain/world.ts';
import { buildMapModel } from '../../src/map/map-model.ts';
import { buildStyle, countryFeatureIds, groupRing, unwrapRing } from '../../src/map/map-style.ts';
import { mercatorX, mercatorY } from '../../src/map/mercator.ts';
import { LAYER, possibleHatchImage } from '../../src/map/layer-styles.ts';
import { world } from '../fixtures/world.ts';
import { mapFixture } from './build.ts';

const shapes = countryShapes(world);
const fids = countryFeatureIds(shapes);

const maxJump = (ring: number[][]) => {
  let m = 0;
  for (let i = 1; i < ring.length; i++) m = Math.max(m, Math.abs(ring[i]![0]! - ring[i - 1]![0]!));
  return m;
};

describe('basemap style', () => {
  const { index, aggregates } = mapFixture();
  const model = buildMapModel(index, aggregates, fids, () => undefined);
  const style = buildStyle(shapes, countryBorders(world), model, fids);

  it('loads nothing: inline GeoJSON only, no glyphs, sprite or text layers', () => {
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const src of Object.values(style.sources)) {
      expect(src.type).toBe('geojson');
      expect(typeof (src as { data: unknown }).data).toBe('object');
    }
    expect(style.layers.some((l) => l.type === 'symbol')).toBe(false);
    expect(JSON.stringify(style)).not.toMatch(/https?:\/\//);
  });

  it('marks China, Hong Kong, Macao and Taiwan as one territory', () => {
    const data = (style.sources.countries as unknown as { data: { features: { id?: number; properties: { cn: number } }[] } }).data;
    const cn = data.features.filter((f) => f.properties.cn === 1).map((f) => [...fids].find(([, id]) => id === f.id)?.[0]).sort();
    expect(cn).toEqual(['CHN', 'HKG', 'MAC', 'TWN']);
  });

  it('unwraps rings cut at the antimeridian so no edge spans the world', () => {
    const russia = shapes.features.find((f) => f.properties.iso3 === 'RUS')!;
    const rings = russia.geometry.type === 'Polygon' ? [russia.geometry.coordinates] : russia.geometry.coordinates;
    const cut = rings.flat().filter((r) => maxJump(r) > 180);
    expect(cut.length).toBeGreaterThan(0); // the raw shapes do have the problem
    for (const ring of cut) {
      const fixed = unwrapRing(ring);
      expect(maxJump(fixed)).toBeLessThan(180);
      expect(fixed[0]).toEqual(fixed.at(-1));
    }
  });

  it('keeps every ring that is not cut exactly as it is, and moves a cut one only by whole turns', () => {
    const rings = shapes.features.flatMap((f) => (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat());
    let kept = 0;
    for (const ring of rings) {
      const fixed = unwrapRing(ring);
      expect(fixed).toHaveLength(ring.length);
      if (maxJump(ring) <= 180) {
        expect(fixed).toEqual(ring);
        kept++;
        continue;
      }
      fixed.forEach(([lon, lat], i) => {
        expect(lat).toBe(ring[i]![1]);
        const turns = (lon! - ring[i]![0]!) / 360;
        expect(turns).toBe(Math.round(turns));
      });
    }
    expect(kept).toBeGreaterThan(rings.length - 20);
  });

  it('draws a group ring round on screen around its anchor', () => {
    const ring = groupRing([40, 24], 0.01, 32);
    expect(ring).toHaveLength(33);
    for (const [lon, lat] of ring) {
      expect(Math.hypot(mercatorX(lon!) - mercatorX(40), mercatorY(lat!) - mercatorY(24))).toBeCloseTo(0.01, 6);
    }
  });

  it('draws what is only possible apart: hatched countries above the land, a dotted ring beside the dashed one', () => {
    const ids = style.layers.map((l) => l.id);
    expect(ids.indexOf(LAYER.landPossible)).toBe(ids.indexOf(LAYER.land) + 1);
    expect(ids.indexOf(LAYER.groupRingPossible)).toBe(ids.indexOf(LAYER.groupRing) + 1);
    const hatch = possibleHatchImage();
    expect(hatch.data.length).toBe(hatch.width * hatch.height * 4);
    const alphas = Array.from({ length: hatch.width * hatch.height }, (_, i) => hatch.data[i * 4 + 3]!);
    // Stripes and gaps, in a tile that repeats without a seam: the first column continues the last.
    expect(Math.max(...alphas)).toBeGreaterThan(100);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(alphas.length / 3);
    for (let y = 0; y < hatch.height; y++) expect(alphas[y * hatch.width]).toBe(alphas[((y + 1) % hatch.height) * hatch.width + hatch.width - 1]);
  });
});
