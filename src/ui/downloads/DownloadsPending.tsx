/**
 * The download buttons as they will be, disabled, until the downloads chunk has loaded (it is
 * fetched only once the map is ready). They hold the toolbar row the real buttons need, so the map
 * below is laid out once and does not move down after it has drawn.
 */
import { useTranslation } from 'react-i18next';
import { DOWNLOAD_FORMATS } from './formats.ts';
import './downloads.css';

export function DownloadsPending() {
  const { t } = useTranslation();
  return (
    <div className="downloads" role="group" aria-label={t('download.group')} aria-busy="true" data-pending="true">
      {DOWNLOAD_FORMATS.map((f) => <button key={f} type="button" disabled>{t(`download.${f}`)}</button>)}
      <span className="downloads-status muted" />
    </div>
  );
}
