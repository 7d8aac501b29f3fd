/** Composition: the view state (mirrored in the URL and <html lang>), the data, and what to show. */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from './url/view-state.ts';
import { useUrlSync } from './url/use-url-sync.ts';
import { htmlLang } from './i18n/i18n.ts';
import { useAtlasData } from './loaders/use-atlas-data.ts';
import { ErrorView, LoadingView } from './ui/StatusViews.tsx';
import { Atlas } from './ui/Atlas.tsx';
import { Header } from './ui/Header.tsx';

export function App({ initialView }: { initialView: ViewState }) {
  const [view, setView] = useState(initialView);
  const { t, i18n } = useTranslation();
  const data = useAtlasData(view.dataPath);

  useUrlSync(view);

  useEffect(() => {
    if (i18n.language !== view.lang) void i18n.changeLanguage(view.lang);
    document.documentElement.lang = htmlLang(view.lang);
  }, [view.lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  const update = (patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch }));

  return (
    <div className="app">
      <Header lang={view.lang} onLang={(lang) => update({ lang })} />
      <main className="main" id="main">
        {data.isPending && <LoadingView {...data.progress} />}
        {data.isError && <ErrorView error={data.error} onRetry={() => void data.refetch()} />}
        {data.isSuccess && <Atlas data={data.data} view={view} onChange={update} />}
      </main>
    </div>
  );
}
