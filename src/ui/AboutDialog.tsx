/**
 * "About the data": the method in the reader's language — what a link is, the kinds of source,
 * how dates, groups and participant numbers are treated — with this dataset's own counts and,
 * from the review log, how many leads were taken and why the others were left out.
 * A native modal <dialog>: focus moves in and is kept there, Escape closes, focus returns.
 */
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import i18next from 'i18next';
import aboutEn from '../i18n/locales/about.en.json';
import { useQuery } from '@tanstack/react-query';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import { datasetStats } from '../domain/dataset-stats.ts';
import { evidenceSummary } from '../domain/evidence-strength.ts';
import { LINK_STATUSES } from '../domain/filters.ts';
import { statusShortLabel } from '../domain/link-words.ts';
import { summarizeReviewLog } from '../domain/review-log.ts';
import { loadReviewLog } from '../loaders/load-review-log.ts';
import { DataError, FetchError } from '../loaders/load-atlas-data.ts';
import { fetchErrorText, ProblemTable } from './StatusViews.tsx';
import { dataTextLang, formatNumber, listSep } from './format.ts';
import { dataLang } from '../domain/dates.ts';
import { coverageOfAll } from '../domain/programme-coverage.ts';
import { ProgrammeCoverage } from './ProgrammeCoverage.tsx';
import type { Lang } from '../url/view-state.ts';
import { useModalDialog } from './use-modal-dialog.ts';

// The dialog's English words come with the dialog, not in the first download: only its button's
// label (and the source kinds' names, which the sources view shows too) are in en.json. The Chinese
// ones stay in zh.json, which is loaded on demand already.
i18next.addResourceBundle('en', 'translation', aboutEn, true, false);

/** Why the review log could not be shown: the file and what is wrong with it, in the reader's language, and a retry. */
function ReviewLogError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const retry = <button type="button" onClick={onRetry}>{t('about.retry')}</button>;
  if (error instanceof DataError) {
    return (
      <div role="alert" className="about-error">
        <p>{t('about.leadsProblems', { count: error.problems.length, file: error.problems[0]?.file ?? '' })}</p>
        <ProblemTable problems={error.problems} />
        <p>{retry}</p>
      </div>
    );
  }
  const message = error instanceof FetchError ? fetchErrorText(error, t) : t('about.leadsError', { message: error instanceof Error ? error.message : String(error) });
  return <p role="alert">{message}{' '}{retry}</p>;
}

interface Props {
  open: boolean;
  onClose: () => void;
  index: DatasetIndex;
  dataPath: string;
  lang: Lang;
  /** Closes the dialog and opens a programme's panel. */
  onOpenProgramme?: (id: string) => void;
}

