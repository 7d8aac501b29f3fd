import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decodeLinkColumns, encodeLinkColumns, LinkColumnsError } from '../../src/domain/link-columns.ts';
import { synthesize } from '../../src/domain/synth.ts';
import type { Dataset, Link } from '../../src/domain/schema.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { aggregate } from '../../src/domain/aggregate.ts';
import { buildFacets } from '../../src/domain/facets.ts';
import { anchors } from '../fixtures/world.ts';

const bundled = JSON.parse(readFileSync('data/links.json', 'utf8')) as Link[];

/** Every field of every link, read through the getters, as the records hold them. */
function expectSame(decoded: Link[], records: Link[]) {
  expect(decoded).toHaveLength(records.length);
  decoded.forEach((link, i) => {
    const record = records[i] as unknown as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(link))).toEqual(record);
    for (const [k, v] of Object.entries(record)) expect((link as unknown as Record<string, unknown>)[k]).toEqual(v);
    // A field the record lacks reads as absent, not as null or an empty value.
    for (const k of ['end', 'ongoingAsOf', 'scope', 'programme', 'batch', 'with', 'participants']) {
      if (!(k in record)) expect((link as unknown as Record<string, unknown>)[k]).toBeUndefined();
    }
  });
}

describe('the compact links file', () => {
  it('gives back every bundled link as its record, field by field', () => {
    expectSame(decodeLinkColumns(encodeLinkColumns(bundled)), bundled);
  });

  it('gives back synthetic links across several text chunks, including an unaligned copy of the bytes', { timeout: 30_000 }, () => {
    const links = [...synthesize({ links: 5000, seed: 3 }).links()] as Link[];
    const bytes = encodeLinkColumns(links);
    expectSame(decodeLinkColumns(bytes), links);
    const shifted = new Uint8Array(bytes.byteLength + 3);
    shifted.set(bytes, 3);
    expectSame(decodeLinkColumns(shifted.subarray(3)), links);
  });

  it('is far smaller than the JSON for many links', () => {
    const links = [...synthesize({ links: 20_000, seed: 1 }).links()] as Link[];
    const json = new TextEncoder().encode(JSON.stringify(links)).byteLength;
    expect(encodeLinkColumns(links).byteLength).toBeLessThan(json / 2);
  });

  it('shares repeated values, frozen, so no link can change another', () => {
    const links = decodeLinkColumns(encodeLinkColumns(bundled));
    const a = links.find((l) => l.types.length === 1 && l.types[0] === 'training')!;
    const b = links.find((l) => l !== a && l.types.length === 1 && l.types[0] === 'training')!;
    expect(a.types).toBe(b.types);
    expect(() => (a.types as string[]).push('donation')).toThrow();
  });

  it('refuses bytes of another kind or version, by name', () => {
    expect(() => decodeLinkColumns(new Uint8Array(4))).toThrow(LinkColumnsError);
    expect(() => decodeLinkColumns(new TextEncoder().encode('[{"id":"x"}] and more bytes'))).toThrow(/not a compact links file/);
    const bytes = encodeLinkColumns(bundled.slice(0, 3));
    new DataView(bytes.buffer).setUint32(4, 99, true);
    expect(() => decodeLinkColumns(bytes)).toThrow(/version 99/);
  });
});

describe('counting links read from the compact form', () => {
  it('gives the same arcs, counts and filter codes as the same links parsed from JSON', { timeout: 30_000 }, () => {
    const d = synthesize({ links: 6000, seed: 5 });
    const links = [...d.links()] as Link[];
    const dataset = { sources: d.sources, institutions: d.institutions, partners: d.partners, programmes: [], links } as unknown as Dataset;
    const compact = { ...dataset, links: decodeLinkColumns(encodeLinkColumns(links)) };
    const plain = indexDataset(dataset, anchors);
    const columns = indexDataset(compact, anchors);
    expect(aggregate(columns)).toEqual(aggregate(plain));
    const [a, b] = [buildFacets(columns), buildFacets(plain)];
    expect(a.dims).toEqual(b.dims);
  });
});

describe('a compact links file cut short', () => {
  it('is refused by name, not with a range error', () => {
    const bytes = encodeLinkColumns(bundled);
    expect(() => decodeLinkColumns(bytes.subarray(0, bytes.byteLength / 2))).toThrow(LinkColumnsError);
  });
});
