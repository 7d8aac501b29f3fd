/** A bilingual text in the page's language; English standing in for missing Chinese is marked so (lang="en" and "EN"). */
import { useTranslation } from 'react-i18next';
import type { Bilingual } from '../domain/schema.ts';
import type { Lang } from '../url/view-state.ts';
import { shownInEnglish } from '../domain/english-fallback.ts';

export function LocalText({ value, lang }: { value: Bilingual; lang: Lang }) {
  const { t } = useTranslation();
  if (!shownInEnglish(value, lang)) return <>{value[lang]}</>;
  return (
    <>
      <span lang="en">{value.en}</span>
      <abbr className="in-english-mark" title={t('import.inEnglishTitle')}>{t('import.inEnglish')}</abbr>
    </>
  );
}
