/** The timeline's strings from the app's i18n, so the timeline itself stays language-agnostic. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineLabels } from '../timeline/Timeline.tsx';

export function useTimelineLabels(): TimelineLabels {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => ({
    sliderLabel: t('timeline.slider'),
    fromSliderLabel: t('timeline.fromSlider'),
    valueText: (year, mode, from) => (mode === 'upto' ? t('timeline.valueUpto', { year })
      : mode === 'in' ? t('timeline.valueIn', { year }) : t('timeline.valueRange', { from, year })),
    modeGroup: t('timeline.mode'),
    modeUpTo: t('timeline.modeUpto'),
    modeIn: t('timeline.modeIn'),
    modeRange: t('timeline.modeRange'),
    play: t('timeline.play'),
    pause: t('timeline.pause'),
    speed: t('timeline.speed'),
    speeds: { slow: t('timeline.speedSlow'), normal: t('timeline.speedNormal'), fast: t('timeline.speedFast') },
    undatedCount: (count) => t('timeline.undated', { count }),
    undatedToggle: (count) => t('timeline.undatedToggle', { count }),
    undatedHint: t('timeline.undatedHint'),
    histogramLabel: t('timeline.histogram'),
    yearCount: (year, count, possible) => t('panel.yearCount', { year, count }) + (possible > 0 ? t('panel.yearPossible', { count: possible }) : ''),
    possibleKey: t('timeline.possibleKey'),
    plannedToggle: (count) => t('timeline.plannedToggle', { count }),
    plannedHint: t('timeline.plannedHint'),
  }), [t, language]); // eslint-disable-line react-hooks/exhaustive-deps -- `language` re-creates labels on a switch
}
