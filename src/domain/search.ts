/**
 * Search over everything a reader can look for: Chinese institutions, partner countries, partner
 * institutions, organisations, groups and programmes, by English or Chinese name, alias or id.
 * The index is built once per dataset with every string folded ahead, so a keystroke costs one
 * pass of `indexOf` over short strings, whatever the size of the data.
 */
import type { DatasetIndex } from './dataset-index.ts';
import type { Bilingual } from './schema.ts';
import { dataLang, type Lang } from './dates.ts';
import { PROGRAMME_PREFIX, partnerCountries, type Alias } from './alias-values.ts';
import { countryName, countryNames } from './countries.ts';
import { listProgrammes } from './programmes.ts';
import { foldText, hasHan } from './fold.ts';
import { alikeGroups } from './link-columns.ts';

/** What a search result is; partners are split by their kind. */
export type SearchKind = 'institution' | 'country' | 'partner-institution' | 'organization' | 'group' | 'programme';

/** What choosing a suggestion hands on: the kind and the record id (ISO3 for countries, programme id for programmes). */
export interface SearchHit {
  kind: SearchKind;
  id: string;
}

/** One thing that can be found. */
export interface SearchEntry extends SearchHit {
  name: Bilingual;
  /** Names it is also known by: the alias list's, other spellings, the country list's other names. */
  aliases: string[];
  /** Links in the whole dataset that involve it (whatever the timeline shows). */
  links: number;
}

/** 0 exact name or alias, 1 a word starts with the query, 2 the query is inside a word, 3 every word of the query is. */
export type MatchRank = 0 | 1 | 2 | 3;

/** A suggestion: the entry, how well it matched and, when an alias matched better than the names, which. */
export interface SearchResult extends SearchEntry {
  rank: MatchRank;
  alias?: string;
}

/** The entries with their folded strings, built once by buildSearchIndex. */
export interface SearchIndex {
  entries: readonly SearchEntry[];
  /** Per entry: its folded strings (names, aliases, id), the names first. */
  keys: readonly (readonly string[])[];
  /** Per entry: the same strings joined, for a fast first test. */
  haystacks: readonly string[];
  /** Per entry: how many leading keys are names rather than aliases. */
  nameCount: readonly number[];
  /** Per language: each entry's place in the tie order (more links first, then by name); computed on first use. */
  order: Partial<Record<Lang, Uint32Array>>;
}

const PARTNER_KIND = { institution: 'partner-institution', organization: 'organization', group: 'group' } as const;
const MAX_QUERY = 100;

/** Builds the index: one entry per institution, partner country, partner and programme. O(links + records). */
export function buildSearchIndex(index: DatasetIndex, aliases: readonly Alias[] = []): SearchIndex {
  const { institutions, partners, links } = index.dataset;
  const aliasesOf = new Map<string, string[]>();
  for (const a of aliases) aliasesOf.set(a.target, [...(aliasesOf.get(a.target) ?? []), ...a.aliases]);

  const count = new Map<string, number>();
  const bump = (key: string, n: number) => count.set(key, (count.get(key) ?? 0) + n);
  const involved = new Set<string>();
  // Once per distinct (institution, co-leads, partner): a million links hold a few thousand.
  const groups = alikeGroups(links, ['institution', 'with', 'partner']);
  for (let g = 0; g < groups.first.length; g++) {
    const l = links[groups.first[g] as number]!;
    const n = groups.size[g] as number;
    // An institution counts a link once, whether it leads it, takes part or is its domestic partner.
    involved.clear();
    involved.add(l.institution);
    for (const w of l.with ?? []) involved.add(w);
    if (index.institutions.has(l.partner)) involved.add(l.partner);
    for (const id of involved) bump(`i:${id}`, n);
    const p = index.partnerOf(l);
    if (p.iso3) bump(`c:${p.iso3}`, n);
    if (p.kind !== 'country' && p.kind !== 'domestic') bump(`p:${p.key}`, n);
  }

  const entries: SearchEntry[] = [];
  for (const i of institutions) {
    entries.push({ kind: 'institution', id: i.id, name: i.name, aliases: aliasesOf.get(i.id) ?? [], links: count.get(`i:${i.id}`) ?? 0 });
  }
  for (const iso3 of [...partnerCountries(links, partners)].sort()) {
    const name = { en: countryName(iso3, 'en'), zh: countryName(iso3, 'zh') };
    // Arabic and Russian names too, when that language has been loaded (countries.ts registerCountryNames).
    const listed = [...new Set([...countryNames(iso3, 'en'), ...countryNames(iso3, 'zh'), ...countryNames(iso3, 'ar'), ...countryNames(iso3, 'ru')])]
      .filter((n) => n !== name.en && n !== name.zh);
    entries.push({ kind: 'country', id: iso3, name, aliases: [...listed, ...(aliasesOf.get(iso3) ?? [])], links: count.get(`c:${iso3}`) ?? 0 });
  }
  for (const p of partners) {
    entries.push({ kind: PARTNER_KIND[p.kind], id: p.id, name: p.name, aliases: aliasesOf.get(p.id) ?? [], links: count.get(`p:${p.id}`) ?? 0 });
  }
  for (const p of listProgrammes(index.dataset)) {
    entries.push({ kind: 'programme', id: p.id, name: p.name, aliases: aliasesOf.get(PROGRAMME_PREFIX + p.id) ?? [], links: p.links });
  }

  const keys = entries.map((e) => [...new Set([foldText(e.name.en), foldText(e.name.zh), ...e.aliases.map(foldText), foldText(e.id)])].filter(Boolean));
  const nameCount = entries.map((e) => new Set([foldText(e.name.en), foldText(e.name.zh)].filter(Boolean)).size);
  return { entries, keys, haystacks: keys.map((k) => k.join('\n')), nameCount, order: {} };
}

