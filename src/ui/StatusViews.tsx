/** Loading and failure states: always a message a person can act on, never a blank page. */
import { Component, useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import i18next, { type TFunction } from 'i18next';
import { DataError, FetchError, type WordedProblem } from '../loaders/load-atlas-data.ts';
import { listSep } from './format.ts';
import type { Lang } from '../url/view-state.ts';

/** After this long without a file arriving, the loading view names the files it still awaits. */
const NAME_WAITING_AFTER_MS = 2000;

/** The seconds-long pause after which the files still awaited are named (false until then, and after each arrival). */
function useStalled(done: number): boolean {
  const [stalled, setStalled] = useState(false);
  useEffect(() => {
    setStalled(false);
    const timer = setTimeout(() => setStalled(true), NAME_WAITING_AFTER_MS);
    return () => clearTimeout(timer);
  }, [done]);
  return stalled;
}

/** `basemap`: the map drawn while the data loads (EarlyBasemap), below the progress. */
export function LoadingView({ done, total, waiting = [], basemap }: { done: number; total: number; waiting?: readonly string[]; basemap?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const stalled = useStalled(done);
  return (
    <>
    <div className="status" role="status" aria-live="polite">
      <h2>{t('loading.title')}</h2>
      {/* What is loading, in words (the boot shell paints the same before any script runs). */}
      <p className="loading-about">{t('loading.about')}</p>
      <progress max={total} value={done} aria-label={t('loading.title')} />
      <p>{done < total ? t('loading.progress', { done, total }) : t('loading.preparing')}</p>
      {stalled && done < total && waiting.length > 0 && (
        <p className="status-waiting" data-testid="loading-waiting">
          {t('loading.waiting', { count: waiting.length, files: waiting.join(listSep((i18n.language as Lang) ?? 'en')) })}
        </p>
      )}
    </div>
    {basemap}
    </>
  );
}

const MAX_PROBLEMS = 50;

/** A failed fetch in the reader's language: which file, and what went wrong with it. */
export function fetchErrorText(error: FetchError, t: TFunction): string {
  if (error.kind === 'timeout') return t('error.timeout', { file: error.file, seconds: error.detail ?? '' });
  const reason = error.kind === 'http'
    ? t('error.reason.http', { status: error.detail ?? '' })
    : error.kind === 'decode'
      ? t('error.reason.decode', { encoding: error.detail ?? '' })
      : t(`error.reason.${error.kind}`);
  return t('error.fetch', { file: error.file, reason });
}

/** A problem's words: the loader's own in the reader's language, the validator's as it gave them. */
function problemText(p: WordedProblem, t: TFunction): string {
  return p.key ? t(p.key, { ...p.values, defaultValue: p.message }) : p.message;
}

/** The problems of a DataError as a table, by file, record and field (at most MAX_PROBLEMS). */
export function ProblemTable({ problems }: { problems: readonly WordedProblem[] }) {
  const { t } = useTranslation();
  const shown = problems.slice(0, MAX_PROBLEMS);
  return (
    <>
      <div className="table-scroll">
        <table className="problems">
          <thead><tr><th scope="col">{t('error.columns.file')}</th><th scope="col">{t('error.columns.id')}</th><th scope="col">{t('error.columns.field')}</th><th scope="col">{t('error.columns.message')}</th></tr></thead>
          <tbody>
            {shown.map((p, i) => (
              <tr key={i}><td><code>{p.file}</code></td><td><code>{p.id}</code></td><td><code>{p.field}</code></td><td>{problemText(p, t)}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
      {problems.length > MAX_PROBLEMS && <p>{t('error.badDataMore', { count: problems.length - MAX_PROBLEMS })}</p>}
    </>
  );
}

export function ErrorView({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  let body: ReactNode;
  if (error instanceof FetchError) {
    body = (
      <>
        <p>{fetchErrorText(error, t)}</p>
        {error.kind !== 'http' && <p>{t(error.kind === 'decode' ? 'error.hint.decode' : 'error.hint.transient')}</p>}
      </>
    );
  } else if (error instanceof DataError) {
    body = (
      <>
        <p>{t('error.badData', { count: error.problems.length })}</p>
        <ProblemTable problems={error.problems} />
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
