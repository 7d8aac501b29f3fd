/** What the colours, widths, points, rings and shades on the map mean. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../domain/categories.ts';
import { CATEGORY_COLOR } from '../style/palette.ts';
import { GROUP_COLOR, INSTITUTION_COLOR, MARKER_STROKE, PARTNER_RAMP } from '../map/layer-styles.ts';

export const Legend = memo(function Legend() {
  const { t } = useTranslation();
  return (
    <section className="legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('legend.title')}</h2>
      <ul>
        {CATEGORIES.map((c) => (
          <li key={c}><span className="swatch" style={{ background: CATEGORY_COLOR[c] }} aria-hidden="true" />{t(`category.${c}`)}</li>
        ))}
        <li><span className="swatch swatch-dashed" aria-hidden="true" />{t('legend.domestic')}</li>
      </ul>
      <h3>{t('legend.shapes')}</h3>
      <ul>
        <li>
          <span className="legend-widths" aria-hidden="true">
            {[2, 4, 7].map((w) => <span key={w} style={{ height: w, background: '#4b5563' }} />)}
          </span>
          {t('legend.width')}
        </li>
        <li>
          <span className="legend-dots" aria-hidden="true">
            {[6, 10, 14].map((d) => <span key={d} style={{ width: d, height: d, background: INSTITUTION_COLOR }} />)}
          </span>
          {t('legend.institution')}
        </li>
        <li><span className="legend-dot" style={{ background: '#fff', borderColor: MARKER_STROKE }} aria-hidden="true" />{t('legend.partnerInstitution')}</li>
        <li><span className="legend-dot" style={{ background: MARKER_STROKE, borderColor: MARKER_STROKE }} aria-hidden="true" />{t('legend.organization')}</li>
        <li><span className="swatch swatch-ring" style={{ borderColor: GROUP_COLOR }} aria-hidden="true" />{t('legend.group')}</li>
        <li><span className="legend-ramp" style={{ background: `linear-gradient(90deg, ${PARTNER_RAMP[0]}, ${PARTNER_RAMP[1]})` }} aria-hidden="true" />{t('legend.shading')}</li>
      </ul>
      <p className="muted">{t('legend.direction')}{t('legend.stop')}</p>
    </section>
  );
});
