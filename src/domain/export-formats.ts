/**
 * The three export formats of the flattened links, shared by data:export and the in-app downloads.
 * JSON and GeoJSON also carry every evidence entry; GeoJSON adds the points the links join.
 */
import type { Feature, FeatureCollection, LineString, MultiLineString, Point } from 'geojson';
import type { DatasetIndex } from './dataset-index.ts';
import type { Link, LonLat } from './schema.ts';
import { EXPORT_COLUMNS, NUMERIC_EXPORT_COLUMNS, flattenLink, type ExportRow } from './flatten.ts';
import { toCsv } from './csv.ts';
import { greatCircle } from './arc-geometry.ts';
import { splitAtAntimeridian } from './antimeridian.ts';

export type ExportFormat = 'csv' | 'json' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'geojson'];

type Evidence = { source: string; locator: string; title: string; url?: string };
type RowWithEvidence = ExportRow & { evidence: Evidence[] };

/** Properties of a link's feature: its export row, its evidence, and what kind of feature it is. */
export type LinkProperties = RowWithEvidence & { feature_kind: 'link' };

/** Properties of a point feature: a Chinese institution or a partner that the exported links join. */
export interface PointProperties {
  feature_kind: 'institution' | 'partner';
  id: string;
  name_en: string;
  name_zh: string;
  /** For partners: country, institution, organization, group or domestic (a place in China). */
  partner_kind?: string;
  iso3?: string;
  /** How many of the exported links (not of the whole dataset) end here in this role. */
  link_count: number;
}

/** A feature of the GeoJSON export: a link's line (or null geometry) or a point. */
export type ExportFeature = Feature<LineString | MultiLineString | null, LinkProperties> | Feature<Point, PointProperties>;

/** Options of exportLinks. */
export interface ExportOptions {
  /** CSV only: start with the UTF-8 byte-order mark, for spreadsheets (the in-app download, data:export --out). */
  bom?: boolean;
}

function withEvidence(index: DatasetIndex, link: Link): RowWithEvidence {
  return {
    ...flattenLink(index, link),
    evidence: link.evidence.map((e) => {
      const s = index.sources.get(e.source);
      return { source: e.source, locator: e.locator, title: s?.title.original ?? '', ...(s?.url ? { url: s.url } : {}) };
    }),
  };
}

/** The great circle from an institution to its partner, cut at the antimeridian when it crosses it. */
function linkGeometry(from: LonLat, to: LonLat | undefined): LineString | MultiLineString | null {
  if (!to) return null;
  const parts = splitAtAntimeridian(greatCircle(from, to, 32));
  return parts.length === 1 ? { type: 'LineString', coordinates: parts[0] ?? [] } : { type: 'MultiLineString', coordinates: parts };
}

/** Point features for the institutions and placed partners of `links`, each once, with its link count. */
function pointFeatures(index: DatasetIndex, links: readonly Link[]): Feature<Point, PointProperties>[] {
  const points = new Map<string, { at: LonLat; props: PointProperties }>();
  const count = (key: string, at: LonLat, props: Omit<PointProperties, 'link_count'>) => {
    const hit = points.get(key);
    if (hit) hit.props.link_count += 1;
    else points.set(key, { at, props: { ...props, link_count: 1 } });
  };
  for (const l of links) {
    const inst = index.institutionOf(l);
    count(`institution:${inst.id}`, inst.coordinates, { feature_kind: 'institution', id: inst.id, name_en: inst.name.en, name_zh: inst.name.zh });
    const p = index.partnerOf(l);
    if (p.point) {
      count(`partner:${p.key}`, p.point, {
        feature_kind: 'partner', id: p.key, name_en: p.name.en, name_zh: p.name.zh, partner_kind: p.kind, ...(p.iso3 ? { iso3: p.iso3 } : {}),
      });
    }
  }
  return [...points].map(([key, { at, props }]) => ({ type: 'Feature', id: key, geometry: { type: 'Point', coordinates: [at[0], at[1]] }, properties: props }));
}

/** The GeoJSON FeatureCollection: one feature per link (null geometry when unplaced), then the points. */
export function linksGeoJson(index: DatasetIndex, links: readonly Link[]): FeatureCollection<ExportFeature['geometry'], LinkProperties | PointProperties> {
  const lines: ExportFeature[] = links.map((l) => ({
    type: 'Feature',
    id: l.id,
    geometry: linkGeometry(index.institutionOf(l).coordinates, index.partnerOf(l).point),
    properties: { feature_kind: 'link', ...withEvidence(index, l) },
  }));
  return { type: 'FeatureCollection', features: [...lines, ...pointFeatures(index, links)] };
}

/** Serialises links in a format. Links whose partner has no place get a null geometry in GeoJSON, not dropped. */
export function exportLinks(index: DatasetIndex, format: ExportFormat, links: readonly Link[] = index.dataset.links, options: ExportOptions = {}): string {
  if (format === 'csv') {
    return toCsv(EXPORT_COLUMNS, links.map((l) => flattenLink(index, l)), { numeric: NUMERIC_EXPORT_COLUMNS, bom: options.bom ?? false });
  }
  if (format === 'json') return `${JSON.stringify(links.map((l) => withEvidence(index, l)), null, 2)}\n`;
  return `${JSON.stringify(linksGeoJson(index, links))}\n`;
}
