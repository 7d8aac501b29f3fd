/** The Natural Earth 50m topology that world-atlas ships, read from node_modules (Node tooling only). */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { WorldTopology } from '../domain/world.ts';

export function readWorld(): WorldTopology {
  const require = createRequire(import.meta.url);
  return JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as WorldTopology;
}
