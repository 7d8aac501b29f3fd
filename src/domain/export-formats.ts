/** The three export formats of the flattened links; JSON and GeoJSON also carry every evidence entry. */
import type { Feature, FeatureCollection, LineString } from 'geojson';
import type { DatasetIndex } from './dataset-index.ts';
import type { Link } from './schema.ts';
import { EXPORT_COLUMNS, flattenLink, type ExportRow } from './flatten.ts';
import { toCsv } from './csv.ts';
import { greatCircle } from './arc-geometry.ts';

export type ExportFormat = 'csv' | 'json' | 'geojson';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json', 'geojson'];

type Evidence = { source: string; locator: string; title: string; url?: string };
type RowWithEvidence = ExportRow & { evidence: Evidence[] };

function withEvidence(index: DatasetIndex, link: Link): RowWithEvidence {
  return {
    ...flattenLink(index, link),
    evidence: link.evidence.map((e) => {
      const s = index.sources.get(e.source);
      return { source: e.source, locator: e.locator, title: s?.title.original ?? '', ...(s?.url ? { url: s.url } : {}) };
    }),
  };
}

/** Serialises links in a format. Links whose partner has no place get a null geometry in GeoJSON, not dropped. */
export function exportLinks(index: DatasetIndex, format: ExportFormat, links: readonly Link[] = index.dataset.links): string {
  if (format === 'csv') return toCsv(EXPORT_COLUMNS, links.map((l) => flattenLink(index, l)));
  if (format === 'json') return `${JSON.stringify(links.map((l) => withEvidence(index, l)), null, 2)}\n`;
  const features: Feature<LineString | null, RowWithEvidence>[] = links.map((l) => {
    const from = index.institutionOf(l).coordinates;
    const to = index.partnerOf(l).point;
    return {
      type: 'Feature',
      id: l.id,
      geometry: to ? { type: 'LineString', coordinates: greatCircle(from, to, 32) } : null,
      properties: withEvidence(index, l),
    };
  });
  const fc: FeatureCollection<LineString | null, RowWithEvidence> = { type: 'FeatureCollection', features };
  return `${JSON.stringify(fc)}\n`;
}
