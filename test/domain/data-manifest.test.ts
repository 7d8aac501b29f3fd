/** The browser relies on a manifest only when it vouches for exactly the bytes fetched, under the same rules. */
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { manifestVouches, type DataManifest } from '../../src/domain/data-manifest.ts';

const subtle = globalThis.crypto.subtle;
const bytes = (s: string) => new TextEncoder().encode(s);
const entry = (s: string) => ({ bytes: bytes(s).byteLength, sha256: createHash('sha256').update(s).digest('hex') });
const LINKS = '[{"id":"a-1"}]\n';
const ALIASES = '[{"target":"srrsh","aliases":["SRRSH"]}]\n';
const manifest: DataManifest = { schema: 'rules-1', files: { 'links.json': entry(LINKS), 'aliases.json': entry(ALIASES) } };
const fetched = { 'links.json': bytes(LINKS), 'aliases.json': bytes(ALIASES) };
const vouches = (m: unknown, files: Record<string, Uint8Array | undefined> = fetched, over: { schema?: string; subtle?: SubtleCrypto } = {}) =>
  manifestVouches(m, files, { schema: 'rules-1', subtle, ...over });

describe('manifestVouches', () => {
  it('vouches for the very bytes it lists, under the same rules', async () => {
    expect(await vouches(manifest)).toBe(true);
    // A file that is not fetched here (a review log, say) may be listed without harm.
    expect(await vouches(manifest, { 'links.json': bytes(LINKS) })).toBe(true);
  });

  it('does not vouch for a file changed after the build, at the same length or another', async () => {
    expect(await vouches(manifest, { ...fetched, 'links.json': bytes(LINKS.replace('a-1', 'b-1')) })).toBe(false);
    expect(await vouches(manifest, { ...fetched, 'links.json': bytes(LINKS.replace('a-1', 'a-12')) })).toBe(false);
  });

  it('does not vouch for a file it does not list, nor for a listed file that did not arrive', async () => {
    expect(await vouches(manifest, { ...fetched, 'sources.json': bytes('[]') })).toBe(false);
    expect(await vouches(manifest, { ...fetched, 'aliases.json': undefined })).toBe(false);
    // An optional file that is neither there nor listed is fine.
    expect(await vouches({ ...manifest, files: { 'links.json': entry(LINKS) } }, { ...fetched, 'aliases.json': undefined })).toBe(true);
  });

  it('vouches for nothing without a manifest, or with a malformed one', async () => {
    for (const m of [undefined, null, 'manifest', [], {}, { schema: 'rules-1' }, { schema: 'rules-1', files: { 'links.json': 'x', 'aliases.json': entry(ALIASES) } }]) {
      expect(await vouches(m)).toBe(false);
    }
  });

  it('vouches for nothing written under other rules, or when the bundle has none (unbuilt code)', async () => {
    expect(await vouches({ ...manifest, schema: 'rules-2' })).toBe(false);
    expect(await vouches(manifest, fetched, { schema: undefined })).toBe(false);
  });

  it('vouches for nothing without Web Crypto (crypto.subtle is missing in insecure contexts)', async () => {
    expect(await vouches(manifest, fetched, { subtle: undefined })).toBe(false);
  });

  it('gives false, not an error, when digesting fails', async () => {
    const failing = { digest: () => Promise.reject(new Error('not supported')) } as unknown as SubtleCrypto;
    expect(await vouches(manifest, fetched, { subtle: failing })).toBe(false);
  });
});
