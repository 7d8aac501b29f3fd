/**
 * Presenter mode's bar: the title and what is shown (the count sentence, in large type), and the
 * controls, which fade out while the presenter is idle (use-presenter.ts) and come back on any
 * pointer move or key.
 */
import { useTranslation } from 'react-i18next';
import type { PresentTheme } from '../url/view-state.ts';

interface Props {
  sentence: string;
  theme: PresentTheme;
  fullscreen: boolean;
  onPrev: () => void;
  onNext: () => void;
  onFullscreen: () => void;
  onTheme: (theme: PresentTheme) => void;
  onHelp: () => void;
  onExit: () => void;
}

export function PresentBar(p: Props) {
  const { t } = useTranslation();
  return (
    <div className="present-bar">
      <div className="present-titles">
        <h1 className="present-title">{t('app.title')}</h1>
        <p className="present-sentence" data-testid="present-sentence">{p.sentence}</p>
      </div>
      <div className="present-controls present-hideable" role="toolbar" aria-label={t('present.toolbar')}>
        <button type="button" onClick={p.onPrev}><span className="present-arrow" aria-hidden="true">←</span> {t('present.prev')}</button>
        <button type="button" onClick={p.onNext}>{t('present.next')} <span className="present-arrow" aria-hidden="true">→</span></button>
        <button type="button" aria-pressed={p.fullscreen} onClick={p.onFullscreen}>{t('present.fullscreen')}</button>
        <span className="present-theme" role="group" aria-label={t('present.theme')}>
          {(['dark', 'light'] as const).map((th) => (
            <button key={th} type="button" aria-pressed={p.theme === th} onClick={() => p.onTheme(th)}>
              {t(th === 'dark' ? 'present.themeDark' : 'present.themeLight')}
            </button>
          ))}
        </span>
        <button type="button" aria-haspopup="dialog" aria-keyshortcuts="Shift+?" onClick={p.onHelp}>{t('present.keys')} <kbd aria-hidden="true">?</kbd></button>
        <button type="button" aria-keyshortcuts="Escape" onClick={p.onExit}>{t('present.exit')}</button>
      </div>
    </div>
  );
}
