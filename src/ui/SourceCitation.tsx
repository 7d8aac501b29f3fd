/** A source as a citation: title (original, and translated), publisher, date, kind, language, locator, address. */
import { useTranslation } from 'react-i18next';
import type { Source } from '../domain/schema.ts';
import type { Lang } from '../url/view-state.ts';
import { formatDate } from '../domain/dates.ts';
import { languageName } from './format.ts';
import './citation.css';

/** `onFilterSource`, when given, adds "All links citing this source" (a filter to them). */
export function SourceCitation({ source, locator, lang, onFilterSource }: {
  source: Source; locator: string; lang: Lang; onFilterSource?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const translated = source.title[lang];
  return (
    <div className="citation">
      <cite className="citation-title" lang={source.language}>{source.title.original}</cite>
      {translated !== source.title.original && <div className="citation-translated">{translated}</div>}
      <dl>
        <dt>{t('details.publisher')}</dt>
        <dd>{source.publisher ? source.publisher[lang] : t('details.publisherUnknown')}</dd>
        <dt>{t('details.published')}</dt>
        <dd>{formatDate(source.published, lang)}{source.published.note ? ` — ${source.published.note[lang]}` : ''}</dd>
        <dt>{t('details.sourceKind')}</dt>
        <dd className={`source-kind source-kind--${source.kind}`}>{t(`details.sourceKind_${source.kind}`)}</dd>
        <dt>{t('details.language')}</dt>
        <dd>{languageName(source.language, lang)}</dd>
        <dt>{t('details.locator')}</dt>
        <dd className="locator">{locator}</dd>
        {source.file && (<><dt>{t('details.seedFile')}</dt><dd><code>{source.file}</code></dd></>)}
        {source.note && (<><dt>{t('details.note')}</dt><dd>{source.note[lang]}</dd></>)}
      </dl>
      {source.url && (
        <a className="citation-url" href={source.url} target="_blank" rel="noopener noreferrer" title={t('details.openSource')}>{source.url}</a>
      )}
      {onFilterSource && (
        <button type="button" className="citation-filter" onClick={() => onFilterSource(source.id)}>{t('sourcesView.citingLinks')}</button>
      )}
    </div>
  );
}
