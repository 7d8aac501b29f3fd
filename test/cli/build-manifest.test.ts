/** The build validates data/ before it vouches for it, and the browser's check agrees with the build's digests. */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCHEMA_SOURCES, buildManifest, schemaDigest } from '../../src/cli/build-manifest.ts';
import { manifestVouches } from '../../src/domain/data-manifest.ts';

const FILES = ['sources.json', 'institutions.json', 'partners.json', 'links.json', 'aliases.json', 'programmes.json'];
const dirs: string[] = [];
/** A copy of data/'s six files, with `edit` applied to the parsed links. */
function copyOfData(edit?: (links: Record<string, unknown>[]) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'atlas-manifest-'));
  dirs.push(dir);
  for (const f of FILES) cpSync(join('data', f), join(dir, f));
  if (edit) {
    const links = JSON.parse(readFileSync(join(dir, 'links.json'), 'utf8')) as Record<string, unknown>[];
    edit(links);
    writeFileSync(join(dir, 'links.json'), JSON.stringify(links));
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('buildManifest', () => {
  it('lists the length and digest of each file of data/, which the browser check accepts', async () => {
    const schema = schemaDigest();
    const { manifest, problems } = buildManifest('data', schema);
    expect(problems).toEqual([]);
    expect(Object.keys(manifest!.files).sort()).toEqual([...FILES].sort());
    const fetched = Object.fromEntries(FILES.map((f) => [f, new Uint8Array(readFileSync(join('data', f)))]));
    expect(manifest!.files['links.json']!.bytes).toBe(fetched['links.json']!.byteLength);
    expect(await manifestVouches(manifest, fetched, { schema, subtle: globalThis.crypto.subtle })).toBe(true);
  });

  it('fails with named problems, and no manifest, when the data does not validate', () => {
    const dir = copyOfData((links) => {
      links[3] = { ...links[3], partner: 'HKG' };
    });
    const { manifest, problems } = buildManifest(dir, 'x');
    expect(manifest).toBeUndefined();
    expect(problems).toContainEqual(expect.objectContaining({ file: 'links.json', field: 'partner', message: expect.stringContaining('Hong Kong') }));
  });

  it('refuses a record the schema would read differently from how it is written', () => {
    let id = '';
    const dir = copyOfData((links) => {
      const summary = links[0]!.summary as { en: string };
      links[0] = { ...links[0], summary: { ...summary, en: ` ${summary.en} ` } };
      id = links[0]!.id as string;
    });
    const { manifest, problems } = buildManifest(dir, 'x');
    expect(manifest).toBeUndefined();
    expect(problems).toEqual([expect.objectContaining({ file: 'links.json', id, message: expect.stringContaining('reads differently') })]);
  });

  it('changes its rules digest with the validator sources', () => {
    const root = mkdtempSync(join(tmpdir(), 'atlas-rules-'));
    dirs.push(root);
    for (const f of SCHEMA_SOURCES) cpSync(f, join(root, f));
    expect(schemaDigest(root)).toMatch(/^[0-9a-f]{64}$/);
    expect(schemaDigest(root)).toBe(schemaDigest());
    writeFileSync(join(root, 'src/domain/validate.ts'), `${readFileSync('src/domain/validate.ts', 'utf8')}\n// another rule\n`);
    expect(schemaDigest(root)).not.toBe(schemaDigest());
  });
});
