/** Reads the four JSON files of a data folder (and programmes.json when there is one); unreadable or malformed JSON becomes a Problem, not a crash. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_FILES, type RawDataset } from '../domain/schema.ts';
import { PROGRAMMES_FILE } from '../domain/schema-values.ts';
import type { Problem } from '../domain/validate.ts';

export function readDataDir(dir: string): { raw: RawDataset; problems: Problem[] } {
  const problems: Problem[] = [];
  const read = (file: string): unknown => {
    let text: string;
    try {
      text = readFileSync(join(dir, file), 'utf8');
    } catch (e) {
      problems.push({ file, id: '(file)', field: '', message: `cannot be read: ${(e as Error).message}` });
      return [];
    }
    try {
      return JSON.parse(text);
    } catch (e) {
      problems.push({ file, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` });
      return [];
    }
  };
  const raw: RawDataset = {
    sources: read(DATA_FILES.sources.file),
    institutions: read(DATA_FILES.institutions.file),
    partners: read(DATA_FILES.partners.file),
    links: read(DATA_FILES.links.file),
    // Optional: links may name their programmes in full instead.
    ...(existsSync(join(dir, PROGRAMMES_FILE)) ? { programmes: read(PROGRAMMES_FILE) } : {}),
  };
  return { raw, problems };
}
