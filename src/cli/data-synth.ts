/**
 * `npm run data:synth -- --links N --seed S --out DIR`: writes a synthetic dataset (same schema
 * as data/) for benchmarks and scale tests. Links are streamed, so 1,000,000 fit in little memory.
 */
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import { synthesize } from '../domain/synth.ts';
import { argValue } from './args.ts';

const args = process.argv.slice(2);
const links = Number(argValue(args, 'links') ?? '1000');
const seed = Number(argValue(args, 'seed') ?? '1');
const out = argValue(args, 'out');
if (!out || !Number.isInteger(links) || links < 1 || links > 1_000_000 || !Number.isInteger(seed)) {
  console.error('usage: npm run data:synth -- --links N (1..1000000) --seed S (integer) --out DIR');
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
