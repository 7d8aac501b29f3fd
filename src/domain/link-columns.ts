/**
 * The compact form of a validated links file (`links.columns.bin`, written by the build beside
 * `links.json`): one column per field instead of one object per link, so that a million links
 * cost the browser typed arrays and a few tables instead of millions of objects.
 *
 * Each field is stored the way its values repeat:
 * - `dict`: few distinct values (an institution, a type list, a date, a status): a table of
 *   each distinct value once, and one small integer per link (0: the link has no such field);
 * - `obj`: objects whose fields repeat apart (a summary's `en` and `zh`): one column per field;
 * - `text` / `json`: values nearly all different (ids, summaries, evidence): their UTF-8 bytes
 *   in chunks, decoded into one string per chunk only when a value of that chunk is first read.
 *
 * Decoding gives an array of links that makes each link when it is read (lazyLinks) and keeps
 * none: a small object whose fields are read from the columns on access (`link.institution`,
 * `link.summary.en` …), so the rest of the atlas reads links as it always has. Values from a
 * table are shared between links and frozen: code that changed a link's `types` in place would
 * change every link with the same list, and now throws instead.
 * `JSON.stringify(link)` gives the record as the JSON file holds it (its fields in column order).
 */
import type { Link } from './schema.ts';
import { lazyArray } from './lazy-array.ts';

export { sparseArray } from './lazy-array.ts';

const MAGIC = 0x43525348; // "HSRC" read as a little-endian u32
export const LINK_COLUMNS_VERSION = 1;
/** The compact file's name in a data folder, beside links.json. */
export const LINK_COLUMNS_FILE = 'links.columns.bin';
/** Links per text chunk: a value read decodes its chunk, not the whole column. */
const CHUNK = 4096;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** A column as the header describes it; `at` and `bytes` locate its arrays in the body. */
type ColumnSpec =
  | { enc: 'dict'; table: Json[]; width: 1 | 2 | 4; at: number }
  | { enc: 'obj'; present: number | null; fields: [string, ColumnSpec][] }
  | { enc: 'text' | 'json'; present: number | null; offsets: number; chunks: [number, number][] };

interface Header {
  version: number;
  count: number;
  fields: [string, ColumnSpec][];
}

// ---------------------------------------------------------------------------------------------
// Encoding (the build, data:synth): plain records in, bytes out.

class Body {
  parts: Uint8Array[] = [];
  length = 0;
  /** Appends `bytes` at an 8-byte boundary and returns where they start. */
  add(bytes: Uint8Array): number {
    const pad = (8 - (this.length % 8)) % 8;
    if (pad) this.parts.push(new Uint8Array(pad));
    this.length += pad;
    const at = this.length;
    this.parts.push(bytes);
    this.length += bytes.byteLength;
    return at;
  }
}

const isPlainObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);
const asBytes = (a: Uint8Array | Uint16Array | Uint32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

function presenceBits(values: readonly unknown[]): Uint8Array | null {
  if (values.every((v) => v !== undefined)) return null;
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => { if (v !== undefined) bits[i >> 3]! |= 1 << (i & 7); });
  return bits;
}