export const AboutDialog = memo(function AboutDialog({ open, onClose, index, dataPath, lang, onOpenProgramme }: Props) {
  const { t } = useTranslation();
  const ref = useModalDialog(open);
  // O(links): counted when the dialog is opened, not at start-up for a dialog few people open.
  const stats = useMemo(() => (open ? datasetStats(index) : null), [open, index]);
  const evidence = useMemo(() => (open ? evidenceSummary(index) : null), [open, index]);
  const coverage = useMemo(() => (open ? coverageOfAll(index) : []), [open, index]);
  const review = useQuery({
    queryKey: ['review-log', dataPath],
    queryFn: ({ signal }) => loadReviewLog(dataPath, signal),
    enabled: open,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });

  const summary = review.data ? summarizeReviewLog(review.data) : null;
  return (
    <dialog ref={ref} className="about" aria-labelledby="about-title" onClose={onClose}>
      <div className="about-head">
        <h2 id="about-title">{t('about.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('about.close')}>×</button>
      </div>
      {stats && (
        <>
          <h3>{t('about.countsTitle')}</h3>
          <p data-testid="about-counts">
            {t('about.counts', { links: stats.links, sources: stats.sources, countries: stats.partnerCountries, institutions: stats.leadInstitutions, others: stats.otherInstitutions })}
            {lang === 'zh' ? '' : ' '}{t('about.countsTwo', { count: stats.multiSourceLinks })}
          </p>
          <h3>{t('about.whatTitle')}</h3>
          <p>{t('about.what')}</p>
          <p>{t('about.participants')}</p>
          <h3>{t('about.sourcesTitle')}</h3>
          <p>{t('about.sources')}</p>
          <table className="about-kinds">
            <caption>{t('about.kindsTitle')}</caption>
            <thead>
              <tr><th scope="col">{t('about.kindColumn')}</th><th scope="col">{t('about.kindMeaning')}</th><th scope="col" className="num">{t('about.kindCount')}</th></tr>
            </thead>
            <tbody>
              {(['original', 'news', 'copy'] as const).map((k) => (
                <tr key={k}>
                  <th scope="row">{t(`about.kindName_${k}`)}</th>
                  <td>{t(`about.kind_${k}`)}</td>
                  <td className="num">{formatNumber(stats.sourcesByKind[k], lang)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t('about.datesTitle')}</h3>
          <p>{t('about.dates')}</p>
          <h3>{t('about.whenTitle')}</h3>
          <p>{t('about.when')}</p>
          <h3>{t('about.countingTitle')}</h3>
          <p>{t('about.counting')}</p>
          <p>{t('about.undatedPlanned')}</p>
          <h3>{t('about.statusTitle')}</h3>
          <p>{t('about.status')}</p>
          {evidence && (
            <table className="about-kinds about-statuses">
              <caption>{t('about.statusTable')}</caption>
              <thead>
                <tr><th scope="col">{t('about.statusColumn')}</th><th scope="col">{t('about.statusMeaning')}</th><th scope="col" className="num">{t('about.statusCount')}</th></tr>
              </thead>
              <tbody>
                {LINK_STATUSES.map((s) => (
                  <tr key={s}>
                    <th scope="row">{statusShortLabel(s, lang)}</th>
                    <td>{t(`about.statusMeaning_${s}`)}</td>
                    <td className="num">{formatNumber(evidence.byStatus[s], lang)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <h3>{t('about.evidenceTitle')}</h3>
          <p>{t('about.evidenceSources')}</p>
          <p>{t('about.evidenceSides')}</p>
          <p>{t('about.evidenceStated')}</p>
          <p>{t('about.evidencePrecision')}</p>
          {evidence && <p data-testid="about-evidence">{t('about.evidenceCounts', { links: evidence.links, partner: evidence.partner, multi: evidence.multi, inferred: evidence.inferred })}</p>}
          {coverage.length > 0 && (
            <section data-testid="about-coverage">
              <h3>{t('coverage.aboutTitle')}</h3>
              <p>{t('coverage.aboutIntro')}</p>
              {coverage.map((c) => (
                <div key={c.programme.id} className="about-coverage">
                  <ProgrammeCoverage coverage={c} index={index} lang={lang} caption={c.programme.name[dataLang(lang)]} />
                  {onOpenProgramme && <p><button type="button" className="link-button" onClick={() => onOpenProgramme(c.programme.id)}>{t('coverage.open')}: <span lang={dataTextLang(lang)}>{c.programme.name[dataLang(lang)]}</span></button></p>}
                </div>
              ))}
            </section>
          )}
          <h3>{t('about.leadsTitle')}</h3>
          {review.isPending && <p className="muted" role="status">{t('about.loadingLeads')}</p>}
          {review.isError && <ReviewLogError error={review.error} onRetry={() => void review.refetch()} />}
          {review.isSuccess && (!summary || summary.total === 0) && <p>{t('about.noLeads')}</p>}
          {summary && summary.total > 0 && (
            <>
              <p data-testid="about-leads">{t('about.leads', { total: summary.total, taken: summary.taken, excluded: summary.excluded })}</p>
              {summary.reasons.length > 0 && (
                <>
                  <h4>{t('about.leadsReasons')}</h4>
                  <ul>
                    {summary.reasons.map((r) => (
                      <li key={r.reason}>{t('about.reasonItem', { reason: t(`about.reason.${r.reason}`), count: r.leads.length, leads: r.leads.join(listSep(lang)) })}</li>
                    ))}
                  </ul>
                </>
              )}
            </>
          )}
        </>
      )}
    </dialog>
  );
});
