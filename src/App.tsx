/** Composition: the view state (mirrored in the URL and <html lang>), the data, and what to show. */
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ViewState } from './url/view-state.ts';
import { useUrlSync } from './url/use-url-sync.ts';
import { htmlDir, htmlLang, switchLanguage } from './i18n/i18n.ts';
import { useAtlasData } from './loaders/use-atlas-data.ts';
import { buildAtlasData, type AtlasData } from './loaders/load-atlas-data.ts';
import { setTimelineSpan } from './domain/dates.ts';
import { clampViewToSpan } from './url/view-state.ts';
import { ImportButton, ImportReportView, isCsvFile, useFileDrop, type ImportReport } from './ui/ImportData.tsx';
import { ErrorView, LoadingView } from './ui/StatusViews.tsx';
import { EarlyBasemap } from './map/EarlyBasemap.tsx';
import { showEarlyWorld } from './map/early-map.ts';
import { Atlas } from './ui/Atlas.tsx';
import { Header } from './ui/Header.tsx';
import { useExplore } from './ui/use-explore.ts';
import type { FitRequest, FitTarget } from './map/map-controller.ts';
import type { SearchHit, SearchIndex } from './domain/search.ts';
import { storyFocus, useStory } from './ui/story/use-story.ts';
import { useEmbedMessages } from './embed/use-embed-messages.ts';

// On demand: the search box once its index is built (after the first paint), the dialog once opened.
const SearchBox = lazy(() => import('./ui/SearchBox.tsx').then((m) => ({ default: m.SearchBox })));
const AboutDialog = lazy(() => import('./ui/AboutDialog.tsx').then((m) => ({ default: m.AboutDialog })));
// Embed mode's screen, only for pages opened with embed=1.
const EmbedAtlas = lazy(() => import('./embed/EmbedAtlas.tsx').then((m) => ({ default: m.EmbedAtlas })));
const StoryPanel = lazy(() => import('./ui/story/StoryPanel.tsx'));
import { withChosen, type FilterDimension } from './domain/filters.ts';

