/**
 * `npm run data:export -- --format csv|json|geojson [--data DIR]`: writes the flattened links to stdout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { validateDataset, formatProblem } from '../domain/validate.ts';
import { indexDataset } from '../domain/dataset-index.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { countryShapes, type WorldTopology } from '../domain/world.ts';
import { exportLinks, EXPORT_FORMATS, type ExportFormat } from '../domain/export-formats.ts';
import { readDataDir } from './read-data-dir.ts';
import { argValue } from './args.ts';

const args = process.argv.slice(2);
const format = (argValue(args, 'format') ?? 'csv') as ExportFormat;
if (!EXPORT_FORMATS.includes(format)) {
  console.error(`--format must be one of ${EXPORT_FORMATS.join(', ')} (got "${format}")`);
  process.exit(2);
}
const dir = argValue(args, 'data') ?? 'data';
const { raw, problems } = readDataDir(dir);
const result = problems.length ? { ok: false as const, problems } : validateDataset(raw);
if (!result.ok) {
  for (const p of result.problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error('Nothing exported: run npm run data:check and fix the problems above.');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as WorldTopology;
const index = indexDataset(result.dataset, countryAnchors(countryShapes(world)));
process.stdout.write(exportLinks(index, format));
