/**
 * A CSV in the export's own columns (flatten.ts EXPORT_COLUMNS) back into a dataset: one link per
 * row. The same code for `npm run data:import` and a file opened in the browser. Pure: the CSV's
 * text and the atlas's own dataset (the *reference*: the Chinese institutions, partners and sources
 * it already knows) in, records and row-level problems out.
 *
 * Nothing is guessed and nothing dropped silently: a row that cannot become a valid link is
 * *refused* with every problem named by row number (as a spreadsheet numbers it: the header is
 * row 1) and column; the other rows are imported. A Chinese institution must be one the atlas
 * knows (by id or name: its point, city and kind are facts the CSV does not carry); a country is
 * an ISO 3166-1 alpha-3 code or its English name; a new partner or source needs the columns that
 * say what it is. Chinese text the CSV leaves empty is filled with the English (`zh` = `en`), which
 * the app shows marked as English (shownInEnglish).
 */
import Papa from 'papaparse';
import countries from 'i18n-iso-countries';
import { EXPORT_COLUMNS } from './flatten.ts';
import { isCountryCode } from './countries.ts';
import {
  Id, LinkType, LinkStatus, isCountryRef,
  type Bilingual, type Dataset, type DateSpec, type Institution, type Link, type LinkRecord, type Partner, type Source,
} from './schema.ts';
import { validateDataset, type Problem } from './validate.ts';

/** One thing wrong with the file: its row (1 is the header) and column, and what is wrong. */
export interface ImportProblem {
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  /** The imported rows' links and the records they need; valid as a whole. */
  dataset: Dataset;
  /** Every problem, in row order; a row with any is refused. Row 1 problems concern the file's columns. */
  problems: ImportProblem[];
  /** Data rows in the file (blank lines not counted). */
  rows: number;
  /** Rows that became links. */
  imported: number;
  /** Row numbers refused, ascending: rows − imported of them. */
  refused: number[];
  /** How many Chinese texts (names, summaries …) the file left empty and are shown in English. */
  englishFallbacks: number;
}

/** Columns a row cannot do without (the rest may be absent from the file). */
export const REQUIRED_COLUMNS = ['id', 'kind', 'type', 'institution_id', 'partner_kind', 'summary_en', 'source_id', 'locator'] as const;

/** The locator of an extra source (source_ids beyond the first): the CSV names the source but not where in it. */
export const EXTRA_SOURCE_LOCATOR = 'not given in the imported file';

/** The row as text per column; absent columns read as empty. */
type Row = (column: string) => string;

/** Undoes the export's formula escaping: `'=x` was written for `=x` (csv.ts FORMULA_START). */
function unescapeCell(s: string): string {
  return /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(s) ? s.slice(1) : s;
}

const list = (s: string) => s.split(';').map((x) => x.trim()).filter(Boolean);
const norm = (s: string) => s.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

/** A date as data:export codes it (dates.ts dateCode): `2018-09-06`, `2019`, `2016/2018`, `../2019-09`, or empty. */
export function parseDateCode(code: string, precision: string): DateSpec | string {
  const c = code.trim();
  const p = precision.trim();
  let d: DateSpec;
  if (c === '') d = { precision: 'unknown' };
  else if (c.startsWith('../')) d = { precision: 'before', to: c.slice(3) };
  else if (c.includes('/')) {
    const [from = '', to = ''] = c.split('/');
    d = { precision: 'range', from, to };
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(c)) d = { precision: 'day', value: c };
  else if (/^\d{4}-\d{2}$/.test(c)) d = { precision: 'month', value: c };
  else if (/^\d{4}$/.test(c)) d = { precision: 'year', value: c };
  else return `"${c}" is not a date: write YYYY, YYYY-MM, YYYY-MM-DD, FROM/TO or ../TO`;
  if (p && p !== d.precision) return `"${c}" is a ${d.precision} date, but date_precision says ${p}`;
  return d;
}

