/**
 * The seed documents' texts for data:check's copy check. They live outside the repository, in
 * `shared/seeds/` beside it (`../shared/seeds` from the repository root); a clone without that
 * folder (a clean CI checkout) has no seeds, and the copy check is then skipped, not failed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Source } from '../domain/schema.ts';
import type { Problem } from '../domain/validate.ts';

/** The repository root: two folders up from this file (src/cli/). */
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Where the seed documents are expected: `shared/seeds/` beside the repository. */
export function defaultSeedsDir(repoRoot: string = REPO_ROOT): string {
  return resolve(repoRoot, '..', 'shared', 'seeds');
}

/**
 * Reads the text of every source that has a seed `file`. `null` when the folder does not exist;
 * a seed file missing from an existing folder is a problem of its source.
 */
export function readSeedTexts(dir: string, sources: readonly Pick<Source, 'id' | 'file'>[]): { texts: Map<string, string>; problems: Problem[] } | null {
  if (!existsSync(dir)) return null;
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  for (const s of sources) {
    if (!s.file) continue;
    try {
      texts.set(s.id, readFileSync(join(dir, s.file), 'utf8'));
    } catch (e) {
      problems.push({ file: 'sources.json', id: s.id, field: 'file', message: `seed ${s.file} cannot be read from ${dir}: ${(e as Error).message}` });
    }
  }
  return { texts, problems };
}
