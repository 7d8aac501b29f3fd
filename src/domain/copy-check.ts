/**
 * Copy check for link summaries: a summary is written in our own words, so it must not repeat a
 * clause of the source it cites. Given a source text and a summary, finds the runs of the summary
 * that the source contains word for word:
 *
 * - Chinese (`zh`): at least MIN_CJK_RUN consecutive Chinese characters shared with the source.
 *   Punctuation and spaces are ignored on both sides, so "出血，不足" matches "出血不足".
 * - English (`en`): at least MIN_WORD_RUN consecutive words shared with the source, ignoring case,
 *   punctuation and diacritics.
 *
 * Names and lists do not count as copying. Left out of a run are the known names (institutions,
 * partners, countries and programmes of the dataset, aliases), the short names the source defines
 * for itself (以下简称“中山五院”), anything the summary puts in quotation marks (a title, an
 * attributed quotation), and the separators of enumerated fields (、 ; / and in Chinese 与 和 及 或;
 * in English also the comma). A run is reported only when one unbroken piece of it — no name and no
 * list separator inside — reaches the threshold on its own; so a list of fields never does, while
 * a copied clause does whatever its punctuation (the Chinese comma ， joins clauses, so it does not
 * break a piece).
 *
 * Pure: the caller reads the files (see `src/cli/data-check.ts`).
 */
import type { Dataset, Link } from './schema.ts';
import type { Problem } from './validate.ts';
import { countryNames } from './countries.ts';

/**
 * Chinese characters a piece needs to count as copied. Tuned on the 102 links that cite the seed
 * documents: names of centres, courses and summits that are no dataset record
 * (南疆腹腔镜微创技术培训中心; 首届中国—中亚峰会在西安举行) and long list items share up to 13
 * characters with their source, while the copied clauses of the summaries as first written
 * (before the review of parts A and B) shared 15–18 (两院签署跨区域战略合作协议，推动帮扶: 17).
 * Shorter copied fragments (累计为疆内外培养泌尿外科: 12) cannot be told from those names by length
 * and go unreported. 14 characters are about seven Chinese words, in line with the English threshold.
 */
export const MIN_CJK_RUN = 14;
/**
 * Words a piece needs to count as copied. The English summaries of the seed documents share at
 * most 7 words with their source outside names and lists, all descriptive phrases ("institutions
 * in eight countries across five continents"); a copied clause is longer.
 */
export const MIN_WORD_RUN = 8;

export type CopyLang = 'zh' | 'en';

/** One copied run of a summary. */
export interface CopiedRun {
  /** The run as the summary writes it, from the first to the last shared character. */
  text: string;
  /** Character offsets of `text` in the summary. */
  start: number;
  end: number;
  /** Length of its longest piece without names or list separators: characters (zh) or words (en). */
  length: number;
}

export interface CopyCheckOptions {
  /** Chinese characters a piece needs to count as copied (default MIN_CJK_RUN). */
  minCjk?: number;
  /** Words a piece needs to count as copied (default MIN_WORD_RUN). */
  minWords?: number;
  /** Names that never count as copied (see `namesIndex`). */
  names?: NamesIndex;
}

interface Token {
  /** The folded token: one Chinese character, or one word / number (lowercase, no diacritics). */
  t: string;
  han: boolean;
  start: number;
  end: number;
  /** A list separator (、 , ; /) stands between this token and the one before it. */
  listBreak: boolean;
  /** A Chinese conjunction that joins listed fields (与, 和, 及, 或): it ends a list item like 、 does. */
  joiner: boolean;
}

