/** Bootstrap: read the view from the URL, set up languages and data fetching, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { parseViewState } from './url/view-state.ts';
import { htmlDir, htmlLang, initI18n, switchLanguage } from './i18n/i18n.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './ui/StatusViews.tsx';

const initialView = parseViewState(location.search);
initI18n();
// Each language but English is its own chunk: fetched before the first render when the URL asks for it.
await switchLanguage(initialView.lang).catch(() => undefined);
// Direction and language before the first paint, so an Arabic page never flashes left to right.
document.documentElement.lang = htmlLang(initialView.lang);
document.documentElement.dir = htmlDir(initialView.lang);
const queryClient = new QueryClient();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <ErrorBoundary>
      <QueryClientProvider client={queryClient}>
        <App initialView={initialView} />
      </QueryClientProvider>
    </ErrorBoundary>
  </StrictMode>,
);