function encodeColumn(values: readonly unknown[], body: Body): ColumnSpec {
  const present = values.filter((v) => v !== undefined);
  const distinct = new Map<string, number>();
  for (const v of present) {
    const key = JSON.stringify(v);
    if (!distinct.has(key)) distinct.set(key, distinct.size + 1);
    if (distinct.size > Math.max(256, values.length / 4)) break;
  }
  const few = distinct.size <= Math.max(256, values.length / 4);
  if (few) {
    const width = distinct.size < 0xff ? 1 : distinct.size < 0xffff ? 2 : 4;
    const codes = width === 1 ? new Uint8Array(values.length) : width === 2 ? new Uint16Array(values.length) : new Uint32Array(values.length);
    values.forEach((v, i) => { codes[i] = v === undefined ? 0 : distinct.get(JSON.stringify(v))!; });
    return { enc: 'dict', table: [...distinct.keys()].map((k) => JSON.parse(k) as Json), width, at: body.add(asBytes(codes)) };
  }
  const bits = presenceBits(values);
  const presentAt = bits ? body.add(bits) : null;
  if (present.length && present.every(isPlainObject)) {
    const keys = [...new Set(present.flatMap((v) => Object.keys(v as object)))];
    return { enc: 'obj', present: presentAt, fields: keys.map((k) => [k, encodeColumn(values.map((v) => (v === undefined ? undefined : (v as Record<string, unknown>)[k])), body)]) };
  }
  const enc = present.every((v) => typeof v === 'string') ? 'text' : 'json';
  const offsets = new Uint32Array(values.length + 1);
  const chunks: [number, number][] = [];
  const encoder = new TextEncoder();
  let total = 0;
  for (let c = 0; c < values.length; c += CHUNK) {
    let s = '';
    for (let i = c; i < Math.min(values.length, c + CHUNK); i++) {
      offsets[i] = total + s.length;
      const v = values[i];
      if (v !== undefined) s += enc === 'text' ? (v as string) : JSON.stringify(v);
    }
    total += s.length;
    const bytes = encoder.encode(s);
    chunks.push([body.add(bytes), bytes.byteLength]);
  }
  offsets[values.length] = total;
  return { enc, present: presentAt, offsets: body.add(asBytes(offsets)), chunks };
}

