/** Loading and failure states: always a message a person can act on, never a blank page. */
import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import { DataError, FetchError } from '../loaders/load-atlas-data.ts';

export function LoadingView({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  return (
    <div className="status" role="status" aria-live="polite">
      <h2>{t('loading.title')}</h2>
      {/* What is loading, in words (the boot shell paints the same before any script runs). */}
      <p className="loading-about">{t('loading.about')}</p>
      <progress max={total} value={done} aria-label={t('loading.title')} />
      <p>{done < total ? t('loading.progress', { done, total }) : t('loading.preparing')}</p>
    </div>
  );
}

const MAX_PROBLEMS = 50;

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (error instanceof FetchError) {
    body = <p>{t('error.fetch', { file: error.file, reason: error.reason })}</p>;
  } else if (error instanceof DataError) {
    const shown = error.problems.slice(0, MAX_PROBLEMS);
    body = (
      <>
        <p>{t('error.badData', { count: error.problems.length })}</p>
        <div className="table-scroll">
          <table className="problems">
            <thead><tr><th scope="col">{t('error.columns.file')}</th><th scope="col">{t('error.columns.id')}</th><th scope="col">{t('error.columns.field')}</th><th scope="col">{t('error.columns.message')}</th></tr></thead>
            <tbody>
              {shown.map((p, i) => (
                <tr key={i}><td><code>{p.file}</code></td><td><code>{p.id}</code></td><td><code>{p.field}</code></td><td>{p.message}</td></tr>
              ))}
            </tbody>
          </table>
        </div>
        {error.problems.length > MAX_PROBLEMS && <p>{t('error.badDataMore', { count: error.problems.length - MAX_PROBLEMS })}</p>}
      </>
    );
  } else {
    body = <p>{t('error.crash', { message: error instanceof Error ? error.message : String(error) })}</p>;
  }
  return (
    <div className="status status-error" role="alert">
      <h2>{t('error.title')}</h2>
      {body}
      {onRetry && <button type="button" onClick={onRetry}>{t('error.retry')}</button>}
    </div>
  );
}

/** Catches render errors anywhere below so the page explains itself instead of going blank. */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: null };
  static getDerivedStateFromError(error: unknown) {
    return { error };
  }
  override render() {
    if (this.state.error) {
      const message = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
      return (
        <div className="status status-error" role="alert">
          <h2>{i18next.t('error.title')}</h2>
          <p>{i18next.t('error.crash', { message })}</p>
          <button type="button" onClick={() => location.reload()}>{i18next.t('error.reload')}</button>
        </div>
      );
    }
    return this.props.children;
  }
}
