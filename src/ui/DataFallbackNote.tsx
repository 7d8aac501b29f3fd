/**
 * Said once per panel on Arabic and Russian pages: the names and summaries that come from the
 * data are in English (the data is written in English and Chinese only). Those texts also carry
 * lang="en" (format.ts dataTextLang), so a screen reader reads them in an English voice.
 */
import { useTranslation } from 'react-i18next';
import { dataLang, type Lang } from '../domain/dates.ts';

export function DataFallbackNote({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  if (dataLang(lang) === lang) return null;
  return <p className="data-fallback-note"><span className="data-fallback-mark" aria-hidden="true">EN</span> {t('data.fallbackNote')}</p>;
}