/** The compact bytes of validated link records (as the JSON file holds them). */
export function encodeLinkColumns(links: readonly Link[]): Uint8Array {
  const names = [...new Set(links.flatMap((l) => Object.keys(l)))];
  const body = new Body();
  const fields = names.map((name): [string, ColumnSpec] => [name, encodeColumn(links.map((l) => (l as unknown as Record<string, unknown>)[name]), body)]);
  const header: Header = { version: LINK_COLUMNS_VERSION, count: links.length, fields };
  const head = new TextEncoder().encode(JSON.stringify(header));
  const start = Math.ceil((12 + head.byteLength) / 8) * 8;
  const out = new Uint8Array(start + body.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint32(4, LINK_COLUMNS_VERSION, true);
  view.setUint32(8, head.byteLength, true);
  out.set(head, 12);
  let at = start;
  for (const p of body.parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Decoding (the browser): bytes in, links that read their fields from the columns.

/** Reads field values of link i; `has` says whether link i has the field at all. */
interface Reader {
  get(i: number): unknown;
  has(i: number): boolean;
  /** Dict columns: each link's code (0: absent) and how many codes there are. */
  dict?: { codes: ArrayLike<number>; size: number };
}

/** The columns behind each decoded links array, for fieldsAlike. */
const columnsOf = new WeakMap<readonly Link[], ReadonlyMap<string, Reader>>();

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object') {
    for (const x of Object.values(v)) deepFreeze(x);
    Object.freeze(v);
  }
  return v;
}

function presenceOf(bytes: Uint8Array, at: number | null, count: number): (i: number) => boolean {
  if (at === null) return () => true;
  const bits = bytes.subarray(at, at + Math.ceil(count / 8));
  return (i) => ((bits[i >> 3]! >> (i & 7)) & 1) === 1;
}

/** Throws unless `length` bytes at `at` lie within the body (typed arrays would throw for some, text chunks read short). */
function within(bytes: Uint8Array, at: number | null, length: number): void {
  if (at === null) return;
  if (!Number.isSafeInteger(at) || at < 0 || at + length > bytes.byteLength) throw new RangeError(`bytes ${at}–${at + length} of ${bytes.byteLength}`);
}

function readerOf(spec: ColumnSpec, bytes: Uint8Array, count: number): Reader {
  const { buffer, byteOffset } = bytes;
  if (spec.enc === 'dict') within(bytes, spec.at, count * spec.width);
  else within(bytes, spec.present, Math.ceil(count / 8));
  if (spec.enc === 'text' || spec.enc === 'json') {
    within(bytes, spec.offsets, 4 * (count + 1));
    for (const [at, length] of spec.chunks) within(bytes, at, length);
  }
  switch (spec.enc) {
    case 'dict': {
      const table = spec.table.map(deepFreeze);
      const codes = spec.width === 1 ? new Uint8Array(buffer, byteOffset + spec.at, count)
        : spec.width === 2 ? new Uint16Array(buffer, byteOffset + spec.at, count)
          : new Uint32Array(buffer, byteOffset + spec.at, count);
      return { get: (i) => (codes[i] ? table[codes[i]! - 1] : undefined), has: (i) => codes[i] !== 0, dict: { codes, size: table.length + 1 } };
    }
    case 'obj': {
      const has = presenceOf(bytes, spec.present, count);
      const fields = spec.fields.map(([k, s]) => [k, readerOf(s, bytes, count)] as const);
      return {
        has,
        get(i) {
          if (!has(i)) return undefined;
          const o: Record<string, unknown> = {};
          for (const [k, r] of fields) if (r.has(i)) o[k] = r.get(i);
          return o;
        },
      };
    }
    case 'text':
    case 'json': {
      const has = presenceOf(bytes, spec.present, count);
      const offsets = new Uint32Array(buffer, byteOffset + spec.offsets, count + 1);
      const decoded = Array.from<string | undefined>({ length: spec.chunks.length });
      const decoder = new TextDecoder();
      const chunk = (c: number) => {
        let s = decoded[c];
        if (s === undefined) {
          const [at, length] = spec.chunks[c]!;
          s = decoder.decode(bytes.subarray(at, at + length));
          decoded[c] = s;
        }
        return s;
      };
      const json = spec.enc === 'json';
      return {
        has,
        get(i) {
          if (!has(i)) return undefined;
          const c = Math.floor(i / CHUNK);
          const base = offsets[c * CHUNK]!;
          const s = chunk(c).slice(offsets[i]! - base, offsets[i + 1]! - base);
          return json ? JSON.parse(s) : s;
        },
      };
    }
  }
}

/** Why bytes are not a compact links file this code can read. */
export class LinkColumnsError extends Error {}

/**
 * Links read from the compact bytes. `bytes` must stay as they are while the links are in use
 * (their fields are read from them). Throws LinkColumnsError for bytes of another kind or version.
 */
export function decodeLinkColumns(bytes: Uint8Array): Link[] {
  if (bytes.byteLength < 12) throw new LinkColumnsError('is too short to be a compact links file');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new LinkColumnsError('is not a compact links file');
  const version = view.getUint32(4, true);
  if (version !== LINK_COLUMNS_VERSION) throw new LinkColumnsError(`is version ${version} of the compact form; this atlas reads version ${LINK_COLUMNS_VERSION}`);
  const headLength = view.getUint32(8, true);
  let header: Header;
  try {
    header = JSON.parse(new TextDecoder().decode(bytes.subarray(12, 12 + headLength))) as Header;
  } catch (e) {
    throw new LinkColumnsError(`has an unreadable header: ${(e as Error).message}`);
  }
  const start = Math.ceil((12 + headLength) / 8) * 8;
  // Typed arrays over the body need aligned offsets: copy once if the bytes arrived unaligned.
  let body = bytes.subarray(start);
  if (body.byteOffset % 8) body = body.slice();
  const { count } = header;
  let readers: (readonly [string, Reader])[];
  try {
    readers = header.fields.map(([name, spec]) => [name, readerOf(spec, body, count)] as const);
  } catch (e) {
    // A header whose columns lie outside the bytes (a file cut short or changed): named, not a crash.
    throw new LinkColumnsError(`has columns that do not fit its bytes: ${(e as Error).message}`);
  }

  // One class for all links: a getter per field on its prototype, reading the link's row `r`
  // (a link, while it is used, is one small object with a single number in it).
  class ColumnLink {
    r: number;
    constructor(r: number) {
      this.r = r;
    }
    toJSON(): Record<string, unknown> {
      const o: Record<string, unknown> = {};
      for (const [name, reader] of readers) if (reader.has(this.r)) o[name] = reader.get(this.r);
      return o;
    }
  }
  for (const [name, reader] of readers) {
    Object.defineProperty(ColumnLink.prototype, name, { get(this: ColumnLink) { return reader.get(this.r); }, enumerable: false, configurable: false });
  }
  const links = lazyArray(count, (r) => new ColumnLink(r) as unknown as Link);
  columnsOf.set(links, new Map(readers));
  return links;
}

/**
 * For links decoded here: one number per link, equal for two links exactly when every one of
 * `fields` holds the same value in both (`count` numbers in all, 0..count−1). Null for other
 * links (parsed from JSON), or when a field's values are not kept in a table (nearly all differ).
 * A field no link has counts as the same (absent) for all.
 */
export function fieldsAlike(links: readonly Link[], fields: readonly string[]): { codes: Uint32Array; count: number } | null {
  const columns = columnsOf.get(links);
  if (!columns) return null;
  const dicts = [];
  for (const f of fields) {
    const reader = columns.get(f);
    if (!reader) continue;
    if (!reader.dict) return null;
    dicts.push(reader.dict);
  }
  // Mixed radix below: exact only while the product of the sizes stays below 2^53.
  if (dicts.reduce((p, d) => p * d.size, 1) > Number.MAX_SAFE_INTEGER) return null;
  const n = links.length;
  const codes = new Uint32Array(n);
  const dense = new DenseCodes();
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const d of dicts) key = key * d.size + (d.codes[i] as number);
    codes[i] = dense.code(key);
  }
  return { codes, count: dense.size };
}