/** A number cell: empty gives undefined, anything else must be a finite number. */
function numberCell(s: string): number | undefined | string {
  if (s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : `"${s}" is not a number`;
}

/** An id from an English name, when the file gives a new partner no id: "Aga Khan University" → "aga-khan-university". */
export function idFromName(name: string): string {
  return name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}

/** Which column a validation problem of a link's field points to. */
function columnOfField(field: string): string {
  const head = field.split('.')[0] ?? '';
  const map: Record<string, string> = {
    id: 'id', kind: 'kind', institution: 'institution_id', with: 'with_ids', partner: 'partner_kind', date: 'date', end: 'end',
    ongoingAsOf: field.endsWith('source') ? 'ongoing_as_of_source' : 'ongoing_as_of', status: 'status', types: 'type', scope: 'scope',
    inferred: 'inferred', mode: 'mode', participants: field.includes('unit') ? 'participants_unit_en' : 'participants', programme: 'programme', batch: 'batch',
    summary: field.endsWith('zh') ? 'summary_zh' : 'summary_en', evidence: field.endsWith('locator') ? 'locator' : 'source_id', event: 'event',
  };
  return map[head] ?? head;
}

interface Built {
  row: number;
  link: LinkRecord;
  /** Chinese texts of this row filled with English. */
  fallbacks: number;
}

/**
 * Imports the CSV. `reference` is the atlas's own dataset; `today` (YYYY-MM-DD) bounds dates as
 * the loader's validation does.
 */
export function importCsv(text: string, reference: Dataset, today = new Date().toISOString().slice(0, 10)): ImportResult {
  const problems: ImportProblem[] = [];
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: 'greedy' });
  const [header = [], ...records] = parsed.data;
  const columns = header.map((h) => h.replace(/^\uFEFF/, '').trim());
  const known = new Set<string>(EXPORT_COLUMNS);
  columns.forEach((c) => {
    if (!known.has(c)) problems.push({ row: 1, column: c || '(empty)', message: 'is not a column of the export; its cells are not imported' });
  });
  for (const c of REQUIRED_COLUMNS) {
    if (!columns.includes(c)) problems.push({ row: 1, column: c, message: 'is missing: every row needs it' });
  }
  for (const e of parsed.errors) {
    if (e.type === 'Quotes') problems.push({ row: (e.row ?? 0) + 1, column: '(row)', message: `the CSV is malformed: ${e.message}` });
  }
  const emptyResult = (): ImportResult => ({
    dataset: { sources: [], institutions: [], partners: [], links: [], programmes: [] }, problems, rows: records.length, imported: 0,
    refused: records.map((_, i) => i + 2), englishFallbacks: 0,
  });
  if (REQUIRED_COLUMNS.some((c) => !columns.includes(c))) return emptyResult();
  const colIndex = new Map(columns.map((c, i) => [c, i]));

  // What the atlas already knows, by id and by name.
  const refInst = new Map(reference.institutions.map((i) => [i.id, i]));
  const instByName = new Map<string, Institution>();
  for (const i of reference.institutions) {
    instByName.set(norm(i.name.en), i);
    instByName.set(norm(i.name.zh), i);
  }
  const refPartner = new Map(reference.partners.map((p) => [p.id, p]));
  const refSource = new Map(reference.sources.map((s) => [s.id, s]));
  const refProgramme = new Map(reference.programmes.map((p) => [p.id, p]));

  const institutions = new Map<string, Institution>();
  const partners = new Map<string, { partner: Partner; row: number }>();
  const sources = new Map<string, { source: Source; row: number }>();
  const built: Built[] = [];
  const rowProblems = new Map<number, ImportProblem[]>();
  const linkRow = new Map<string, number>();
  const cellsOf = new Map<number, Row>();

  records.forEach((cells, i) => {
    const rowNo = i + 2;
    const get: Row = (c) => unescapeCell((cells[colIndex.get(c) ?? -1] ?? '').trim());
    cellsOf.set(rowNo, get);
    const bad: ImportProblem[] = [];
    const fail = (column: string, message: string) => bad.push({ row: rowNo, column, message });
    let rowFallbacks = 0;
    const bilingual = (enCol: string, zhCol: string): Bilingual | undefined => {
      const en = get(enCol);
      const zh = get(zhCol);
      if (!en && !zh) return undefined;
      if (!en) {
        fail(enCol, `is empty but ${zhCol} is not: English is needed (Chinese alone falls back to nothing)`);
        return undefined;
      }
      if (!zh) rowFallbacks += 1;
      return { en, zh: zh || en };
    };

    if (cells.length !== columns.length) fail('(row)', `has ${cells.length} cells, the header ${columns.length}`);
    const id = get('id');
    if (!Id.safeParse(id).success) fail('id', id ? `"${id}" must be lowercase letters, digits and single hyphens` : 'is empty');
    else if (linkRow.has(id)) fail('id', `"${id}" is also the id of row ${linkRow.get(id)}`);

    // The Chinese institution: one the atlas knows, by id or by name.
    const instId = get('institution_id');
    const inst = refInst.get(instId) ?? instByName.get(norm(get('institution_en'))) ?? (get('institution_zh') ? instByName.get(norm(get('institution_zh'))) : undefined);
    if (!inst) {
      const named = instId || get('institution_en') || get('institution_zh');
      fail('institution_id', named
        ? `unknown Chinese institution "${named}": use the id or the English or Chinese name of one the atlas knows (its point, city and kind are not in the CSV)`
        : 'is empty: name the Chinese institution by its id or name');
    }

    const partner = resolvePartner(get, fail, bilingual, refInst, instByName, refPartner, rowNo);
    const date = parseDateCode(get('date') || get('year'), get('date_precision'));
    if (typeof date === 'string') fail(get('date') ? 'date' : 'year', date);
    else if (get('date') && get('year') && !get('date').startsWith(get('year'))) fail('year', `${get('year')} does not match date ${get('date')}`);

    const kind = get('kind');
    if (kind !== 'event' && kind !== 'tie') fail('kind', kind ? `"${kind}" must be event or tie` : 'is empty: say whether the link is an event (happened once) or a tie (lasts)');
    const status = get('status') || 'unknown';
    if (!LinkStatus.safeParse(status).success) fail('status', `"${status}" must be one of ${LinkStatus.options.join(', ')}`);
    const typeList = (col: string) => {
      const xs = list(get(col));
      for (const t of xs) if (!LinkType.safeParse(t).success) fail(col, `"${t}" is not a type; types are ${LinkType.options.join(', ')}`);
      return xs as Link['types'];
    };
    const types = typeList('type');
    if (!types.length) fail('type', 'is empty: give at least one type');
    const scope = typeList('scope');

    const end = get('end') ? parseDateCode(get('end'), '') : undefined;
    if (typeof end === 'string') fail('end', end);
    const participantsValue = numberCell(get('participants'));
    if (typeof participantsValue === 'string') fail('participants', participantsValue);
    let participants: Link['participants'];
    if (typeof participantsValue === 'number') {
      const unit = bilingual('participants_unit_en', 'participants_unit_zh');
      if (!unit) fail('participants_unit_en', 'is empty: say what the participants figure counts (doctors, nurses …)');
      else participants = {
        value: participantsValue, qualifier: (get('participants_qualifier') || 'exact') as 'exact', unit,
        scope: (get('participants_scope') || 'link') as 'link',
      };
    }

    // Evidence: the row's source, then any other the row names.
    const sourceIds = [...new Set([get('source_id'), ...list(get('source_ids'))].filter(Boolean))];
    const firstSource = sourceIds[0];
    if (!firstSource) fail('source_id', 'is empty: every link needs a source');
    else if (!refSource.has(firstSource) && !sources.has(firstSource)) {
      const s = newSource(get, fail, bilingual, firstSource, partner?.country);
      if (s) sources.set(firstSource, { source: s, row: rowNo });
    }
    const evidence = sourceIds.map((s, k) => ({ source: s, locator: k === 0 ? get('locator') : EXTRA_SOURCE_LOCATOR }));
    if (firstSource && !get('locator')) fail('locator', 'is empty: say where in the source the link is stated (a paragraph, a page)');

    const summary = bilingual('summary_en', 'summary_zh');
    if (!summary) fail('summary_en', 'is empty: every link needs a summary');
    // The atlas's own programme when the row names its id (as an export does); else the name, from which an id is made.
    const programme = refProgramme.has(get('programme_id')) ? get('programme_id') : bilingual('programme', 'programme_zh');
    const inferred = bilingual('inferred', 'inferred_zh');
    const dateNote = bilingual('date_note_en', 'date_note_zh');
    const withIds = list(get('with_ids'));
    for (const w of withIds) if (!refInst.has(w)) fail('with_ids', `unknown Chinese institution "${w}"`);
    const mode = get('mode');
    const batchText = get('batch');
    const batch = /^[1-9]\d{0,3}$/.test(batchText) ? Number(batchText) : undefined;
    if (batchText && batch === undefined) fail('batch', `"${batchText}" is not a team's batch number (a whole number from 1)`);
    const ongoing = get('ongoing_as_of');

    if (bad.length === 0 && inst && partner && typeof date !== 'string' && summary && typeof end !== 'string') {
      const link = {
        id, kind, institution: inst.id, partner: partner.ref,
        date: dateNote ? { ...date, note: dateNote } : date,
        status, types,
        ...(get('event') ? { event: get('event') } : {}),
        ...(withIds.length ? { with: withIds } : {}),
        ...(end ? { end } : {}),
        ...(ongoing ? { ongoingAsOf: { date: ongoing, source: get('ongoing_as_of_source') || firstSource } } : {}),
        ...(scope.length ? { scope } : {}),
        ...(inferred ? { inferred } : {}),
        ...(mode ? { mode } : {}),
        ...(participants ? { participants } : {}),
        ...(programme ? { programme } : {}),
        ...(batch ? { batch } : {}),
        summary,
        evidence,
      } as LinkRecord;
      institutions.set(inst.id, inst);
      if (partner.record && !partners.has(partner.record.id)) partners.set(partner.record.id, { partner: partner.record, row: rowNo });
      for (const w of withIds) institutions.set(w, refInst.get(w) as Institution);
      const domestic = refInst.get(partner.ref);
      if (domestic) institutions.set(domestic.id, domestic);
      built.push({ row: rowNo, link, fallbacks: rowFallbacks });
      linkRow.set(id, rowNo);
    }
    if (bad.length) rowProblems.set(rowNo, bad);
  });

  // Every source a link names: the reference's, or one a row described; and those of its programmes' official figures.
  const neededSources = () => {
    const out = new Map<string, Source>();
    for (const b of built) {
      for (const e of b.link.evidence) {
        const s = refSource.get(e.source) ?? sources.get(e.source)?.source;
        if (s) out.set(s.id, s);
      }
    }
    for (const p of usedProgrammes()) {
      for (const f of p.official ?? []) {
        const s = refSource.get(f.source);
        if (s) out.set(s.id, s);
      }
    }
    // A reference source that copies another needs it present too (a Map's iteration reaches entries added during it: whole chains).
    for (const s of out.values()) if (s.copyOf && refSource.has(s.copyOf)) out.set(s.copyOf, refSource.get(s.copyOf) as Source);
    return [...out.values()];
  };

  /** The atlas's programmes the rows name by id (programmes named in full get their records from validation). */
  const usedProgrammes = () => [...new Set(built.map((b) => b.link.programme))].flatMap((p) => (typeof p === 'string' && refProgramme.has(p) ? [refProgramme.get(p)!] : []));
  let validated: Dataset | undefined;
  // Whole-dataset checks (references, dates against today, time rules): each problem goes back to its row, which is refused.
  for (let pass = 0; pass < 3 && built.length; pass++) {
    const raw = {
      sources: neededSources(),
      institutions: [...institutions.values()],
      partners: [...partners.values()].map((p) => p.partner).concat(
        [...new Set(built.map((b) => b.link.partner))].map((ref) => refPartner.get(ref)).filter((p): p is Partner => !!p && !partners.has(p.id)),
      ),
      links: built.map((b) => b.link),
      programmes: usedProgrammes(),
    };
    const result = validateDataset(raw, today, { atlasYears: false });
    if (result.ok) {
      validated = result.dataset;
      break;
    }
    const rowsOf = new Set<number>();
    for (const p of result.problems) {
      const at = problemRow(p, linkRow, partners, sources);
      if (!at) continue;
      rowsOf.add(at.row);
      const list2 = rowProblems.get(at.row) ?? [];
      // "is not a real calendar date" says more with the cell in front of it.
      const cell = cellsOf.get(at.row)?.(at.column) ?? '';
      const message = cell && /^(is|must) /.test(p.message) ? `"${cell}" ${p.message}` : p.message;
      list2.push({ row: at.row, column: at.column, message });
      rowProblems.set(at.row, list2);
    }
    if (!rowsOf.size) {
      // A problem no row explains would be a bug here: say so rather than hide it.
      for (const p of result.problems) problems.push({ row: 1, column: '(file)', message: `${p.file} ${p.id} ${p.field}: ${p.message}` });
      return emptyResult();
    }
    for (let k = built.length - 1; k >= 0; k--) {
      const b = built[k] as Built;
      if (rowsOf.has(b.row)) {
        built.splice(k, 1);
        linkRow.delete(b.link.id);
      }
    }
    for (const [id, p] of partners) if (rowsOf.has(p.row) && !built.some((b) => b.link.partner === id)) partners.delete(id);
    for (const [id, s] of sources) if (rowsOf.has(s.row) && !built.some((b) => b.link.evidence.some((e) => e.source === id))) sources.delete(id);
  }

  const rowsWithProblems = [...rowProblems.keys()].sort((a, b) => a - b);
  for (const r of rowsWithProblems) problems.push(...(rowProblems.get(r) ?? []));
  const links = built.map((b) => b.link);
  const usedInst = new Set(links.flatMap((l) => [l.institution, ...(l.with ?? []), l.partner]));
  const usedPartner = new Set(links.map((l) => l.partner));
  return {
    dataset: {
      sources: neededSources(),
      institutions: [...institutions.values()].filter((i) => usedInst.has(i.id)),
      partners: [...partners.values()].map((p) => p.partner).concat(
        [...usedPartner].map((ref) => refPartner.get(ref)).filter((p): p is Partner => !!p && !partners.has(p.id)),
      ).filter((p) => usedPartner.has(p.id)),
      // As validation resolved them: every programme an id with its record.
      links: validated?.links ?? [],
      programmes: validated?.programmes ?? [],
    },
    problems,
    rows: records.length,
    imported: validated?.links.length ?? 0,
    refused: rowsWithProblems.filter((r) => r >= 2),
    englishFallbacks: built.reduce((n, b) => n + b.fallbacks, 0),
  };
}

