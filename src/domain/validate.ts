/**
 * Parse the four raw data files with the schema, then check what no single record can show:
 * references, duplicate ids, country codes, Chinese territory, timeline bounds, future dates.
 * Every problem names its file, record id and field so a person can go straight to it.
 */
import countries from 'i18n-iso-countries';
import type { z } from 'zod';
import {
  DATA_FILES, Programme, isCountryRef, type Dataset, type DateSpec, type Link, type RawDataset, type Source,
} from './schema.ts';
import { PROGRAMMES_FILE } from './schema-values.ts';
import { resolveProgrammes } from './programme-refs.ts';
import { yearBounds } from './link-time.ts';
import { ATLAS_FIRST_YEAR, ATLAS_LAST_YEAR, YEAR_LIMITS, dateBounds } from './dates.ts';

export interface Problem {
  file: string;
  /** The record's id, or `#index` when the record has no readable id. */
  id: string;
  field: string;
  message: string;
}

export type ValidationResult =
  | { ok: true; dataset: Dataset; problems: [] }
  | { ok: false; problems: Problem[] };

/** Chinese territory is never a foreign partner. */
const CHINESE_TERRITORY: Record<string, string> = {
  CHN: 'China itself',
  HKG: 'Hong Kong is Chinese territory',
  MAC: 'Macao is Chinese territory',
  TWN: 'Taiwan is Chinese territory',
};

/** Formats a problem as one line: `links.json  s000-01  date.value  must be …`. */
export function formatProblem(p: Problem): string {
  return `${p.file}  ${p.id}  ${p.field || '(record)'}  ${p.message}`;
}

function recordId(raw: unknown, index: number): string {
  if (raw && typeof raw === 'object' && 'id' in raw && typeof raw.id === 'string' && raw.id) return raw.id;
  return `#${index}`;
}

/**
 * Parses a file record by record, so one bad record does not hide the problems of the others.
 * Ids of records that fail are remembered: references to them are not reported again as unknown.
 */
function parseFile<T>(file: string, schema: z.ZodType<T>, raw: unknown, problems: Problem[], broken: Set<string>): T[] {
  if (!Array.isArray(raw)) {
    problems.push({ file, id: '(file)', field: '', message: 'must be a JSON array of records' });
    return [];
  }
  const out: T[] = [];
  raw.forEach((item, i) => {
    const result = schema.safeParse(item);
    if (result.success) {
      out.push(result.data);
      return;
    }
    const id = recordId(item, i);
    broken.add(id);
    for (const issue of result.error.issues) {
      problems.push({ file, id, field: issue.path.map(String).join('.'), message: issue.message });
    }
  });
  return out;
}

/** How strict validateDataset is beyond the schema and references. */
export interface ValidateOptions {
  /**
   * The atlas's own authoring rule (data:check on data/): a link dated outside 2015–2025 needs
   * `outsideTimelineReason` (the default). Off, any years within YEAR_LIMITS are fine: a dataset of one's own
   * (data=, an imported CSV) has its own years, and the timeline spans them.
   */
  atlasYears?: boolean;
}

/** Validates a whole dataset. `today` (YYYY-MM-DD) bounds future dates; tests pass a fixed one. */
export function validateDataset(raw: RawDataset, today = new Date().toISOString().slice(0, 10), options: ValidateOptions = {}): ValidationResult {
  const problems: Problem[] = [];
  const broken = new Set<string>();
  const { sources: S, institutions: I, partners: P, links: L } = DATA_FILES;
  const records = parseFile(L.file, L.record, raw.links, problems, broken);
  const listed = raw.programmes === undefined ? [] : parseFile(PROGRAMMES_FILE, Programme, raw.programmes, problems, broken);
  const { links, programmes } = resolveProgrammes(records, listed, broken, problems);
  const dataset: Dataset = {
    sources: parseFile(S.file, S.record, raw.sources, problems, broken),
    institutions: parseFile(I.file, I.record, raw.institutions, problems, broken),
    partners: parseFile(P.file, P.record, raw.partners, problems, broken),
    links,
    programmes,
  };
  problems.push(...checkReferences(dataset, today, broken, options.atlasYears ?? true));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, dataset, problems: [] };
}

