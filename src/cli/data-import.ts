/**
 * `npm run data:import -- FILE.csv --out DIR [--data REF_DIR]`: turns a CSV in the export's own
 * columns into a dataset folder (the four JSON files the app reads with `?data=DIR`). Chinese
 * institutions, partners and sources the atlas already knows are taken from REF_DIR (default
 * `data/`). Every refused row is printed with its row number, column and what is wrong; the other
 * rows are written. Exits 1 when any row was refused (or the file could not be read), 0 otherwise.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { importCsv } from '../domain/csv-import.ts';
import { DATA_FILES } from '../domain/schema.ts';
import { formatProblem, validateDataset } from '../domain/validate.ts';
import { timelineSpanOf } from '../domain/dates.ts';
import { readDataDir } from './read-data-dir.ts';
import { argValue } from './args.ts';

const args = process.argv.slice(2);
const file = args.find((a, i) => !a.startsWith('--') && !['--out', '--data'].includes(args[i - 1] ?? ''));
const out = argValue(args, 'out');
if (!file || !out) {
  console.error('usage: npm run data:import -- FILE.csv --out DIR [--data REFERENCE_DIR]');
  process.exit(2);
}
const refDir = argValue(args, 'data') ?? 'data';
const { raw, problems: readProblems } = readDataDir(refDir);
const reference = readProblems.length ? { ok: false as const, problems: readProblems } : validateDataset(raw, undefined, { atlasYears: false });
if (!reference.ok) {
  for (const p of reference.problems) console.error(`${refDir}/${formatProblem(p)}`);
  console.error(`Nothing imported: the reference data in ${refDir} has problems.`);
  process.exit(1);
}
let text: string;
try {
  text = readFileSync(file, 'utf8');
} catch (e) {
  console.error(`${file}: cannot be read: ${(e as Error).message}`);
  process.exit(1);
}
const r = importCsv(text, reference.dataset);
for (const p of r.problems) console.error(`${file}  row ${p.row}  ${p.column}  ${p.message}`);
mkdirSync(out, { recursive: true });
for (const [key, { file: name }] of Object.entries(DATA_FILES)) {
  writeFileSync(join(out, name), `${JSON.stringify(r.dataset[key as keyof typeof DATA_FILES], null, 2)}\n`);
}
const span = timelineSpanOf(r.dataset.links);
console.log(`${file}: ${r.imported} of ${r.rows} rows imported as links into ${out}/, ${r.refused.length} refused${r.refused.length ? ` (rows ${r.refused.join(', ')})` : ''}.`);
if (r.englishFallbacks) console.log(`${r.englishFallbacks} Chinese texts were empty: they are shown in English, marked as such.`);
console.log(`Timeline: ${span.first}–${span.last}. To see it, put the folder in the built site (dist/) and open the atlas with ?data=${basename(out)}`);
process.exit(r.refused.length || r.problems.length ? 1 : 0);
