/**
 * "Embed": a button beside "Copy link" and the dialog it opens, which gives the `<iframe>` for the
 * current view (with its `title` and a starting height) and the one-line script that sizes it.
 * A native modal <dialog>: focus moves in and is kept there, Escape closes, focus returns.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from '../url/view-state.ts';
import { iframeSnippet, resizeScript } from './snippet.ts';
import './embed.css';
import { useModalDialog } from '../ui/use-modal-dialog.ts';

function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="embed-field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly value={value} rows={5} spellCheck={false} onFocus={(e) => e.currentTarget.select()} />
      <div className="embed-field-actions">
        <button type="button" onClick={() => void copy()}>{t('embed.copy')}</button>
        <span role="status">{state === 'copied' ? t('embed.copied') : state === 'failed' ? t('embed.copyFailed') : ''}</span>
      </div>
    </div>
  );
}

/** `what`: the view in words ("Pakistan · Up to 2025"), for the frame's title. */
export function EmbedButton({ view, what }: { view: ViewState; what: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const ref = useModalDialog(open);
  const title = t('embed.frameTitle', { title: t('app.title'), what });
  return (
    <>
      <button type="button" aria-haspopup="dialog" onClick={() => setOpen(true)}>{t('embed.button')}</button>
      <dialog ref={ref} className="about embed-dialog" aria-labelledby="embed-title" onClose={() => setOpen(false)}>
        <div className="about-head">
          <h2 id="embed-title">{t('embed.title')}</h2>
          <button type="button" className="icon-button" onClick={() => setOpen(false)} aria-label={t('embed.close')}>×</button>
        </div>
        {open && (
          <>
            <p>{t('embed.intro')}</p>
            <CopyField id="embed-frame-code" label={t('embed.frameCode')} value={iframeSnippet(view, location.href, title)} />
            <CopyField id="embed-script-code" label={t('embed.scriptCode')} value={resizeScript(location.href)} />
            <p className="muted">{t('embed.sandbox')}</p>
          </>
        )}
      </dialog>
    </>
  );
}
