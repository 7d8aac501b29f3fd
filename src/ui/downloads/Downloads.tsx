/**
 * Download buttons for exactly what is shown: CSV (the data:export columns), GeoJSON, and a PNG of
 * the map with its title, window, filters, legend and sources. Loaded only through a dynamic
 * import, so papaparse and all of this stay out of the JavaScript the map waits for.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Link } from '../../domain/schema.ts';
import { downloadFileName, type SubjectPart } from '../../domain/file-names.ts';
import type { MapCapture } from '../../map/map-capture.ts';
import { csvBlob, geoJsonBlob, posterTexts } from './build-files.ts';
import { DOWNLOAD_FORMATS, FORMAT_NAME, type DownloadFormat } from './formats.ts';
import { canvasToPng, composePng } from './compose-png.ts';
import { saveFile } from './save-file.ts';
import './downloads.css';
import type { Lang } from '../../domain/dates.ts';

/** What the downloads hold and how they are named. */
export interface DownloadsProps {
  index: DatasetIndex;
  /**
   * Indexes into index.dataset.links: exactly the rows shown. A function is called only when a file
   * is made, so the caller need not walk every link on each timeline step.
   */
  links: readonly number[] | (() => readonly number[]);
  lang: Lang;
  /** What is filtered, for the file name: English names or ids (see file-names.ts); [] for everything. */
  fileSubject: readonly SubjectPart[];
  years: { from: number; to: number };
  /** The active filters in words, for the PNG's header; '' when none. */
  filterSentence: string;
  /** The year window in words ("Up to 2025"), for the PNG's header. */
  windowLabel: string;
  /** Draws the map for the PNG; absent where no map is drawn (then the PNG button is disabled, with the reason). */
  capture?: () => Promise<MapCapture>;
}

type Status = { kind: 'busy' | 'done' | 'error'; text: string };

/** Three download buttons and a status line that says what happened, errors included. */
export default function Downloads(props: DownloadsProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState<DownloadFormat | null>(null);
  const [status, setStatus] = useState<Status | null>(null);

  const shownLinks = (): Link[] => {
    const all = props.index.dataset.links;
    const ids = typeof props.links === 'function' ? props.links() : props.links;
    return ids.map((li) => all[li]).filter((l): l is Link => l !== undefined);
  };

  const build = async (format: DownloadFormat, links: readonly Link[]): Promise<Blob> => {
    if (format === 'csv') return csvBlob(props.index, links);
    if (format === 'geojson') return geoJsonBlob(props.index, links);
    if (!props.capture) throw new Error(t('download.pngUnavailable'));
    const shot = await props.capture();
    const texts = posterTexts(t, props.lang, links, props.windowLabel, props.filterSentence);
    return canvasToPng(composePng({ image: shot.canvas, labels: shot.labels, cssWidth: shot.cssWidth, cssHeight: shot.cssHeight }, texts, shot.scale));
  };

  const run = async (format: DownloadFormat) => {
    const name = FORMAT_NAME[format];
    setBusy(format);
    setStatus({ kind: 'busy', text: t('download.preparing', { format: name }) });
    try {
      const blob = await build(format, shownLinks());
      const file = downloadFileName({ subject: props.fileSubject, from: props.years.from, to: props.years.to, ext: format });
      saveFile(blob, file);
      setStatus({ kind: 'done', text: t('download.saved', { file }) });
    } catch (e) {
      setStatus({ kind: 'error', text: t('download.failed', { format: name, message: e instanceof Error ? e.message : String(e) }) });
    } finally {
      setBusy(null);
    }
  };

  const noPng = !props.capture;
  return (
    <div className="downloads" role="group" aria-label={t('download.group')}>
      {DOWNLOAD_FORMATS.map((f) => (
        <button
          key={f}
          type="button"
          disabled={busy !== null || (f === 'png' && noPng)}
          aria-describedby={f === 'png' && noPng ? 'download-png-reason' : undefined}
          title={f === 'png' && noPng ? t('download.pngUnavailable') : undefined}
          onClick={() => void run(f)}
        >
          {t(`download.${f}`)}
        </button>
      ))}
      {/* Said to screen readers through aria-describedby and shown as the button's tooltip: a visible line here wrapped the toolbar. */}
      {noPng && <span id="download-png-reason" className="visually-hidden">{t('download.pngUnavailable')}</span>}
      <span className={status?.kind === 'error' ? 'downloads-status downloads-error' : 'downloads-status muted'} role="status" aria-live="polite">
        {status?.text ?? ''}
      </span>
    </div>
  );
}
