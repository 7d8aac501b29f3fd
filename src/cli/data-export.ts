/**
 * `npm run data:export -- --format csv|json|geojson [--data DIR] [--out FILE] [--bom|--no-bom]`: writes
 * the flattened links to stdout (or FILE). npm prints its own banner on stdout too unless run with
 * `--silent`. A CSV written to a file starts with a UTF-8 byte-order mark (spreadsheets need it to
 * read the Chinese columns); on stdout it does not, since other tools would take the mark for text.
 */
import { writeFileSync } from 'node:fs';
import { validateDataset, formatProblem } from '../domain/validate.ts';
import { indexDataset } from '../domain/dataset-index.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { countryShapes } from '../domain/world.ts';
import { exportLinks, EXPORT_FORMATS, type ExportFormat } from '../domain/export-formats.ts';
import { readDataDir } from './read-data-dir.ts';
import { argValue } from './args.ts';
import { readWorld } from './read-world.ts';

const args = process.argv.slice(2);
const format = (argValue(args, 'format') ?? 'csv') as ExportFormat;
if (!EXPORT_FORMATS.includes(format)) {
  console.error(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`);
  process.exit(2);
}
const dir = argValue(args, 'data') ?? 'data';
const { raw, problems } = readDataDir(dir);
const result = problems.length ? { ok: false as const, problems } : validateDataset(raw, undefined, { atlasYears: false });
if (!result.ok) {
  for (const p of result.problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error('Nothing exported: run npm run data:check and fix the problems above.');
  process.exit(1);
}
const index = indexDataset(result.dataset, countryAnchors(countryShapes(readWorld())));
const out = argValue(args, 'out');
const bom = args.includes('--bom') || (out !== undefined && !args.includes('--no-bom'));
const text = exportLinks(index, format, index.dataset.links, { bom });
if (out) writeFileSync(out, text);
else {
  // A reader that stops early (`| head`) closes the pipe: that is not an error of the export.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => process.exit(e.code === 'EPIPE' ? 0 : 1));
  process.stdout.write(text);
}