/**
 * The best `limit` suggestions for what the reader typed: case-, accent- and punctuation-blind.
 * Exact names and aliases first, then a word that starts with the query, then the query inside a
 * word (Chinese has no word boundaries: a match at the start of a name counts as a word start),
 * then every word of the query found somewhere; ties go to more links, then to the name.
 */
export function searchEntities(index: SearchIndex, query: string, lang: Lang, limit = 8): SearchResult[] {
  const q = foldText(query.slice(0, MAX_QUERY));
  if (!q || limit <= 0) return [];
  const han = hasHan(q);
  const words = q.split(' ');
  const order = tieOrder(index, lang);
  // The best `limit` so far, kept sorted: a bounded insertion costs far less than sorting every match.
  const best: { i: number; rank: MatchRank; via: number }[] = [];
  const better = (a: { i: number; rank: number }, b: { i: number; rank: number }) => a.rank - b.rank || (order[a.i] as number) - (order[b.i] as number);
  for (let i = 0; i < index.entries.length; i++) {
    const hay = index.haystacks[i] as string;
    let rank: MatchRank | -1 = -1;
    let via = -1;
    if (hay.includes(q)) {
      const keys = index.keys[i] as readonly string[];
      for (let k = 0; k < keys.length && rank !== 0; k++) {
        const r = matchRank(keys[k] as string, q, han);
        if (r >= 0 && (rank < 0 || r < rank)) [rank, via] = [r as MatchRank, k];
      }
    } else if (words.length > 1 && words.every((w) => wordAt(hay, w, hasHan(w)))) {
      rank = 3;
    }
    if (rank < 0) continue;
    const cand = { i, rank: rank as MatchRank, via };
    if (best.length === limit && better(cand, best[limit - 1]!) >= 0) continue;
    let at = best.length;
    while (at > 0 && better(cand, best[at - 1]!) < 0) at--;
    best.splice(at, 0, cand);
    if (best.length > limit) best.pop();
  }
  return best.map(({ i, rank, via }) => {
    const e = index.entries[i] as SearchEntry;
    const nameKeys = index.nameCount[i] as number;
    // Say which alias matched only when no name matched as well: "WCH" → West China Hospital.
    const alias = via >= nameKeys ? aliasAt(e, index.keys[i] as readonly string[], via) : undefined;
    return { ...e, rank, ...(alias ? { alias } : {}) };
  });
}

/** The entry for a hit, or undefined when the hit is not in the index. */
export function findEntry(index: SearchIndex, hit: SearchHit): SearchEntry | undefined {
  return index.entries.find((e) => e.kind === hit.kind && e.id === hit.id);
}

function matchRank(key: string, q: string, han: boolean): MatchRank | -1 {
  const at = key.indexOf(q);
  if (at < 0) return -1;
  if (key.length === q.length) return 0;
  return wordAt(key, q, han) ? 1 : 2;
}

/** Whether `q` occurs in `s` at the start of a word (for Chinese: at the start of a name or after a space). */
function wordAt(s: string, q: string, han: boolean): boolean {
  for (let at = s.indexOf(q); at >= 0; at = s.indexOf(q, at + 1)) {
    if (at === 0) return true;
    const prev = s[at - 1] as string;
    if (prev === ' ' || prev === '\n' || (!han && hasHan(prev))) return true;
  }
  return false;
}

/** The original spelling of the alias behind folded key k (keys are deduplicated, so look it up); ids are not shown. */
function aliasAt(e: SearchEntry, keys: readonly string[], k: number): string | undefined {
  const key = keys[k];
  return e.aliases.find((a) => foldText(a) === key);
}

function tieOrder(index: SearchIndex, uiLang: Lang): Uint32Array {
  // Names exist in the data's languages only: Arabic and Russian order the English names.
  const lang = dataLang(uiLang);
  const cached = index.order[lang];
  if (cached) return cached;
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans' : 'en', { sensitivity: 'base', numeric: true });
  const sorted = index.entries.map((_, i) => i).sort((a, b) => {
    const ea = index.entries[a] as SearchEntry;
    const eb = index.entries[b] as SearchEntry;
    return eb.links - ea.links || collator.compare(ea.name[lang], eb.name[lang]) || a - b;
  });
  const order = new Uint32Array(index.entries.length);
  sorted.forEach((entry, place) => {
    order[entry] = place;
  });
  index.order[lang] = order;
  return order;
}
