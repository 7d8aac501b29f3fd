/** Composition: the view state (mirrored in the URL and <html lang>), the data, and what to show. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from './url/view-state.ts';
import { useUrlSync } from './url/use-url-sync.ts';
import { htmlLang } from './i18n/i18n.ts';
import { useAtlasData } from './loaders/use-atlas-data.ts';
import { ErrorView, LoadingView } from './ui/StatusViews.tsx';
import { Atlas } from './ui/Atlas.tsx';
import { Header } from './ui/Header.tsx';
import { AboutDialog } from './ui/AboutDialog.tsx';
import { SearchBox } from './ui/SearchBox.tsx';
import { buildSearchIndex, type SearchHit } from './domain/search.ts';

export function App({ initialView }: { initialView: ViewState }) {
  const [view, setView] = useState(initialView);
  const [about, setAbout] = useState(false);
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

  // Stable, so that parts which do not depend on the view (header, dialog) skip re-rendering on a timeline step.
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const onLang = useCallback((lang: ViewState['lang']) => update({ lang }), [update]);
  const openAbout = useCallback(() => setAbout(true), []);
  const closeAbout = useCallback(() => setAbout(false), []);

  // Search: built once per dataset. For now a pick only opens the item's panel (programmes: not yet).
  const loaded = data.isSuccess ? data.data : undefined;
  const searchIndex = useMemo(() => (loaded ? buildSearchIndex(loaded.index, loaded.aliases) : undefined), [loaded]);
  const onPick = useCallback((hit: SearchHit) => {
    const selection = hit.kind === 'institution' ? `inst:${hit.id}` : hit.kind === 'programme' ? null : `partner:${hit.id}`;
    if (selection) update({ selection });
  }, [update]);
  const search = useMemo(
    () => (searchIndex ? <SearchBox index={searchIndex} lang={view.lang} onPick={onPick} /> : undefined),
    [searchIndex, view.lang, onPick],
  );

  return (
    <div className="app">
      <Header lang={view.lang} onLang={onLang} onAbout={data.isSuccess ? openAbout : undefined} search={search} />
      <main className="main" id="main">
        {data.isPending && <LoadingView {...data.progress} />}
        {data.isError && <ErrorView error={data.error} onRetry={() => void data.refetch()} />}
        {data.isSuccess && <Atlas data={data.data} view={view} onChange={update} />}
        {data.isSuccess && <AboutDialog open={about} onClose={closeAbout} index={data.data.index} dataPath={view.dataPath} lang={view.lang} />}
      </main>
    </div>
  );
}
