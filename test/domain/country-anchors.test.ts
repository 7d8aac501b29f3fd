import { describe, expect, it } from 'vitest';
import { anchorsOf, builtAnchors, countryAnchors } from '../../src/domain/country-anchors.ts';
import { countryShapes } from '../../src/domain/world.ts';
import { anchors, world } from '../fixtures/world.ts';

const shapes = countryShapes(world);
const needed = new Set(['PAK', 'KAZ', 'FJI', 'BRA', 'CZE']);

describe('anchorsOf', () => {
  it('without the build\'s table (Node), works them out from the shapes', () => {
    expect(builtAnchors()).toBeNull();
    expect(anchorsOf(shapes, needed)).toEqual(countryAnchors(shapes, needed));
  });

  it('takes the build\'s table where it has a country, and works out only the others', () => {
    // A table made as vite.config.ts makes it, and one where Pakistan's point is marked to show where it came from.
    const table = Object.fromEntries(anchors);
    expect(anchorsOf(shapes, needed, table)).toEqual(countryAnchors(shapes, needed));
    const marked = { ...table, PAK: [1, 2] as [number, number] };
    delete (marked as Record<string, unknown>).FJI;
    const got = anchorsOf(shapes, needed, marked);
    expect(got.get('PAK')).toEqual([1, 2]);
    expect(got.get('FJI')).toEqual(anchors.get('FJI'));
    expect([...got.keys()].sort()).toEqual([...needed].sort());
  });
});
