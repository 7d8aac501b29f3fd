/**
 * Build time (vite.config.ts): validates the bundled data folder as data:check does (schema,
 * references, the atlas's 2015–2025 rule, the alias list's shape) and writes the receipt the
 * browser checks before it skips validation (src/domain/data-manifest.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readDataDir } from './read-data-dir.ts';
import { validateDataset, type Problem } from '../domain/validate.ts';
import { parseAliases } from '../domain/aliases.ts';
import { ALIASES_FILE } from '../domain/alias-values.ts';
import { DATA_FILE_NAMES, PROGRAMMES_FILE } from '../domain/schema-values.ts';
import type { DataManifest } from '../domain/data-manifest.ts';
import { LINK_COLUMNS_FILE, encodeLinkColumns } from '../domain/link-columns.ts';
import type { Link } from '../domain/schema.ts';

/**
 * The source files whose rules decide whether a dataset passes in the browser. Their digest goes
 * into the bundle and the manifest: a manifest written under other rules is not relied on.
 */
export const SCHEMA_SOURCES = [
  'src/domain/schema-values.ts', 'src/domain/schema.ts', 'src/domain/validate.ts', 'src/domain/aliases.ts',
  'src/domain/alias-values.ts', 'src/domain/programmes.ts', 'src/domain/programme-refs.ts', 'src/domain/dates.ts', 'src/domain/link-time.ts', 'src/loaders/validate-fetched.ts', 'src/domain/link-columns.ts',
];

const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

export function schemaDigest(root = '.'): string {
  return sha256(SCHEMA_SOURCES.map((f) => readFileSync(join(root, f), 'utf8')).join('\0'));
}

/** Index of the first record the schema would read differently from how it is written. */
function firstChanged(parsed: readonly unknown[], raw: unknown): number {
  const records = Array.isArray(raw) ? raw : [];
  return parsed.findIndex((p, i) => !isDeepStrictEqual(p, records[i]));
}

/**
 * The manifest of `dir`, or the problems that fail the build. Beyond what data:check
 * reports: the browser will use the JSON as written, so every record must read back exactly as
 * the schema parses it (no text the schema would trim).
 *
 * With `compact`, also the compact form of the validated links (link-columns.ts), listed in the
 * manifest as `links.columns.bin`: the browser then fetches it instead of links.json. The caller
 * writes the bytes beside the JSON. (The single file leaves it out: it inlines the JSON.)
 */
export function buildManifest(dir: string, schema: string, { compact = false } = {}):
  { manifest: DataManifest; problems: []; compact?: Uint8Array } | { manifest: undefined; problems: Problem[] } {
  let columns: Uint8Array | undefined;
  const { raw, problems } = readDataDir(dir);
  const files: Record<string, string> = { ...DATA_FILE_NAMES };
  if (!problems.length) {
    const result = validateDataset(raw, undefined, { atlasYears: true });
    if (!result.ok) problems.push(...result.problems);
    else {
      for (const key of Object.keys(DATA_FILE_NAMES) as (keyof typeof DATA_FILE_NAMES)[]) {
        const i = firstChanged(result.dataset[key], raw[key]);
        if (i >= 0) problems.push({ file: DATA_FILE_NAMES[key], id: result.dataset[key][i]?.id ?? `#${i}`, field: '', message: 'reads differently through the schema (text with spaces around it?): write it as the schema reads it' });
      }
      if (compact && !problems.length) columns = encodeLinkColumns(raw.links as Link[]);
      // The browser uses programmes.json as written, and links' programmes as ids of it.
      if (raw.programmes !== undefined) {
        files.programmes = PROGRAMMES_FILE;
        const i = firstChanged(result.dataset.programmes, raw.programmes);
        if (i >= 0 || result.dataset.programmes.length !== (raw.programmes as unknown[]).length) {
          problems.push({ file: PROGRAMMES_FILE, id: result.dataset.programmes[i]?.id ?? '(file)', field: '', message: 'reads differently through the schema, or misses a programme a link names in full: give every programme a record and name it by id' });
        }
      }
    }
  }
  if (existsSync(join(dir, ALIASES_FILE))) {
    files.aliases = ALIASES_FILE;
    try {
      const rawAliases: unknown = JSON.parse(readFileSync(join(dir, ALIASES_FILE), 'utf8'));
      const parsed = parseAliases(rawAliases);
      problems.push(...parsed.problems);
      const i = parsed.problems.length ? -1 : firstChanged(parsed.aliases, rawAliases);
      if (i >= 0) problems.push({ file: ALIASES_FILE, id: parsed.aliases[i]?.target ?? `#${i}`, field: '', message: 'reads differently through the schema (text with spaces around it?): write it as the schema reads it' });
    } catch (e) {
      problems.push({ file: ALIASES_FILE, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` });
    }
  }
  if (problems.length) return { manifest: undefined, problems };
  const manifest: DataManifest = { schema, files: {} };
  for (const name of Object.values(files)) {
    const bytes = readFileSync(join(dir, name));
    manifest.files[name] = { bytes: bytes.byteLength, sha256: sha256(bytes) };
  }
  if (!columns) return { manifest, problems: [] };
  manifest.files[LINK_COLUMNS_FILE] = { bytes: columns.byteLength, sha256: sha256(columns) };
  return { manifest, problems: [], compact: columns };
}