/** The row and column a whole-dataset problem belongs to. */
function problemRow(
  p: Problem, linkRow: Map<string, number>, partners: Map<string, { row: number }>, sources: Map<string, { row: number }>,
): { row: number; column: string } | null {
  if (p.file === 'links.json') {
    const row = linkRow.get(p.id);
    return row ? { row, column: columnOfField(p.field) } : null;
  }
  if (p.file === 'partners.json') {
    const row = partners.get(p.id)?.row;
    return row ? { row, column: p.field === 'country' ? 'partner_iso3' : 'partner_id' } : null;
  }
  if (p.file === 'sources.json') {
    const row = sources.get(p.id)?.row;
    return row ? { row, column: p.field === 'url' ? 'source_url' : p.field === 'side' ? 'sides' : 'source_id' } : null;
  }
  return null;
}

/** The link's partner: its `partner` reference, the new record it needs (if any), and its country. */
function resolvePartner(
  get: Row, fail: (c: string, m: string) => void, bilingual: (en: string, zh: string) => Bilingual | undefined,
  refInst: Map<string, Institution>, instByName: Map<string, Institution>, refPartner: Map<string, Partner>, _row: number,
): { ref: string; record?: Partner; country?: string } | undefined {
  const kind = get('partner_kind');
  const iso3 = get('partner_iso3').toUpperCase();
  const countryOf = (col: string, required: boolean): string | undefined => {
    const code = iso3 || (get('partner_en') && kind === 'country' ? countries.getAlpha3Code(get('partner_en'), 'en') ?? '' : '');
    if (!code) {
      if (required) fail(col, get('partner_en') && kind === 'country' ? `"${get('partner_en')}" is not a country name the atlas knows: give its ISO 3166-1 alpha-3 code in partner_iso3` : 'is empty: give the partner\'s country as an ISO 3166-1 alpha-3 code (PAK, KAZ …)');
      return undefined;
    }
    if (!isCountryRef(code) || !isCountryCode(code)) {
      fail('partner_iso3', `"${code}" is not an ISO 3166-1 alpha-3 country code`);
      return undefined;
    }
    return code;
  };
  switch (kind) {
    case 'country': {
      const code = countryOf('partner_iso3', true);
      return code ? { ref: code, country: code } : undefined;
    }
    case 'domestic': {
      const named = get('partner_id') || get('partner_en');
      const inst = refInst.get(get('partner_id')) ?? instByName.get(norm(get('partner_en')));
      if (!inst) fail('partner_id', named ? `unknown place in China "${named}": a domestic partner must be a Chinese institution or place the atlas knows` : 'is empty: name the place in China');
      return inst ? { ref: inst.id } : undefined;
    }
    case 'institution':
    case 'organization':
    case 'group': {
      const known = refPartner.get(get('partner_id'));
      if (known) {
        if (known.kind !== kind) fail('partner_kind', `"${known.id}" is an ${known.kind} in the atlas, not ${kind}`);
        return { ref: known.id, ...(known.kind === 'institution' ? { country: known.country } : {}) };
      }
      const name = bilingual('partner_en', 'partner_zh');
      if (!name) {
        fail('partner_en', 'is empty: a partner the atlas does not know needs its English name');
        return undefined;
      }
      const id = get('partner_id') || idFromName(name.en);
      if (!Id.safeParse(id).success) {
        fail('partner_id', `"${id}" must be lowercase letters, digits and single hyphens`);
        return undefined;
      }
      if (refInst.has(id)) {
        fail('partner_id', `"${id}" is a Chinese institution in the atlas: use partner_kind domestic`);
        return undefined;
      }
      const lon = numberCell(get('partner_lon'));
      const lat = numberCell(get('partner_lat'));
      if (typeof lon === 'string') fail('partner_lon', lon);
      if (typeof lat === 'string') fail('partner_lat', lat);
      const point = typeof lon === 'number' && typeof lat === 'number' ? [lon, lat] as [number, number] : undefined;
      if ((typeof lon === 'number') !== (typeof lat === 'number')) fail(typeof lon === 'number' ? 'partner_lat' : 'partner_lon', 'is empty while the other coordinate is not: give both or neither');
      if (kind === 'institution') {
        const country = countryOf('partner_iso3', true);
        if (!country) return undefined;
        // A point at the country's marker is the atlas's drawing, not the partner's place.
        const site = point && get('partner_point_basis') !== 'country-anchor' ? { coordinates: point, precision: 'site' as const } : {};
        return { ref: id, country, record: { id, kind, name, country, ...site } };
      }
      if (kind === 'organization') return { ref: id, record: { id, kind, name, ...(point ? { coordinates: point } : {}) } };
      const count = numberCell(get('group_count'));
      if (typeof count === 'string') fail('group_count', count);
      return { ref: id, record: { id, kind, name, ...(typeof count === 'number' ? { count } : {}), ...(point ? { anchor: point } : {}) } };
    }
    default:
      fail('partner_kind', kind ? `"${kind}" must be country, institution, organization, group or domestic` : 'is empty: say what the partner is (country, institution, organization, group or domestic)');
      return undefined;
  }
}