/** What a search result filters on, which panel it opens, and what the map frames. */
function pickOf(hit: SearchHit): { dimension: FilterDimension; selection: string | null; fit: FitTarget } {
  switch (hit.kind) {
    case 'institution': return { dimension: 'inst', selection: `inst:${hit.id}`, fit: { kind: 'inst', key: hit.id } };
    case 'country': return { dimension: 'country', selection: `partner:${hit.id}`, fit: { kind: 'partner', key: hit.id } };
    case 'programme': return { dimension: 'prog', selection: `prog:${hit.id}`, fit: { kind: 'shown' } };
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
  const data = useAtlasData(rawView.dataPath, showEarlyWorld);
  // A file the reader opened (read on this computer, never in the URL); null: the data= folder's dataset.
  const [imported, setImported] = useState<{ atlas: AtlasData; key: number } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const shown = imported?.atlas ?? data.data;
  // The timeline spans the shown dataset's years: set before anything below reads them (the timeline, URL defaults).
  if (shown) setTimelineSpan(shown.span);
  const spanned = shown ? clampViewToSpan(rawView, shown.span) : rawView;
  const explore = useExplore(spanned, shown, panelOpen);
  // What is shown and written to the URL: unknown filter and selection ids dropped once the data is here.
  const view = explore?.view ?? spanned;

  useUrlSync(view, setView);
  // The guided story (`story=N`). `story.stepper` is what presenter mode's keys drive (null while no story is open).
  // The story belongs to the bundled (or data=) dataset, not to a file the reader opened.
  const story = useStory({ view, data: imported ? undefined : data.data, setView, setFit, wanted: settled });
  useEmbedMessages(view, setView);

  useEffect(() => {
    if (i18n.language !== view.lang) void switchLanguage(view.lang).catch(() => undefined);
    document.documentElement.lang = htmlLang(view.lang);
    document.documentElement.dir = htmlDir(view.lang);
  }, [view.lang, i18n]);
  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  // A data= folder reaching beyond 2025 opens on its last year when the URL names none (the default is its last year).
  const loadedSpan = data.data?.span;
  useEffect(() => {
    if (loadedSpan && !new URLSearchParams(location.search).has('year')) setView((v) => (v.year === loadedSpan.last ? v : { ...v, year: loadedSpan.last }));
  }, [loadedSpan]);

  // A CSV opened or dropped: read here (File.text(), no request), imported with the loaded dataset as what the atlas knows.
  const base = data.data;
  const openFile = useCallback(async (file: File) => {
    if (!base) return;
    if (!isCsvFile(file)) {
      setReport({ state: 'failed', file: file.name, message: t('import.notCsv', { file: file.name }) });
      return;
    }
    setReport({ state: 'reading', file: file.name });
    try {
      const [text, { importCsv }] = await Promise.all([file.text(), import('./domain/csv-import.ts')]);
      const r = importCsv(text, base.index.dataset);
      const atlas = r.imported ? buildAtlasData(r.dataset, base.world, base.borders) : null;
      setReport({
        state: 'done', file: file.name, rows: r.rows, imported: r.imported, refused: r.refused, problems: r.problems,
        englishFallbacks: r.englishFallbacks, span: atlas?.span ?? base.span,
      });
      if (atlas) {
        setImported((prior) => ({ atlas, key: (prior?.key ?? 0) + 1 }));
        // The new dataset opens on all its years, nothing selected (its ids are not the old ones).
        setView((v) => ({ ...v, year: atlas.span.last, from: atlas.span.first, selection: null }));
        setPanelOpen(false);
      }
    } catch (e) {
      setReport({ state: 'failed', file: file.name, message: t('import.unreadable', { file: file.name, message: (e as Error).message }) });
    }
  }, [base, t]);
  const onFile = useCallback((f: File) => void openFile(f), [openFile]);
  const backToAtlas = useCallback(() => {
    setImported(null);
    setReport(null);
    if (base) setView((v) => ({ ...v, year: base.span.last, from: base.span.first, selection: null }));
  }, [base]);
  const closeReport = useCallback(() => setReport(null), []);
  const drop = useFileDrop(onFile);
  const importTools = useMemo(() => <ImportButton onFile={onFile} />, [onFile]);

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
    <div className={view.embed ? 'app app-embed' : view.present ? `app app--present present-${view.theme}` : 'app'}>
      {!view.embed && <Header lang={view.lang} onLang={onLang} onAbout={data.isSuccess ? openAbout : undefined} search={search} />}
      <main className="main" id="main" {...(data.isSuccess && !view.embed ? drop.handlers : {})}>
        {data.isPending && <LoadingView {...data.progress} basemap={<EarlyBasemap {...(view.embed ? { cooperative: 'embed' as const } : {})} />} />}
        {data.isError && <ErrorView error={data.error} onRetry={() => void data.refetch()} />}
        {report && <ImportReportView report={report} showing={!!imported} lang={view.lang} onBack={backToAtlas} onClose={closeReport} />}
        {data.isSuccess && shown && explore && view.embed && (
          <Suspense fallback={null}><EmbedAtlas data={shown} explore={explore} onChange={update} onSettled={onSettled} /></Suspense>
        )}
        {data.isSuccess && shown && explore && !view.embed && (
          // A new dataset is a new atlas (map, timeline, memos): keyed, so nothing of the old one lingers.
          <Atlas key={imported ? `import-${imported.key}` : 'loaded'} data={shown} explore={explore} onChange={update} panelOpen={panelOpen} onTogglePanel={togglePanel} fit={fit} onSettled={onSettled}
            tools={importTools}
            story={{
              open: view.story !== null,
              stepper: story.stepper,
              // Offered once the dataset's story is loaded and sound; a `story=` URL opens the panel whatever its state, to explain it.
              // No aria-controls: the panel is not in the page until the button opens it (focus moves to it then).
              toggle: story.status === 'ready' && view.story === null
                // No aria-controls: the button shows only while the panel is closed, so the id it would name does not exist (axe: aria-valid-attr-value).
                ? <button type="button" className="story-toggle" onClick={() => { storyFocus.pending = true; story.open(); }}>{t('story.open')}</button>
                : null,
              panel: view.story !== null
                ? <Suspense fallback={<p className="muted" role="status">{t('story.loading')}</p>}><StoryPanel state={story} index={shown.index} lang={view.lang} /></Suspense>
                : null,
            }} />
        )}
        {drop.dragging && <div className="drop-overlay" aria-hidden="true"><p>{t('import.drop')}</p></div>}
        {data.isSuccess && shown && aboutOpened && (
          <Suspense fallback={null}>
            <AboutDialog open={about} onClose={closeAbout} index={shown.index} dataPath={view.dataPath} lang={view.lang}
              onOpenProgramme={(id) => { closeAbout(); update({ selection: `prog:${id}` }); }} />
          </Suspense>
        )}
      </main>
    </div>
  );
}
