/**
 * A source as a citation: title (original, and translated), publisher, date, kind, whose voice it
 * is (and, for a partner-side source about another country's link, that it is a third party here),
 * what it republishes, language, locator, address.
 */
import { useTranslation } from 'react-i18next';
import type { Source, SourceSide } from '../domain/schema.ts';
import type { Lang } from '../url/view-state.ts';
import { formatDate } from '../domain/dates.ts';
import { languageName } from './format.ts';
import './citation.css';
import { dataLang } from '../domain/dates.ts';
import { Locator } from './Locator.tsx';
import { dataTextLang } from './format.ts';

/**
 * `onFilterSource`, when given, adds "All links citing this source" (a filter to them). `sideHere` is
 * the side the source speaks for on the link cited; `names` resolves a country, partner or source id.
 */
export function SourceCitation({ source, locator, lang, onFilterSource, sideHere, names }: {
  source: Source; locator: string; lang: Lang; onFilterSource?: (id: string) => void;
  sideHere?: SourceSide;
  names?: { speaksFor: (s: Source) => string; source: (id: string) => string | undefined };
}) {
  const { t } = useTranslation();
  const translated = source.title[dataLang(lang)];
  const speaksFor = names?.speaksFor(source) ?? source.country ?? source.partner ?? '';
  const copied = source.copyOf ? names?.source(source.copyOf) ?? source.copyOf : null;
  return (
    <div className="citation">
      <cite className="citation-title" lang={source.language}>{source.title.original}</cite>
      {translated !== source.title.original && <div className="citation-translated" lang={dataTextLang(lang)}>{translated}</div>}
      <dl>
        <dt>{t('details.publisher')}</dt>
        <dd lang={source.publisher ? dataTextLang(lang) : undefined}>{source.publisher ? source.publisher[dataLang(lang)] : t('details.publisherUnknown')}</dd>
        <dt>{t('details.published')}</dt>
        <dd>{formatDate(source.published, lang)}{source.published.note ? ` — ${source.published.note[dataLang(lang)]}` : ''}</dd>
        <dt>{t('details.sourceKind')}</dt>
        <dd className={`source-kind source-kind--${source.kind}`}>{t(`details.sourceKind_${source.kind}`)}</dd>
        <dt>{t('details.voice')}</dt>
        <dd className={`source-side source-side--${source.side}`}>
          {t(`details.voice_${source.side}`, { name: speaksFor })}
          {source.side === 'partner' && sideHere === 'third-party' && <> {t('details.voiceElsewhere', { name: speaksFor })}</>}
        </dd>
        {copied && (<><dt>{t('details.copyOf')}</dt><dd>{copied}</dd></>)}
        <dt>{t('details.language')}</dt>
        <dd>{languageName(source.language, lang)}</dd>
        <dt>{t('details.locator')}</dt>
        <dd className="locator"><Locator locator={locator} lang={lang} /></dd>
        {source.file && (<><dt>{t('details.seedFile')}</dt><dd><code>{source.file}</code></dd></>)}
        {source.note && (<><dt>{t('details.note')}</dt><dd lang={dataTextLang(lang)}>{source.note[dataLang(lang)]}</dd></>)}
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
