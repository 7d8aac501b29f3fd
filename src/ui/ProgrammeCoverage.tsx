/**
 * A programme's official figures beside what the atlas maps of the same measure, each figure with
 * its source and date, and in words what was counted. Shown in the programme's panel and, for
 * every programme with figures, in "About the data". Where reports disagree, each is a row.
 */
import { useTranslation } from 'react-i18next';
import { dataLang, formatDate } from '../domain/dates.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { ProgrammeCoverage as Coverage } from '../domain/programme-coverage.ts';
import type { Lang } from '../url/view-state.ts';
import { dataTextLang, formatNumber } from './format.ts';

export function ProgrammeCoverage({ coverage, index, lang, caption, testId }: {
  coverage: Coverage; index: DatasetIndex; lang: Lang; caption: string; testId?: string;
}) {
  const { t } = useTranslation();
  const n = (x: number) => formatNumber(x, lang);
  const institutions = coverage.lines.some((l) => l.figure.measure === 'institutions');
  return (
    <div className="coverage" data-testid={testId}>
      <table className="about-kinds coverage-table">
        <caption lang={dataTextLang(lang)}>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.reported')}</th>
            <th scope="col">{t('coverage.source')}</th>
            <th scope="col" className="num">{t('coverage.mapped')}</th>
          </tr>
        </thead>
        <tbody>
          {coverage.lines.map(({ figure, mapped }, i) => {
            const source = index.sources.get(figure.source);
            return (
              <tr key={i}>
                <td>
                  <strong>{t(`coverage.measure_${figure.measure}`, { count: figure.value, value: n(figure.value) })}</strong>
                  {' '}<span lang={dataTextLang(lang)}>({figure.text[dataLang(lang)]})</span>
                  {figure.note && <div className="muted" lang={dataTextLang(lang)}>{figure.note[dataLang(lang)]}</div>}
                </td>
                <td>
                  {source ? <cite lang={source.language}>{source.title.original}</cite> : figure.source}
                  {source?.publisher && <> · <span lang={dataTextLang(lang)}>{source.publisher[dataLang(lang)]}</span></>}
                  <div className="muted">{t('coverage.asOf', { date: formatDate({ precision: figure.asOf.length === 4 ? 'year' : figure.asOf.length === 7 ? 'month' : 'day', value: figure.asOf }, lang) })} · {figure.locator}</div>
                </td>
                <td className="num">{t(`coverage.measure_${figure.measure}`, { count: mapped, value: n(mapped) })}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p className="muted coverage-note">
        {t('coverage.counted', { count: coverage.links, links: n(coverage.links) })}
        {coverage.planned > 0 && <>{lang === 'zh' ? '' : ' '}{t('coverage.plannedLeftOut', { count: coverage.planned, planned: n(coverage.planned) })}</>}
        {institutions && <>{lang === 'zh' ? '' : ' '}{t('coverage.institutionKinds')}</>}
        {institutions && coverage.notInstitutions > 0 && <>{lang === 'zh' ? '' : ' '}{t('coverage.notInstitutions', { count: coverage.notInstitutions, links: n(coverage.notInstitutions) })}</>}
      </p>
    </div>
  );
}