function checkCountry(code: string): string | undefined {
  if (CHINESE_TERRITORY[code]) return `${code} is not a foreign partner: ${CHINESE_TERRITORY[code]}`;
  if (!countries.isValid(code)) return `${code} is not an ISO 3166-1 alpha-3 country code`;
  return undefined;
}

function checkReferences(d: Dataset, today: string, broken: ReadonlySet<string>, atlasYears: boolean): Problem[] {
  const problems: Problem[] = [];
  const add = (file: string, id: string, field: string, message: string) => problems.push({ file, id, field, message });
  // A reference to a record that already failed its schema is not a second problem.
  const known = (ids: ReadonlySet<string>, id: string) => ids.has(id) || broken.has(id);

  // Partners may name institutions (domestic links), so ids must be unique across both files.
  const seen = new Map<string, string>();
  const claim = (file: string, id: string) => {
    const prior = seen.get(id);
    if (prior) add(file, id, 'id', `duplicate id (also in ${prior})`);
    else seen.set(id, file);
  };
  const sourceIds = new Set<string>();
  for (const s of d.sources) {
    if (sourceIds.has(s.id)) add('sources.json', s.id, 'id', 'duplicate id');
    sourceIds.add(s.id);
    if (!s.file && !s.url) add('sources.json', s.id, 'url', 'a source needs a seed file or a url');
    checkNotFuture(s.published, today, (field, m) => add('sources.json', s.id, `published.${field}`, m));
    checkSide(s, (field, m) => add('sources.json', s.id, field, m));
  }
  for (const s of d.sources) {
    if (s.copyOf !== undefined && (!known(sourceIds, s.copyOf) || s.copyOf === s.id)) add('sources.json', s.id, 'copyOf', `must name another source, not "${s.copyOf}"`);
  }
  const institutionIds = new Set(d.institutions.map((i) => i.id));
  for (const i of d.institutions) {
    claim('institutions.json', i.id);
    if (i.parent !== undefined && !known(institutionIds, i.parent)) add('institutions.json', i.id, 'parent', `unknown institution "${i.parent}"`);
    if (i.parent === i.id) add('institutions.json', i.id, 'parent', 'an institution cannot be its own parent');
  }
  const partnerIds = new Set<string>();
  for (const p of d.partners) {
    claim('partners.json', p.id);
    partnerIds.add(p.id);
    if (p.kind === 'institution') {
      const bad = checkCountry(p.country);
      if (bad) add('partners.json', p.id, 'country', bad);
      if (p.coordinates && !p.precision) add('partners.json', p.id, 'precision', 'coordinates need a precision (site, city or province)');
    }
  }

  d.programmes.forEach((p) => p.official?.forEach((f, k) => {
    if (!known(sourceIds, f.source)) add(PROGRAMMES_FILE, p.id, `official.${k}.source`, `unknown source "${f.source}"`);
    checkNotFuture({ precision: 'year', value: f.asOf.slice(0, 4) }, today, (_, m) => add(PROGRAMMES_FILE, p.id, `official.${k}.asOf`, m));
  }));

  const linkIds = new Set<string>();
  for (const l of d.links) {
    const at = (field: string, m: string) => add('links.json', l.id, field, m);
    if (linkIds.has(l.id)) at('id', 'duplicate id');
    linkIds.add(l.id);
    if (!known(institutionIds, l.institution)) at('institution', `unknown institution "${l.institution}"`);
    l.with?.forEach((w, k) => {
      if (!known(institutionIds, w)) at(`with.${k}`, `unknown institution "${w}"`);
      if (w === l.institution) at(`with.${k}`, 'repeats the link\'s own institution');
    });
    checkPartner(l, (id) => known(partnerIds, id), institutionIds, at);
    l.evidence.forEach((e, k) => {
      if (!known(sourceIds, e.source)) at(`evidence.${k}.source`, `unknown source "${e.source}"`);
    });
    // A plan's date may lie ahead ("to open in 2027"); anything that happened cannot.
    if (l.status !== 'planned') checkNotFuture(l.date, today, (field, m) => at(`date.${field}`, m));
    checkTimeline(l, atlasYears, at);
    checkTime(l, today, at);
  }
  return problems;
}

