/** The map's own interface strings (zoom buttons, its name, the two-finger hint) in the reader's language, keyed as MapLibre's `locale` option. */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';

export function useMapStrings(): Readonly<Record<string, string>> {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return useMemo(() => ({
    'Map.Title': t('panel.mapLabel'),
    'NavigationControl.ZoomIn': t('panel.zoomIn'),
    'NavigationControl.ZoomOut': t('panel.zoomOut'),
    'CooperativeGesturesHandler.WindowsHelpText': t('panel.gestureWindows'),
    'CooperativeGesturesHandler.MacHelpText': t('panel.gestureMac'),
    'CooperativeGesturesHandler.MobileHelpText': t('panel.gestureMobile'),
  }), [t, language]); // eslint-disable-line react-hooks/exhaustive-deps -- `language` re-creates the strings on a switch
}