/** A source the atlas does not know, from the row's columns; undefined (with the problem said) when they do not suffice. */
function newSource(
  get: Row, fail: (c: string, m: string) => void, bilingual: (en: string, zh: string) => Bilingual | undefined, id: string, partnerCountry: string | undefined,
): Source | undefined {
  if (!Id.safeParse(id).success) {
    fail('source_id', `"${id}" must be lowercase letters, digits and single hyphens`);
    return undefined;
  }
  const original = get('source_title');
  const en = get('source_title_en') || original;
  const url = get('source_url');
  const kind = get('source_kind');
  const sides = list(get('sides'));
  let ok = true;
  const need = (col: string, message: string) => { fail(col, message); ok = false; };
  if (!original) need('source_title', `is empty: source "${id}" is not one the atlas knows, so give its title`);
  if (!url) need('source_url', `is empty: source "${id}" is not one the atlas knows, so give its web address`);
  if (kind !== 'original' && kind !== 'news' && kind !== 'copy') need('source_kind', `${kind ? `"${kind}"` : 'is empty'}: source "${id}" needs its kind: original, news or copy`);
  const side = sides.length === 1 ? sides[0] : undefined;
  if (side !== 'chinese' && side !== 'partner' && side !== 'third-party') {
    need('sides', `${sides.length ? `"${sides.join(';')}"` : 'is empty'}: source "${id}" needs whose voice it is, one of chinese, partner or third-party`);
  } else if (side === 'partner' && !partnerCountry) {
    need('sides', `a partner-side source needs the partner's country (partner_iso3)`);
  }
  if (!ok) return undefined;
  // Title in Chinese: the file's English one, shown marked as English (the CSV has no column for it).
  bilingual('source_title_en', 'source_title_zh');
  return {
    id, url, kind: kind as Source['kind'], language: 'und',
    title: { original, en, zh: en },
    published: { precision: 'unknown' },
    side: side as Source['side'],
    ...(side === 'partner' ? { country: partnerCountry } : {}),
    note: { en: 'Imported from a CSV file: its language and publication date were not given.', zh: '由CSV文件导入：文件未给出其语言和发布日期。' },
  };
}
