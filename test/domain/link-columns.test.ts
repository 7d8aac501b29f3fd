import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { alikeGroups, decodeLinkColumns, fieldsAlike, encodeLinkColumns, LinkColumnsError, sparseArray } from '../../src/domain/link-columns.ts';
import { buildSearchIndex } from '../../src/domain/search.ts';
import { listProgrammes } from '../../src/domain/programmes.ts';
import { partnerCountries } from '../../src/domain/alias-values.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
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
    // The search index counts each distinct institution, co-leads and partner once (alikeGroups).
    expect(fieldsAlike(compact.links, ['institution', 'with', 'partner'])).not.toBeNull();
    expect(buildSearchIndex(columns)).toEqual(buildSearchIndex(plain));
  });
});

describe('the links array of the compact form', () => {
  const links = decodeLinkColumns(encodeLinkColumns(bundled));

  it('reads like an array of the records: length, index, iteration, methods, JSON', () => {
    expect(Array.isArray(links)).toBe(true);
    expect(links.length).toBe(bundled.length);
    expect(links[5]!.id).toBe(bundled[5]!.id);
    expect(links.at(-1)!.id).toBe(bundled.at(-1)!.id);
    expect([...links].map((l) => l.id)).toEqual(bundled.map((l) => l.id));
    expect(links.filter((l) => l.partner === bundled[0]!.partner).length).toBe(bundled.filter((l) => l.partner === bundled[0]!.partner).length);
    expect(JSON.parse(JSON.stringify(links))).toEqual(bundled);
    expect(0 in links).toBe(true);
    expect(bundled.length in links).toBe(false);
    expect(links[bundled.length]).toBeUndefined();
    expect(links['01' as unknown as number]).toBeUndefined();
  });

  it('keeps no object per link: each read makes one, equal to the last', () => {
    expect(links[3]).not.toBe(links[3]);
    expect(links[3]).toEqual(links[3]);
  });

  it('holds no slot per link (a million-link array costs the heap next to nothing)', () => {
    const before = process.memoryUsage().heapUsed;
    const arrays = Array.from({ length: 20 }, () => sparseArray<number>(1_000_000));
    const grown = process.memoryUsage().heapUsed - before;
    expect(arrays.every((a) => a.length === 1_000_000 && Object.keys(a).length === 0)).toBe(true);
    // One array of a million holes is 4 MB (8 MB without pointer compression): 20 would be 80 MB or more.
    expect(grown).toBeLessThan(8_000_000);
  });

  it('cannot be changed', () => {
    expect(() => { (links as Link[])[0] = bundled[1]!; }).toThrow(TypeError);
    expect(() => (links as Link[]).push(bundled[1]!)).toThrow(TypeError);
    expect(links[0]!.id).toBe(bundled[0]!.id);
    expect(links.length).toBe(bundled.length);
  });
});

describe('links alike in some fields', () => {
  it('are numbered in the order each combination first appears, past the table\'s first size and 2^32 combinations', () => {
    const records = [...synthesize({ links: 20_000, seed: 4 }).links()] as Link[];
    const links = decodeLinkColumns(encodeLinkColumns(records));
    const fields = ['institution', 'partner', 'date', 'types', 'status'];
    const alike = fieldsAlike(links, fields)!;
    const seen = new Map<string, number>();
    const expected = records.map((l) => {
      const k = JSON.stringify(fields.map((f) => (l as unknown as Record<string, unknown>)[f]));
      if (!seen.has(k)) seen.set(k, seen.size);
      return seen.get(k)!;
    });
    expect(seen.size).toBeGreaterThan(2048);
    expect(alike.count).toBe(seen.size);
    expect(Array.from(alike.codes)).toEqual(expected);
  });
});

describe('links grouped by the fields a count reads', () => {
  it('gives each distinct combination once, with one of its links and how many share it', () => {
    const records = [...synthesize({ links: 5000, seed: 2 }).links()] as Link[];
    const links = decodeLinkColumns(encodeLinkColumns(records));
    const { first, size } = alikeGroups(links, ['partner']);
    const partners = new Map<string, number>();
    for (const l of records) partners.set(l.partner, (partners.get(l.partner) ?? 0) + 1);
    expect(first.length).toBe(partners.size);
    expect(first.length).toBeLessThan(records.length / 10);
    expect(new Map(Array.from(first, (li, g) => [links[li]!.partner, size[g]]))).toEqual(partners);
    // Each group's link is its first: the group's order is the order of first appearance.
    expect(Array.from(first, (li) => links[li]!.partner)).toEqual([...partners.keys()]);
  });

  it('gives links parsed from JSON one group each', () => {
    const { first, size } = alikeGroups(bundled, ['partner']);
    expect(Array.from(first)).toEqual(bundled.map((_, i) => i));
    expect(size.every((n) => n === 1)).toBe(true);
  });

  it('leaves the search index, the programmes and the partner countries as the JSON gives them', () => {
    const r = validateDataset(readDataDir('data').raw);
    if (!r.ok) throw new Error('data/ is invalid');
    const aliases = JSON.parse(readFileSync('data/aliases.json', 'utf8'));
    const compact = { ...r.dataset, links: decodeLinkColumns(encodeLinkColumns(r.dataset.links)) };
    const [plain, columns] = [indexDataset(r.dataset, anchors), indexDataset(compact, anchors)];
    expect(buildSearchIndex(columns, aliases)).toEqual(buildSearchIndex(plain, aliases));
    expect(listProgrammes(compact)).toEqual(listProgrammes(r.dataset));
    expect(listProgrammes(compact).length).toBeGreaterThan(3);
    expect(partnerCountries(compact.links, compact.partners)).toEqual(partnerCountries(r.dataset.links, r.dataset.partners));
  });
});

describe('a compact links file cut short', () => {
  it('is refused by name, not with a range error', () => {
    const bytes = encodeLinkColumns(bundled);
    expect(() => decodeLinkColumns(bytes.subarray(0, bytes.byteLength / 2))).toThrow(LinkColumnsError);
  });
});