/**
 * Numbers 0, 1, 2 … given to keys (whole numbers below 2^53) in the order first seen: a hash
 * table in typed arrays, so a million lookups leave no Map entries behind for the collector.
 */
class DenseCodes {
  size = 0;
  private keys = new Float64Array(1024);
  private values = new Int32Array(1024).fill(-1);

  code(key: number): number {
    const mask = this.keys.length - 1;
    for (let h = hashKey(key) & mask; ; h = (h + 1) & mask) {
      const v = this.values[h] as number;
      if (v < 0) {
        this.values[h] = this.size;
        this.keys[h] = key;
        this.size++;
        if (this.size * 2 > this.keys.length) this.grow();
        return this.size - 1;
      }
      if (this.keys[h] === key) return v;
    }
  }

  private grow(): void {
    const { keys, values } = this;
    this.keys = new Float64Array(keys.length * 2);
    this.values = new Int32Array(values.length * 2).fill(-1);
    const mask = this.keys.length - 1;
    for (let i = 0; i < keys.length; i++) {
      const v = values[i] as number;
      if (v < 0) continue;
      let h = hashKey(keys[i] as number) & mask;
      while ((this.values[h] as number) >= 0) h = (h + 1) & mask;
      this.values[h] = v;
      this.keys[h] = keys[i] as number;
    }
  }
}

/** A 32-bit mix of a whole number below 2^53. */
function hashKey(key: number): number {
  const lo = key >>> 0, hi = Math.floor(key / 4294967296) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x85ebca6b), 0x9e3779b1);
  h ^= h >>> 15;
  return Math.imul(h, 0x2c1b3c6d) >>> 0;
}

/**
 * The links grouped by `fields` (fieldsAlike): per group, its first link (`first`, a link index)
 * and how many it holds (`size`), so that a count that depends on those fields alone reads each
 * distinct combination once. Groups come in the order of their first links; links not decoded
 * here form one group each.
 */
export function alikeGroups(links: readonly Link[], fields: readonly string[]): { first: Uint32Array; size: Uint32Array } {
  const alike = fieldsAlike(links, fields);
  if (!alike) return { first: Uint32Array.from(links.keys()), size: new Uint32Array(links.length).fill(1) };
  const first = new Uint32Array(alike.count), size = new Uint32Array(alike.count);
  for (let i = 0; i < alike.codes.length; i++) {
    const c = alike.codes[i] as number;
    if (size[c] === 0) first[c] = i;
    size[c] = (size[c] as number) + 1;
  }
  return { first, size };
}

/**
 * `of(li)` for every link index, worked out once for each distinct combination of `fields` when
 * the links are decoded here (fieldsAlike), else once per link. `of` must depend on those fields
 * of the link alone (and on things that do not change, such as the dataset's records).
 */
export function perAlikeLinks<T>(links: readonly Link[], fields: readonly string[], of: (li: number) => T): (li: number) => T {
  const alike = fieldsAlike(links, fields);
  if (!alike) return of;
  const values = Array.from<T | undefined>({ length: alike.count });
  const known = new Uint8Array(alike.count);
  return (li) => {
    const c = alike.codes[li] as number;
    if (!known[c]) {
      values[c] = of(li);
      known[c] = 1;
    }
    return values[c] as T;
  };
}
