/** Composition: the view state (mirrored in the URL and <html lang>), the data, and what to show. */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from './url/view-state.ts';
import { useUrlSync } from './url/use-url-sync.ts';
import { htmlLang } from './i18n/i18n.ts';
import { useAtlasData } from './loaders/use-atlas-data.ts';
import { ErrorView, LoadingView } from './ui/StatusViews.tsx';
import { Atlas } from './ui/Atlas.tsx';
import { Header } from './ui/Header.tsx';
import { AboutDialog } from './ui/AboutDialog.tsx';
import { useExplore } from './ui/use-explore.ts';
import type { FitRequest } from './map/AtlasMap.tsx';

export function App({ initialView }: { initialView: ViewState }) {
  const [rawView, setView] = useState(initialView);
  const [about, setAbout] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [fit] = useState<FitRequest | null>(null);
  const { t, i18n } = useTranslation();
  const data = useAtlasData(rawView.dataPath);
  const explore = useExplore(rawView, data.data, panelOpen);
  // What is shown and written to the URL: unknown filter and selection ids dropped once the data is here.
  const view = explore?.view ?? rawView;

  useUrlSync(view, setView);

  useEffect(() => {
    if (i18n.language !== view.lang) void i18n.changeLanguage(view.lang);
    document.documentElement.lang = htmlLang(view.lang);
  }, [view.lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // Stable, so that parts which do not depend on the view (header, dialog) skip re-rendering on a timeline step.
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const onLang = useCallback((lang: ViewState['lang']) => update({ lang }), [update]);
  const openAbout = useCallback(() => setAbout(true), []);
  const closeAbout = useCallback(() => setAbout(false), []);
  const togglePanel = useCallback(() => setPanelOpen((o) => !o), []);

  return (
    <div className="app">
      <Header lang={view.lang} onLang={onLang} onAbout={data.isSuccess ? openAbout : undefined} />
      <main className="main" id="main">
        {data.isPending && <LoadingView {...data.progress} />}
        {data.isError && <ErrorView error={data.error} onRetry={() => void data.refetch()} />}
        {data.isSuccess && explore && (
          <Atlas data={data.data} explore={explore} onChange={update} panelOpen={panelOpen} onTogglePanel={togglePanel} fit={fit} />
        )}
        {data.isSuccess && <AboutDialog open={about} onClose={closeAbout} index={data.data.index} dataPath={view.dataPath} lang={view.lang} />}
      </main>
    </div>
  );
}
