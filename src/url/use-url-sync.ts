/**
 * Mirrors the view in the address bar. Writing the URL costs a few milliseconds per call in
 * Chromium (and browsers throttle frequent calls), so while someone scrubs or the timeline
 * plays it is written once things settle, not on every step; it is also written when the page
 * is hidden or left, so a reload or a shared link never misses the latest view.
 */
import { useEffect, useRef } from 'react';
import { serializeViewState, type ViewState } from './view-state.ts';

export const URL_SETTLE_MS = 350;
/** User-timing measure of each URL write, so a profile can tell this deferred work from a step's frame. */
export const URL_WRITE_MEASURE = 'atlas:url-write';

function writeUrl(view: ViewState): void {
  const start = performance.now();
  const query = serializeViewState(view);
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  // Bounded: a long autoplay must not grow the performance timeline without end.
  if (performance.getEntriesByName(URL_WRITE_MEASURE).length >= 100) performance.clearMeasures(URL_WRITE_MEASURE);
  performance.measure(URL_WRITE_MEASURE, { start, end: performance.now() });
}

export function useUrlSync(view: ViewState): void {
  const latest = useRef(view);
  const timer = useRef(0);
  latest.current = view;

  useEffect(() => {
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => writeUrl(latest.current), URL_SETTLE_MS);
  }, [view]);

  useEffect(() => {
    const flush = () => {
      window.clearTimeout(timer.current);
      writeUrl(latest.current);
    };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
