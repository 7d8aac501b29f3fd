/** One link as a reader needs it: when, what, who else, how many, and exactly where it is stated. */
import { useTranslation } from 'react-i18next';
import type { Link } from '../domain/schema.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import { formatDate } from '../domain/dates.ts';
import { evidenceBySource } from '../domain/evidence.ts';
import { formatParticipants } from './format.ts';
import { SourceCitation } from './SourceCitation.tsx';
import { typeColor } from '../style/palette.ts';

export function LinkCard({ link, index, lang, showEnds, onFilterSource }: {
  link: Link; index: DatasetIndex; lang: Lang; showEnds?: boolean;
  /** Filters the atlas to the links a source supports (offered on each citation). */
  onFilterSource?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const partner = index.partnerOf(link);
  const inst = index.institutionOf(link);
  const p = link.participants;
  const sources = evidenceBySource(link);
  return (
    <article className="link-card" aria-label={formatDate(link.date, lang)}>
      <header className="link-card-head">
        <span className="link-date">{formatDate(link.date, lang)}</span>
        <span className="link-types">
          {link.types.map((type) => (
            <span key={type} className="type-chip" style={{ borderColor: typeColor(type) }}>
              <span className="swatch" style={{ background: typeColor(type) }} aria-hidden="true" />
              {t(`type.${type}`)}
            </span>
          ))}
        </span>
      </header>
      {showEnds && <p className="link-ends">{inst.name[lang]} → {partner.name[lang]}</p>}
      {link.date.note && <p className="link-note">{link.date.note[lang]}</p>}
      {'basis' in link.date && link.date.basis && link.date.basis !== 'text' && (
        <p className="link-note link-basis">{t(`details.basis_${link.date.basis}`)}</p>
      )}
      <p className="link-summary">{link.summary[lang]}</p>
      <dl className="link-facts">
        {link.mode && (<><dt>{t('details.mode')}</dt><dd>{t(`mode.${link.mode}`)}</dd></>)}
        {p && (
          <>
            <dt>{t('details.participants')}</dt>
            <dd>
              {formatParticipants(p, lang, (q, value) => t(`qualifier.${q}`, { value }))}
              {p.scope !== 'link' && <> {t('details.participantsShared', { scope: t(`details.scope_${p.scope}`) })}</>}
            </dd>
          </>
        )}
        {link.programme && (<><dt>{t('details.programme')}</dt><dd>{link.programme[lang]}</dd></>)}
        {link.with && link.with.length > 0 && (
          <>
            <dt>{t('details.with')}</dt>
            <dd>{link.with.map((id) => index.institutions.get(id)?.name[lang] ?? id).join(lang === 'zh' ? '、' : '; ')}</dd>
          </>
        )}
      </dl>
      <section className="link-sources" aria-label={t('details.sources', { count: sources.length })}>
        <h4>{t('details.sources', { count: sources.length })}</h4>
        <ol>
          {sources.map(({ source: id, locators }) => {
            const source = index.sources.get(id);
            return source ? <li key={id}><SourceCitation source={source} locator={locators.join('; ')} lang={lang} onFilterSource={onFilterSource} /></li> : null;
          })}
        </ol>
      </section>
    </article>
  );
}
