/** Composition: the view state (mirrored in the URL and <html lang>), the data, and what to show. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from './url/view-state.ts';
import { useUrlSync } from './url/use-url-sync.ts';
import { htmlDir, htmlLang, switchLanguage } from './i18n/i18n.ts';
import { useAtlasData } from './loaders/use-atlas-data.ts';
import { ErrorView, LoadingView } from './ui/StatusViews.tsx';
import { Atlas } from './ui/Atlas.tsx';
import { Header } from './ui/Header.tsx';
import { useExplore } from './ui/use-explore.ts';
import type { FitRequest, FitTarget } from './map/map-controller.ts';
import type { SearchHit, SearchIndex } from './domain/search.ts';

// On demand: the search box once its index is built (after the first paint), the dialog once opened.
const SearchBox = lazy(() => import('./ui/SearchBox.tsx').then((m) => ({ default: m.SearchBox })));
const AboutDialog = lazy(() => import('./ui/AboutDialog.tsx').then((m) => ({ default: m.AboutDialog })));
import { withChosen, type FilterDimension } from './domain/filters.ts';

/** What a search result filters on, which panel it opens, and what the map frames. */
function pickOf(hit: SearchHit): { dimension: FilterDimension; selection: string | null; fit: FitTarget } {
  switch (hit.kind) {
    case 'institution': return { dimension: 'inst', selection: `inst:${hit.id}`, fit: { kind: 'inst', key: hit.id } };
    case 'country': return { dimension: 'country', selection: `partner:${hit.id}`, fit: { kind: 'partner', key: hit.id } };
    case 'programme': return { dimension: 'prog', selection: null, fit: { kind: 'shown' } };
    default: return { dimension: 'partner', selection: `partner:${hit.id}`, fit: { kind: 'partner', key: hit.id } };
  }
}

export function App({ initialView }: { initialView: ViewState }) {
  const [rawView, setView] = useState(initialView);
  const [about, setAbout] = useState(false);
  const [aboutOpened, setAboutOpened] = useState(false);
  const [panelOpen, setPanelOpen] = useState(false);
  const [fit, setFit] = useState<FitRequest | null>(null);
  const [searchIndex, setSearchIndex] = useState<SearchIndex | null>(null);
  const [settled, setSettled] = useState(false);
  const onSettled = useCallback(() => setSettled(true), []);
  const { t, i18n } = useTranslation();
  const data = useAtlasData(rawView.dataPath);
  const explore = useExplore(rawView, data.data, panelOpen);
  // What is shown and written to the URL: unknown filter and selection ids dropped once the data is here.
  const view = explore?.view ?? rawView;

  useUrlSync(view, setView);

  useEffect(() => {
    if (i18n.language !== view.lang) void switchLanguage(view.lang).catch(() => undefined);
    document.documentElement.lang = htmlLang(view.lang);
    document.documentElement.dir = htmlDir(view.lang);
  }, [view.lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // Stable, so that parts which do not depend on the view (header, dialog) skip re-rendering on a timeline step.
  const update = useCallback((patch: Partial<ViewState>) => setView((v) => ({ ...v, ...patch })), []);
  const onLang = useCallback((lang: ViewState['lang']) => update({ lang }), [update]);
  const openAbout = useCallback(() => {
    setAbout(true);
    setAboutOpened(true);
  }, []);
  const closeAbout = useCallback(() => setAbout(false), []);
  const togglePanel = useCallback(() => setPanelOpen((o) => !o), []);

  // The search index is built once per dataset, when the browser is idle after the first view is
  // on screen: its code and, at a million links, a few hundred milliseconds are not what the map waits for.
  const loaded = data.data;
  useEffect(() => {
    if (!loaded || !settled) return undefined;
    setSearchIndex(null);
    let cancelled = false;
    const build = () => {
      void import('./domain/search.ts').then(({ buildSearchIndex }) => {
        if (!cancelled) setSearchIndex(buildSearchIndex(loaded.index, loaded.aliases));
      });
    };
    // Chromium and Firefox have requestIdleCallback; Safari only behind a flag.
    if (typeof window.requestIdleCallback === 'function') {
      const id = window.requestIdleCallback(build, { timeout: 3000 });
      return () => { cancelled = true; window.cancelIdleCallback(id); };
    }
    const id = setTimeout(build, 500);
    return () => { cancelled = true; clearTimeout(id); };
  }, [loaded, settled]);
  // A pick filters to the result (that filter only; others stay), opens its panel and frames it on the map.
  const onPick = useCallback((hit: SearchHit) => {
    const p = pickOf(hit);
    setView((v) => ({ ...v, filters: withChosen(v.filters, p.dimension, [hit.id]), selection: p.selection ?? v.selection }));
    setFit({ ...p.fit, id: Date.now() });
  }, []);
  const search = useMemo(
    () => (searchIndex ? <Suspense fallback={null}><SearchBox index={searchIndex} lang={view.lang} onPick={onPick} /></Suspense> : undefined),
    [searchIndex, view.lang, onPick],
  );

  return (
    <div className="app">
      <Header lang={view.lang} onLang={onLang} onAbout={data.isSuccess ? openAbout : undefined} search={search} />
      <main className="main" id="main">
        {data.isPending && <LoadingView {...data.progress} />}
        {data.isError && <ErrorView error={data.error} onRetry={() => void data.refetch()} />}
        {data.isSuccess && explore && (
          <Atlas data={data.data} explore={explore} onChange={update} panelOpen={panelOpen} onTogglePanel={togglePanel} fit={fit} onSettled={onSettled} />
        )}
        {data.isSuccess && aboutOpened && (
          <Suspense fallback={null}>
            <AboutDialog open={about} onClose={closeAbout} index={data.data.index} dataPath={view.dataPath} lang={view.lang} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
