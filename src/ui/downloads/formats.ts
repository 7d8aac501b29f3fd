/**
 * The download formats and their names. Kept apart from the builders so the placeholder buttons,
 * shown before the lazy downloads chunk arrives, need none of its code.
 */

/** The formats the app offers for download, in the order of their buttons. */
export type DownloadFormat = 'csv' | 'geojson' | 'png';
export const DOWNLOAD_FORMATS: readonly DownloadFormat[] = ['csv', 'geojson', 'png'];
export const FORMAT_NAME: Record<DownloadFormat, string> = { csv: 'CSV', geojson: 'GeoJSON', png: 'PNG' };
