/** "Copy link": the address of exactly this view, for a colleague or an article. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export function CopyLink() {
  const { t } = useTranslation();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = window.setTimeout(() => setState('idle'), 2500);
    return () => window.clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    // The URL is written a moment after the view settles; flush it first (use-url-sync listens).
    window.dispatchEvent(new Event('atlas:flush-url'));
    try {
      await navigator.clipboard.writeText(location.href);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>{t('share.copy')}</button>
      <span role="status" className="copy-status">
        {state === 'copied' ? t('share.copied') : state === 'failed' ? t('share.failed') : ''}
      </span>
    </div>
  );
}
