/**
 * Said once per panel on Arabic and Russian pages: the names and summaries that come from the
 * data are in English (the data is written in English and Chinese only). Those texts also carry
 * lang="en" (LocalText, format.ts dataTextLang), so a screen reader reads them in an English voice.
 * The rule is english-fallback.ts's; the mark is the one a single English text gets on a Chinese page.
 */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../domain/dates.ts';
import { englishFallback } from '../domain/english-fallback.ts';

export function DataFallbackNote({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  if (englishFallback(undefined, lang) !== 'page') return null;
  return <p className="data-fallback-note"><span className="in-english-mark" aria-hidden="true">{t('import.inEnglish')}</span> {t('data.fallbackNote')}</p>;
}
