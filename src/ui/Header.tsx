/** Title and language switch. */
import { useTranslation } from 'react-i18next';
import type { Lang } from '../url/view-state.ts';

const LANGS: { lang: Lang; label: string; htmlLang: string }[] = [
  { lang: 'en', label: 'English', htmlLang: 'en' },
  { lang: 'zh', label: '中文', htmlLang: 'zh-Hans' },
];

export function Header({ lang, onLang }: { lang: Lang; onLang: (l: Lang) => void }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="titles">
        <h1>{t('app.title')}</h1>
        <p className="subtitle">{t('app.subtitle')}</p>
      </div>
      <div className="lang-switch" role="group" aria-label={t('app.language')}>
        {LANGS.map((l) => (
          <button key={l.lang} type="button" lang={l.htmlLang} aria-pressed={lang === l.lang} onClick={() => onLang(l.lang)}>
            {l.label}
          </button>
        ))}
      </div>
    </header>
  );
}
