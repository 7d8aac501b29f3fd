/**
 * Flattens links into one row each, with names, points and citation resolved: the shape of the
 * CSV / JSON / GeoJSON exports, the same for the CLI (data:export) and the in-app downloads.
 */
import { linkSourceIds } from './evidence.ts';
import type { DatasetIndex } from './dataset-index.ts';
import type { Link } from './schema.ts';
import { dateCode, knownYear } from './dates.ts';
import { linkSpan, startYears } from './link-time.ts';
import { confirmation } from './evidence-strength.ts';

/** Export columns, in order. The first 23 are a public contract (see README). */
export const EXPORT_COLUMNS = [
  'id', 'year', 'date', 'date_precision', 'institution_id', 'institution_en', 'institution_zh',
  'institution_lon', 'institution_lat', 'partner_kind', 'partner_iso3', 'partner_en', 'partner_zh',
  'partner_lon', 'partner_lat', 'type', 'programme', 'participants', 'summary_en', 'summary_zh',
  'source_id', 'source_title', 'locator',
  // Added columns: more detail, never renamed or reordered above.
  'partner_id', 'partner_point_basis', 'group_count', 'mode', 'programme_zh', 'participants_qualifier',
  'participants_unit_en', 'participants_unit_zh', 'participants_scope', 'event', 'with_ids', 'with_en', 'with_zh',
  'date_note_en', 'date_note_zh', 'source_title_en', 'source_url', 'source_kind', 'source_count', 'source_ids',
  // Events and ties, status and evidence strength.
  'kind', 'year_earliest', 'year_latest', 'status', 'ongoing_as_of', 'ongoing_as_of_source', 'end', 'scope',
  'sides', 'independent_sources', 'inferred', 'inferred_zh',
  // Programmes as records (programmes.json).
  'programme_id', 'batch',
] as const;

export type ExportColumn = (typeof EXPORT_COLUMNS)[number];

/** Columns that hold a number or nothing: written as numbers, so CSV formula escaping leaves `-77.03` alone. */
export const NUMERIC_EXPORT_COLUMNS: readonly ExportColumn[] = [
  'year', 'institution_lon', 'institution_lat', 'partner_lon', 'partner_lat', 'participants', 'group_count', 'source_count',
  'year_earliest', 'year_latest', 'independent_sources', 'batch',
];
export type ExportRow = Record<ExportColumn, string>;

const num = (x: number | undefined) => (x === undefined ? '' : String(x));

/** One export row per link. Unknown values are empty strings, never guessed. */
export function flattenLink(index: DatasetIndex, link: Link): ExportRow {
  const inst = index.institutionOf(link);
  const partner = index.partnerOf(link);
  const first = link.evidence[0];
  const source = first ? index.sources.get(first.source) : undefined;
  const withInst = (link.with ?? []).map((id) => index.institutions.get(id));
  const year = knownYear(link.date);
  const p = link.participants;
  const span = startYears(linkSpan(link));
  const evidence = confirmation(index, link);
  const programme = link.programme === undefined ? undefined : index.programmes.get(link.programme);
  return {
    id: link.id,
    year: year === null ? '' : String(year),
    date: dateCode(link.date),
    date_precision: link.date.precision,
    institution_id: inst.id,
    institution_en: inst.name.en,
    institution_zh: inst.name.zh,
    institution_lon: String(inst.coordinates[0]),
    institution_lat: String(inst.coordinates[1]),
    partner_kind: partner.kind,
    partner_iso3: partner.iso3 ?? '',
    partner_en: partner.name.en,
    partner_zh: partner.name.zh,
    partner_lon: num(partner.point?.[0]),
    partner_lat: num(partner.point?.[1]),
    type: link.types.join(';'),
    programme: programme?.name.en ?? '',
    programme_id: link.programme ?? '',
    batch: num(link.batch),
    participants: p ? String(p.value) : '',
    summary_en: link.summary.en,
    summary_zh: link.summary.zh,
    source_id: first?.source ?? '',
    source_title: source?.title.original ?? '',
    locator: first?.locator ?? '',
    partner_id: partner.key,
    partner_point_basis: partner.pointBasis ?? '',
    group_count: num(partner.count),
    mode: link.mode ?? '',
    programme_zh: programme?.name.zh ?? '',
    participants_qualifier: p?.qualifier ?? '',
    participants_unit_en: p?.unit.en ?? '',
    participants_unit_zh: p?.unit.zh ?? '',
    participants_scope: p?.scope ?? '',
    event: link.event ?? '',
    with_ids: (link.with ?? []).join(';'),
    with_en: withInst.map((i) => i?.name.en ?? '').join(';'),
    with_zh: withInst.map((i) => i?.name.zh ?? '').join(';'),
    date_note_en: link.date.note?.en ?? '',
    date_note_zh: link.date.note?.zh ?? '',
    source_title_en: source?.title.en ?? '',
    source_url: source?.url ?? '',
    source_kind: source?.kind ?? '',
    source_count: String(linkSourceIds(link).length),
    source_ids: linkSourceIds(link).join(';'),
    kind: link.kind,
    year_earliest: span.earliest === null ? '' : String(span.earliest),
    year_latest: span.latest === null ? '' : String(span.latest),
    status: link.status,
    ongoing_as_of: link.ongoingAsOf?.date ?? '',
    ongoing_as_of_source: link.ongoingAsOf?.source ?? '',
    end: link.end ? dateCode(link.end) : '',
    scope: (link.scope ?? []).join(';'),
    sides: evidence.sides.join(';'),
    independent_sources: String(evidence.independent),
    inferred: link.inferred?.en ?? '',
    inferred_zh: link.inferred?.zh ?? '',
  };
}

/** One export row per link, in the given order. */
export function flattenLinks(index: DatasetIndex, links: readonly Link[] = index.dataset.links): ExportRow[] {
  return links.map((l) => flattenLink(index, l));
}