function checkPartner(l: Link, isPartner: (id: string) => boolean, institutionIds: Set<string>, at: (f: string, m: string) => void) {
  if (isCountryRef(l.partner)) {
    const bad = checkCountry(l.partner);
    if (bad) at('partner', bad);
  } else if (institutionIds.has(l.partner)) {
    if (l.partner === l.institution) at('partner', 'a link cannot join an institution to itself');
  } else if (!isPartner(l.partner)) {
    at('partner', `unknown partner "${l.partner}" (not a country code, partner or Chinese institution)`);
  }
}

function checkNotFuture(date: DateSpec, today: string, at: (f: string, m: string) => void) {
  const fields = date.precision === 'range' ? { from: date.from, to: date.to }
    : date.precision === 'before' ? { to: date.to }
      : date.precision === 'unknown' ? {} : { value: date.value };
  for (const [field, value] of Object.entries(fields)) {
    if (value > today) at(field, `${value} is in the future (today is ${today})`);
  }
  if (date.precision === 'range' && date.from > date.to) at('from', `${date.from} is after ${date.to}`);
}

function checkTimeline(l: Link, atlasYears: boolean, at: (f: string, m: string) => void) {
  const bounds = dateBounds(l.date);
  if (!bounds) return;
  const lowest = Number.isFinite(bounds.first) ? bounds.first : bounds.last;
  if (lowest < YEAR_LIMITS.first || bounds.last > YEAR_LIMITS.last) {
    at('date', `outside ${YEAR_LIMITS.first}–${YEAR_LIMITS.last}, the years the atlas can show`);
    return;
  }
  if (!atlasYears || l.outsideTimelineReason) return;
  if (bounds.last < ATLAS_FIRST_YEAR || bounds.first > ATLAS_LAST_YEAR) {
    at('date', `outside ${ATLAS_FIRST_YEAR}–${ATLAS_LAST_YEAR}; give outsideTimelineReason if it belongs here`);
  }
}

/** A partner-side source says for whom it speaks; only a partner-side one does. */
function checkSide(s: Source, at: (f: string, m: string) => void) {
  if (s.side === 'partner' && !s.country && !s.partner) at('side', 'a partner-side source needs `country` or `partner`');
  if (s.side !== 'partner' && (s.country || s.partner)) at('side', '`country` and `partner` are only for partner-side sources');
  if (s.country) {
    const bad = checkCountry(s.country);
    if (bad) at('country', bad);
  }
}

/** Events and ties: only a tie has an end or a "still running" date; both agree with the start; a status fits its kind. */
function checkTime(l: Link, today: string, at: (f: string, m: string) => void) {
  if (l.kind === 'event') {
    if (l.end) at('end', 'an event has no end: it happened once (make it a tie, or drop end)');
    if (l.ongoingAsOf) at('ongoingAsOf', 'an event is not ongoing (make it a tie, or drop ongoingAsOf)');
    if (l.status === 'active' || l.status === 'ended') at('status', `"${l.status}" is for ties; an event is planned, agreed, completed or unknown`);
  }
  const start = yearBounds(l.date);
  if (l.end) {
    checkNotFuture(l.end, today, (field, m) => at(`end.${field}`, m));
    if (yearBounds(l.end).last < start.first) at('end', 'ends before it starts');
    if (l.status === 'active') at('status', 'an active tie has no end; use ended or completed');
  }
  if (l.ongoingAsOf) {
    const { date, source } = l.ongoingAsOf;
    if (date > today) at('ongoingAsOf.date', `${date} is in the future (today is ${today})`);
    if (Number(date.slice(0, 4)) < start.first) at('ongoingAsOf.date', 'is before the tie started');
    if (!l.evidence.some((e) => e.source === source)) at('ongoingAsOf.source', `"${source}" is not one of this link's sources`);
  }
  for (const [field, d] of [['date', l.date], ['end', l.end]] as const) {
    if (d && 'basis' in d && d.basis === 'document-context' && !d.note) at(`${field}.note`, 'a bound from the document\'s context must state its basis in the note');
  }
  if (l.scope && l.scope.length !== new Set(l.scope).size) at('scope', 'repeats a type');
}
