/**
 * `npm run data:synth -- --links N --seed S --out DIR [--publish]`: writes a synthetic dataset
 * (same schema as data/) for benchmarks and scale tests. Links are streamed, so 1,000,000 fit in
 * little memory. With `--publish`, the folder is then validated and given what the build gives
 * data/: `manifest.json` and the compact links (`links.columns.bin`), so the browser takes the
 * path a published dataset takes. Without it, a folder of JSON alone: the browser validates it.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { synthesize } from '../domain/synth.ts';
import { argValue } from './args.ts';
import { buildManifest, schemaDigest } from './build-manifest.ts';
import { MANIFEST_FILE } from '../domain/data-manifest.ts';
import { LINK_COLUMNS_FILE } from '../domain/link-columns.ts';
import { formatProblem } from '../domain/validate.ts';

const args = process.argv.slice(2);
const links = Number(argValue(args, 'links') ?? '1000');
const seed = Number(argValue(args, 'seed') ?? '1');
const out = argValue(args, 'out');
if (!out || !Number.isInteger(links) || links < 1 || links > 1_000_000 || !Number.isInteger(seed)) {
  console.error('usage: npm run data:synth -- --links N (1..1000000) --seed S (integer) --out DIR [--publish]');
  process.exit(2);
}
const d = synthesize({ links, seed });
mkdirSync(out, { recursive: true });
for (const [name, value] of [['sources', d.sources], ['institutions', d.institutions], ['partners', d.partners]] as const) {
  writeFileSync(join(out, `${name}.json`), `${JSON.stringify(value, null, 1)}\n`);
}
const stream = createWriteStream(join(out, 'links.json'));
const write = async (s: string) => {
  if (!stream.write(s)) await once(stream, 'drain');
};
await write('[\n');
let first = true;
for (const link of d.links()) {
  await write(`${first ? '' : ',\n'}${JSON.stringify(link)}`);
  first = false;
}
await write('\n]\n');
stream.end();
await once(stream, 'finish');
console.error(`wrote ${links} synthetic links (seed ${seed}) to ${out}`);
if (args.includes('--publish')) {
  const built = buildManifest(out, schemaDigest(), { compact: true });
  if (!built.manifest) {
    console.error(`the synthetic data does not validate:\n${built.problems.slice(0, 20).map(formatProblem).join('\n')}`);
    process.exit(1);
  }
  writeFileSync(join(out, LINK_COLUMNS_FILE), built.compact!);
  writeFileSync(join(out, MANIFEST_FILE), `${JSON.stringify(built.manifest, null, 1)}\n`);
  console.error(`validated it and wrote ${MANIFEST_FILE} and ${LINK_COLUMNS_FILE} (${(built.compact!.byteLength / 2 ** 20).toFixed(1)} MB)`);
}
