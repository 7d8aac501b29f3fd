/** The sources view's narrowing controls: language, kind, and words in titles, publishers and addresses. */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SOURCE_KINDS, type SourceKind, type SourceNarrowing } from '../../domain/source-rows.ts';

interface Props {
  narrowing: SourceNarrowing;
  onChange: (n: SourceNarrowing) => void;
  /** Language codes, in the order to offer them. */
  languages: readonly string[];
  languageName: (code: string) => string;
}

/** Two selects and a search box; the narrowing lives in the view's state, not the URL. */
export function SourceTools({ narrowing, onChange, languages, languageName }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const isKind = (v: string): v is SourceKind => (SOURCE_KINDS as readonly string[]).includes(v);
  return (
    <div className="sv-tools">
      <label htmlFor={`${id}-lang`}>
        {t('sourcesView.language')}
        <select id={`${id}-lang`} value={narrowing.language ?? ''} onChange={(e) => onChange({ ...narrowing, language: e.target.value || null })}>
          <option value="">{t('sourcesView.anyLanguage')}</option>
          {languages.map((c) => <option key={c} value={c}>{languageName(c)}</option>)}
        </select>
      </label>
      <label htmlFor={`${id}-kind`}>
        {t('sourcesView.kind')}
        <select id={`${id}-kind`} value={narrowing.kind ?? ''} onChange={(e) => onChange({ ...narrowing, kind: isKind(e.target.value) ? e.target.value : null })}>
          <option value="">{t('sourcesView.anyKind')}</option>
          {SOURCE_KINDS.map((k) => <option key={k} value={k}>{t(`about.kindName_${k}`)}</option>)}
        </select>
      </label>
      <label htmlFor={`${id}-find`}>
        {t('sourcesView.find')}
        <input id={`${id}-find`} type="search" value={narrowing.text} placeholder={t('sourcesView.findPlaceholder')}
          onChange={(e) => onChange({ ...narrowing, text: e.target.value })} />
      </label>
    </div>
  );
}
