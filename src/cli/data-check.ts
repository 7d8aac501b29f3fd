/**
 * `npm run data:check [-- DIR]`: validates every file of a data folder (default `data/`) and the
 * references between them. Prints one line per problem (file, record id, field, message);
 * exits 1 if there is any.
 */
import { validateDataset, formatProblem } from '../domain/validate.ts';
import { readDataDir } from './read-data-dir.ts';

const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'data';
const { raw, problems: readProblems } = readDataDir(dir);
const result = readProblems.length ? { ok: false as const, problems: readProblems } : validateDataset(raw);
if (result.ok) {
  const d = result.dataset;
  console.log(`${dir}: OK — ${d.links.length} links, ${d.institutions.length} institutions, ${d.partners.length} partners, ${d.sources.length} sources`);
} else {
  for (const p of result.problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error(`${result.problems.length} problem(s) in ${dir}`);
  process.exitCode = 1;
}
