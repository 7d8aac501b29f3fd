/**
 * Matching a city name from a report to a GeoNames place (the gazetteer the data tooling
 * uses; nothing here is shipped to the browser). Pure: tested in Node.
 */
export interface GazetteerPlace {
  /** GeoNames id. */
  id?: number;
  name: string;
  /** Comma-separated alternate names, as GeoNames gives them. */
  altName?: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  population: number;
  lonLat: [number, number];
}

/** "Ürümqi" → "urumqi", "Xi'an" → "xian": accents, apostrophes, hyphens and spaces do not count. */
export function normalizePlaceName(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\s'’`\-.]/g, '').toLowerCase();
}

/**
 * The city a record names, without qualifiers the reports add: "Kashgar, Xinjiang" → "Kashgar",
 * "Hohhot (regional capital)" → "Hohhot".
 */
export function cityKey(city: string): string {
  return city.split(/[,(（]/)[0]!.trim();
}

/**
 * Names the reports use that this GeoNames snapshot spells otherwise (renamed cities,
 * transliterations). Keyed by normalized report name, per alpha-2 country.
 */
export const GAZETTEER_ALIASES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  CN: { alar: 'Aral', alaer: 'Aral' }, // 阿拉尔 (Alar/Alaer), GeoNames "Aral"
  KZ: { astana: 'Nur-Sultan' }, // renamed Nur-Sultan in 2019, Astana again in 2022
  UZ: { urgench: 'Urganch' },
  MO: { macao: 'Macau' },
};

/**
 * Places a name alone cannot tell apart (several towns of one name in a country, none with a
 * population figure): the record writes the qualifier ("Hekou, Yunnan") and this pins the
 * GeoNames id. Keyed by the normalized full city text, per alpha-2 country.
 */
export const GAZETTEER_PINS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  CN: { 'hekou,yunnan': 1808588 }, // Hekou Yao Autonomous County; GeoNames also has Hekous in Jiangxi and Shandong
};

/**
 * The most populous place in `country` whose name or alternate names match `city`, or null.
 * Population decides between same-named places in one country (there are several Tianjins).
 */
export function findCity(places: readonly GazetteerPlace[], city: string, country: string): GazetteerPlace | null {
  const pin = GAZETTEER_PINS[country]?.[normalizePlaceName(city)];
  if (pin !== undefined) return places.find((p) => p.id === pin) ?? null;
  const key = normalizePlaceName(cityKey(city));
  const want = normalizePlaceName(GAZETTEER_ALIASES[country]?.[key] ?? key);
  let best: GazetteerPlace | null = null;
  for (const p of places) {
    if (p.country !== country) continue;
    const names = [p.name, ...(p.altName ? p.altName.split(',') : [])];
    if (!names.some((n) => normalizePlaceName(n) === want)) continue;
    if (!best || p.population > best.population) best = p;
  }
  return best;
}
