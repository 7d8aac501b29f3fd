/** Bootstrap: read the view from the URL, set up languages and data fetching, render. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/app.css';
import { parseViewState } from './url/view-state.ts';
import { initI18n, switchLanguage } from './i18n/i18n.ts';
import { App } from './App.tsx';
import { ErrorBoundary } from './ui/StatusViews.tsx';

const initialView = parseViewState(location.search);
initI18n();
// The Chinese strings are their own chunk: fetched before the first render when the URL asks for them.
await switchLanguage(initialView.lang).catch(() => undefined);
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
