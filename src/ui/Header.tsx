/**
 * Title, the search box (when given), the "About the data" button and the language switch. The
 * boot shell (src/cli/boot-shell.ts) paints the same markup before this runs: change both together.
 */
import { memo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../url/view-state.ts';

const LANGS: { lang: Lang; label: string; htmlLang: string }[] = [
  { lang: 'en', label: 'English', htmlLang: 'en' },
  { lang: 'zh', label: '中文', htmlLang: 'zh-Hans' },
  { lang: 'ar', label: 'العربية', htmlLang: 'ar' },
  { lang: 'ru', label: 'Русский', htmlLang: 'ru' },
];

export const Header = memo(function Header({ lang, onLang, onAbout, search }: {
  lang: Lang; onLang: (l: Lang) => void; onAbout?: () => void;
  /** The search box; memoise it, or the header re-renders with every view change. */
  search?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="titles">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      {/* The slot holds the box's place before the search index is built, so nothing below it moves when it arrives. */}
      <div className="search-slot">{search}</div>
      {onAbout
        ? <button type="button" className="about-button" aria-haspopup="dialog" onClick={onAbout}>{t('about.open')}</button>
        : <button type="button" className="about-button about-button--waiting" tabIndex={-1} aria-hidden="true">{t('about.open')}</button>}
      <div className="lang-switch" role="group" aria-label={t('app.language')}>
        {LANGS.map((l) => (
          <button key={l.lang} type="button" lang={l.htmlLang} aria-pressed={lang === l.lang} onClick={() => onLang(l.lang)}>
            {l.label}
          </button>
        ))}
      </div>
    </header>
  );
});
