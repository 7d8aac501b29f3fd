/** Map, Table or Sources: one control, a WAI-ARIA tab list (arrow keys move between the tabs). */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewName } from '../url/view-state.ts';

export const VIEWS: readonly ViewName[] = ['map', 'table', 'sources'];
export const VIEW_PANEL_ID = 'view-panel';

export function ViewSwitch({ view, onView }: { view: ViewName; onView: (v: ViewName) => void }) {
  const { t } = useTranslation();
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: React.KeyboardEvent) => {
    const i = VIEWS.indexOf(view);
    const next = e.key === 'ArrowRight' ? i + 1 : e.key === 'ArrowLeft' ? i - 1 : e.key === 'Home' ? 0 : e.key === 'End' ? VIEWS.length - 1 : null;
    if (next === null) return;
    e.preventDefault();
    const v = VIEWS[(next + VIEWS.length) % VIEWS.length] as ViewName;
    onView(v);
    refs.current[VIEWS.indexOf(v)]?.focus();
  };
  return (
    <div className="view-switch" role="tablist" aria-label={t('views.label')} onKeyDown={onKey}>
      {VIEWS.map((v, i) => (
        <button key={v} ref={(el) => { refs.current[i] = el; }} type="button" role="tab" id={`view-tab-${v}`} aria-selected={view === v}
          aria-controls={VIEW_PANEL_ID} tabIndex={view === v ? 0 : -1} onClick={() => onView(v)}>
          {t(`views.${v}`)}
        </button>
      ))}
    </div>
  );
}
