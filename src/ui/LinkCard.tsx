/**
 * One link as a reader needs it: when and in what state, what, who else, how many, how strongly the
 * sources support it, and exactly where it is stated. An inferred link says so at its top.
 */
import { useTranslation } from 'react-i18next';
import type { Link } from '../domain/schema.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { Lang } from '../url/view-state.ts';
import { formatDate } from '../domain/dates.ts';
import { evidenceBySource } from '../domain/evidence.ts';
import { evidenceStrength, sideForLink } from '../domain/evidence-strength.ts';
import { countryName } from '../domain/countries.ts';
import { evidenceWords, linkTimeWords, precisionWords, scopeList } from '../domain/link-words.ts';
import { formatParticipants } from './format.ts';
import { SourceCitation } from './SourceCitation.tsx';
import { LocalText } from './LocalText.tsx';
import { typeColor } from '../style/palette.ts';
import { dataLang } from '../domain/dates.ts';
import { dataTextLang, partnerName } from './format.ts';

export function LinkCard({ link, index, lang, showEnds, onFilterSource, onOpenProgramme }: {
  link: Link; index: DatasetIndex; lang: Lang; showEnds?: boolean;
  /** Filters the atlas to the links a source supports (offered on each citation). */
  onFilterSource?: (id: string) => void;
  /** Opens the panel of the link's programme (its name becomes a button). */
  onOpenProgramme?: (id: string) => void;
}) {
  const { t } = useTranslation();
  const partner = index.partnerOf(link);
  const inst = index.institutionOf(link);
  const p = link.participants;
  const sources = evidenceBySource(link);
  const strength = evidenceStrength(index, link);
  const sourceTitle = (id: string) => index.sources.get(id)?.title[dataLang(lang)];
  const names = {
    speaksFor: (s: { country?: string | undefined; partner?: string | undefined }) => (s.partner ? (index.partners.get(s.partner) ?? index.institutions.get(s.partner))?.name[dataLang(lang)] ?? s.partner
      : s.country ? countryName(s.country, lang) : ''),
    source: sourceTitle,
  };
  return (
    <article className={link.inferred ? 'link-card link-card-inferred' : 'link-card'} aria-label={formatDate(link.date, lang)} data-link={link.id}>
      <header className="link-card-head">
        {/* Kind, when (at the date's own precision) and status: "Tie · since 2019 · active, still running as of …". */}
        <span className="link-date link-time">{linkTimeWords(link, lang, sourceTitle)}</span>
        {link.inferred && (
          <span className="inferred-badge" title={t('details.inferredBadgeHint')}>
            <span aria-hidden="true">≈ </span>{t('details.inferredBadge')}
          </span>
        )}
        <span className="link-types">
          {link.types.map((type) => (
            <span key={type} className="type-chip" style={{ borderColor: typeColor(type) }}>
              <span className="swatch" style={{ background: typeColor(type) }} aria-hidden="true" />
              {t(`type.${type}`)}
            </span>
          ))}
        </span>
      </header>
      {showEnds && <p className="link-ends"><LocalText value={inst.name} lang={lang} /> → {partner.kind === 'country' ? partnerName(partner, lang) : <LocalText value={partner.name} lang={lang} />}</p>}
      {link.date.note && <p className="link-note"><LocalText value={link.date.note} lang={lang} /></p>}
      {'basis' in link.date && link.date.basis && link.date.basis !== 'text' && (
        <p className="link-note link-basis">{t(`details.basis_${link.date.basis}`)}</p>
      )}
      <p className="link-summary"><LocalText value={link.summary} lang={lang} /></p>
      {link.scope && <p className="link-scope">{t('details.scopeCovers', { list: scopeList(link.scope.map((ty) => t(`type.${ty}`)), lang) })}</p>}
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
        {link.programme && (
          <>
            <dt>{t('details.programme')}</dt>
            <dd>
              {onOpenProgramme
                ? <button type="button" className="link-button" onClick={() => onOpenProgramme(link.programme as string)}><LocalText value={programmeName(index, link.programme)} lang={lang} /></button>
                : <LocalText value={programmeName(index, link.programme)} lang={lang} />}
              {link.batch !== undefined && <> · {t('details.batch', { batch: link.batch })}</>}
            </dd>
          </>
        )}
        {link.with && link.with.length > 0 && (
          <>
            <dt>{t('details.with')}</dt>
            <dd lang={dataTextLang(lang)}>{link.with.map((id) => index.institutions.get(id)?.name[dataLang(lang)] ?? id).join(lang === 'zh' ? '、' : '; ')}</dd>
          </>
        )}
        <dt>{t('details.evidence')}</dt>
        <dd className={link.inferred ? 'link-evidence link-evidence-inferred' : 'link-evidence'}>{evidenceWords(strength, lang)}</dd>
        <dt>{t('details.precision')}</dt>
        <dd className="link-precision">{precisionWords(strength, lang)}</dd>
      </dl>
      <section className="link-sources" aria-label={t('details.sources', { count: sources.length })}>
        <h4>{t('details.sources', { count: sources.length })}</h4>
        <ol>
          {sources.map(({ source: id, locators }) => {
            const source = index.sources.get(id);
            return source ? (
              <li key={id}>
                <SourceCitation source={source} locator={locators.join('; ')} lang={lang} onFilterSource={onFilterSource}
                  sideHere={sideForLink(source, partner)} names={names} />
              </li>
            ) : null;
          })}
        </ol>
      </section>
    </article>
  );
}

/** A programme's name; a dataset always has a record for each programme its links name (validate.ts). */
function programmeName(index: DatasetIndex, id: string): { en: string; zh: string } {
  return index.programmes.get(id)?.name ?? { en: id, zh: id };
}
