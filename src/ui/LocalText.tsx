/**
 * A data text (bilingual) on a page of any language, with its English fallback said as
 * english-fallback.ts decides: on Arabic and Russian pages English with lang="en" (the panel's
 * DataFallbackNote says it once for all); English standing in for one missing Chinese text marked
 * "EN" where it stands.
 */
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../domain/schema.ts';
import type { Lang } from '../url/view-state.ts';
import { englishFallback } from '../domain/english-fallback.ts';

export function LocalText({ value, lang }: { value: Bilingual; lang: Lang }) {
  const { t } = useTranslation();
  const how = englishFallback(value, lang);
  if (how === 'none') return <>{value[lang === 'zh' ? 'zh' : 'en']}</>;
  if (how === 'page') return <span lang="en">{value.en}</span>;
  return (
    <>
      <span lang="en">{value.en}</span>
      <abbr className="in-english-mark" title={t('import.inEnglishTitle')}>{t('import.inEnglish')}</abbr>
    </>
  );
}