const HAN = /\p{Script=Han}/u;
const JOINERS = new Set(['与', '和', '及', '或']);
const TOKEN = /\p{Script=Han}|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
/** Separators of enumerated fields. In Chinese the comma (，) joins clauses, 、 enumerates. */
const LIST_SEPARATOR: Record<CopyLang, RegExp> = { zh: /[、;；/／]/u, en: /[,，;；/／、]/u };
/** A quoted stretch of a summary (a title, a name, an attributed quotation) is not passed off as ours. */
const QUOTED = /“[^“”]*”|"[^"]*"|「[^「」]*」|『[^『』]*』|《[^《》]*》/gu;
/** Short names a source defines for itself: 以下简称“中山五院”, hereinafter referred to as "the plan". */
const DEFINED_NAME = /以下简称[:：]?\s*[“"「]?([^”"」)）,，。;；]+)|hereinafter(?: referred to as)?(?: the)?\s*["“]([^"”]+)["”]/giu;
const MARKS = /\p{M}+/gu;
const APOSTROPHES = /['’]/gu;

function fold(s: string): string {
  return s.normalize('NFKD').replace(MARKS, '').replace(APOSTROPHES, '').toLowerCase();
}

/** Chinese characters one by one, other letters and digits as words; punctuation and spaces dropped. */
export function tokenize(text: string, lang: CopyLang = 'en'): Token[] {
  const out: Token[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index;
    const between = text.slice(last, start);
    const t = fold(m[0]);
    out.push({
      t, han: HAN.test(t), start, end: start + m[0].length,
      listBreak: out.length > 0 && LIST_SEPARATOR[lang].test(between),
      joiner: lang === 'zh' && JOINERS.has(t),
    });
    last = start + m[0].length;
  }
  return out;
}

/** Names as token sequences, looked up by their first token. */
export interface NamesIndex {
  byFirst: Map<string, string[][]>;
}

/**
 * Indexes names for `findCopiedRuns`. A name's parenthesised parts are indexed apart
 * ("University of Malaya Medical Centre (UMMC)" → the name and "UMMC"), and so are the parts of a
 * name joined by a comma ("Sir Run Run Shaw Hospital, Zhejiang University School of Medicine").
 */
export function namesIndex(names: Iterable<string>): NamesIndex {
  const byFirst = new Map<string, string[][]>();
  const add = (s: string) => {
    const toks = tokenize(s).map((t) => t.t);
    const first = toks[0];
    if (first === undefined) return;
    const list = byFirst.get(first) ?? [];
    if (!list.some((l) => l.length === toks.length && l.every((t, i) => t === toks[i]))) list.push(toks);
    byFirst.set(first, list);
  };
  for (const name of names) {
    const outer = name.replace(/[(（][^)）]*[)）]/gu, ' ');
    add(outer);
    for (const part of outer.split(/[,，、]/u)) add(part);
    for (const m of name.matchAll(/[(（]([^)）]*)[)）]/gu)) add(m[1] ?? '');
    // Quoted names ("China's aid to Mali Hospital" (as named in the source)) without their quotes.
    for (const m of name.matchAll(/["“”「」《》]([^"“”「」《》]+)["“”「」《》]/gu)) add(m[1] ?? '');
  }
  return { byFirst };
}

/** The short names a source text defines for itself ("以下简称“喀地一院”"). */
export function definedNames(source: string): string[] {
  return [...source.matchAll(DEFINED_NAME)].map((m) => (m[1] ?? m[2] ?? '').trim()).filter(Boolean);
}

/** Which summary tokens are a name: a known name (longest at each place), or inside quotation marks. */
function nameMask(summary: string, tokens: readonly Token[], indexes: readonly NamesIndex[]): boolean[] {
  const mask = tokens.map(() => false);
  for (let i = 0; i < tokens.length; i++) {
    let best = 0;
    for (const names of indexes) {
      for (const name of names.byFirst.get(tokens[i]!.t) ?? []) {
        if (name.length > best && name.every((t, k) => tokens[i + k]?.t === t)) best = name.length;
      }
    }
    for (let k = 0; k < best; k++) mask[i + k] = true;
  }
  for (const m of summary.matchAll(QUOTED)) {
    const end = m.index + m[0].length;
    tokens.forEach((t, i) => {
      if (t.start >= m.index && t.end <= end) mask[i] = true;
    });
  }
  return mask;
}

/** For each summary token, the length of the longest run starting there that the source also has. */
function longestMatches(summary: readonly Token[], source: readonly Token[]): number[] {
  const positions = new Map<string, number[]>();
  source.forEach((tok, j) => {
    const p = positions.get(tok.t);
    if (p) p.push(j);
    else positions.set(tok.t, [j]);
  });
  return summary.map((tok, i) => {
    let best = 0;
    for (const j of positions.get(tok.t) ?? []) {
      let k = 1;
      while (i + k < summary.length && j + k < source.length && summary[i + k]!.t === source[j + k]!.t) k++;
      if (k > best) best = k;
    }
    return best;
  });
}

/** Longest piece of tokens [a, b) with no name token and no list separator inside, in units of the language. */
function longestPiece(tokens: readonly Token[], names: readonly boolean[], a: number, b: number, lang: CopyLang): number {
  let best = 0;
  let cur = 0;
  for (let i = a; i < b; i++) {
    const tok = tokens[i]!;
    if (names[i] || tok.joiner || (tok.listBreak && i > a)) cur = 0;
    if (names[i] || tok.joiner) continue;
    if (lang === 'zh' ? tok.han : !tok.han) cur++;
    if (cur > best) best = cur;
  }
  return best;
}

/**
 * The runs of `summary` copied from `source`: shared stretches whose longest piece without names
 * and list separators reaches the threshold of the language (overlapping stretches are merged).
 */
export function findCopiedRuns(source: string, summary: string, lang: CopyLang, options: CopyCheckOptions = {}): CopiedRun[] {
  const min = lang === 'zh' ? options.minCjk ?? MIN_CJK_RUN : options.minWords ?? MIN_WORD_RUN;
  const sum = tokenize(summary, lang);
  const src = tokenize(source, lang);
  const indexes = [namesIndex(definedNames(source)), ...(options.names ? [options.names] : [])];
  const names = nameMask(summary, sum, indexes);
  const lengths = longestMatches(sum, src);
  const spans: { a: number; b: number; length: number }[] = [];
  lengths.forEach((len, i) => {
    if (len < min) return;
    const length = longestPiece(sum, names, i, i + len, lang);
    if (length < min) return;
    const prev = spans[spans.length - 1];
    if (prev && i < prev.b) {
      prev.b = Math.max(prev.b, i + len);
      prev.length = Math.max(prev.length, length);
    } else spans.push({ a: i, b: i + len, length });
  });
  return spans.map(({ a, b, length }) => {
    const start = sum[a]!.start;
    const end = sum[b - 1]!.end;
    return { text: summary.slice(start, end), start, end, length };
  });
}

/**
 * Every name of the dataset that may appear in a summary as it does in a source: institutions and
 * partners in both languages (and a partner's name in its own language), the countries the links
 * name, programmes, and the alias list when there is one.
 */
export function datasetNames(d: Dataset, aliases: readonly { aliases: readonly string[] }[] = []): string[] {
  const names: string[] = [];
  for (const i of d.institutions) names.push(i.name.en, i.name.zh);
  for (const p of d.partners) {
    names.push(p.name.en, p.name.zh);
    if (p.kind === 'institution' && p.originalName) names.push(p.originalName.text);
  }
  const countries = new Set<string>();
  for (const p of d.partners) if (p.kind === 'institution') countries.add(p.country);
  for (const l of d.links) {
    if (/^[A-Z]{3}$/.test(l.partner)) countries.add(l.partner);
  }
  for (const p of d.programmes) names.push(p.name.en, p.name.zh);
  for (const c of countries) names.push(...countryNames(c, 'en'), ...countryNames(c, 'zh'));
  for (const a of aliases) names.push(...a.aliases);
  return names;
}

/**
 * Copied runs in the summaries of the links that cite the given source texts (source id → text,
 * typically the seed documents). One problem per copied run: file, link id, field and the run.
 */
export function checkSummaryCopies(
  links: readonly Pick<Link, 'id' | 'summary' | 'evidence'>[],
  texts: ReadonlyMap<string, string>,
  options: CopyCheckOptions = {},
): Problem[] {
  const problems: Problem[] = [];
  for (const l of links) {
    const cited = [...new Set(l.evidence.map((e) => e.source))].filter((s) => texts.has(s));
    for (const lang of ['en', 'zh'] as const) {
      for (const source of cited) {
        for (const run of findCopiedRuns(texts.get(source)!, l.summary[lang], lang, options)) {
          const unit = lang === 'zh' ? 'characters' : 'words';
          problems.push({
            file: 'links.json', id: l.id, field: `summary.${lang}`,
            message: `copies ${run.length} ${unit} of source "${source}": "${run.text}" (write it in your own words)`,
          });
        }
      }
    }
  }
  return problems;
}
