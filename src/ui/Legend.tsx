/** What the colours, dashes, rings and widths mean. */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { CATEGORIES } from '../domain/categories.ts';
import { CATEGORY_COLOR } from '../style/palette.ts';

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
        <li><span className="swatch swatch-ring" aria-hidden="true" />{t('legend.group')}</li>
      </ul>
      <p className="muted">{t('legend.width')}. {t('legend.direction')}.</p>
    </section>
  );
});
