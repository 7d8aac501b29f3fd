/**
 * The build's receipt for a data folder (`data/manifest.json`): the byte length and SHA-256 of
 * each file it validated, and a digest of the validation rules it applied. When the bytes the
 * browser fetched match it, the browser need not validate every record again; anything else (no
 * manifest, another dataset, a file changed after the build, no Web Crypto) is validated in full.
 */

import { LINK_COLUMNS_FILE } from './link-columns.ts';

export const MANIFEST_FILE = 'manifest.json';

export interface ManifestEntry {
  bytes: number;
  /** Lowercase hex. */
  sha256: string;
}

export interface DataManifest {
  /** Digest of the validator's source files at build time: another validator does not rely on it. */
  schema: string;
  /** By file name within the data folder (`links.json`, `aliases.json` …). */
  files: Record<string, ManifestEntry>;
}

declare const __ATLAS_SCHEMA__: string | undefined;

/**
 * The rules digest this bundle was built with (vite.config.ts defines it); undefined where the
 * code runs unbuilt (unit tests, scripts), which then trusts no manifest. Read at call time so a
 * test can stub it.
 */
export function bundleSchema(): string | undefined {
  return typeof __ATLAS_SCHEMA__ === 'string' ? __ATLAS_SCHEMA__ : undefined;
}

/**
 * Whether the manifest, written under this bundle's rules, lists the compact links file
 * (link-columns.ts) that the build writes beside links.json: then it is fetched instead.
 */
export function listsLinkColumns(manifest: unknown, schema = bundleSchema()): boolean {
  if (!schema || !manifest || typeof manifest !== 'object') return false;
  const m = manifest as Partial<DataManifest>;
  return m.schema === schema && !!m.files && typeof m.files === 'object' && Object.hasOwn(m.files, LINK_COLUMNS_FILE);
}

function hex(buffer: ArrayBuffer): string {
  return Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * Whether `manifest` vouches for every one of `files` (name → the bytes fetched, or undefined for
 * an optional file that is not there) under the rules digest `schema`. False, never an error, for
 * anything it cannot confirm: a missing or malformed manifest, other rules, a length or digest
 * that differs, a file the manifest lists but that did not arrive, and no `subtle` (browsers have
 * no `crypto.subtle` on pages served over plain HTTP from another host than localhost).
 */
export async function manifestVouches(
  manifest: unknown,
  files: Readonly<Record<string, Uint8Array | undefined>>,
  { schema, subtle }: { schema: string | undefined; subtle: SubtleCrypto | undefined },
): Promise<boolean> {
  if (!subtle || !schema || !manifest || typeof manifest !== 'object') return false;
  const m = manifest as Partial<DataManifest>;
  if (m.schema !== schema || !m.files || typeof m.files !== 'object') return false;
  const listed = m.files;
  try {
    const checks = Object.entries(files).map(async ([name, bytes]) => {
      const entry: unknown = Object.hasOwn(listed, name) ? listed[name] : undefined;
      if (bytes === undefined) return entry === undefined;
      if (!entry || typeof entry !== 'object') return false;
      const { bytes: length, sha256 } = entry as Partial<ManifestEntry>;
      if (length !== bytes.byteLength || typeof sha256 !== 'string') return false;
      return hex(await subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>)) === sha256.toLowerCase();
    });
    return (await Promise.all(checks)).every(Boolean);
  } catch {
    return false;
  }
}
