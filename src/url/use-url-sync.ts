/**
 * Mirrors the view in the address bar, and the address bar in the view when the reader goes
 * Back or Forward. A meaningful change (another view, filters, selection, language, dataset, story step)
 * adds a history entry at once, so Back returns to the state before it; scrubbing the timeline
 * and moving the map only replace the current entry, and only once things settle: writing the
 * URL costs a few milliseconds per call in Chromium (and browsers throttle frequent calls). It
 * is also written when the page is hidden or left, so a reload never misses the latest view.
 * Embedded (`embed=1`), it only ever replaces: an iframe's pushState adds entries to the host
 * page's history, and the reader's Back button would step through the atlas instead of leaving.
 */
import { useEffect, useRef } from 'react';
import { parseViewState, serializeViewState, type ViewState } from './view-state.ts';
import { sameFilters } from '../domain/filters.ts';

export const URL_SETTLE_MS = 350;
/** User-timing measure of each URL write, so a profile can tell this deferred work from a step's frame. */
export const URL_WRITE_MEASURE = 'atlas:url-write';

/**
 * Set just before a meaningful change that is not a new place to go Back from: a story step named
 * in the URL (`story=N`) filling in its own view when the page opens. The next write replaces.
 */
export const replaceNextChange = { pending: false };

/** Whether going from `a` to `b` deserves its own history entry (not a year step or a pan). */
export function isMeaningfulChange(a: ViewState, b: ViewState): boolean {
  return a.view !== b.view || a.story !== b.story || a.selection !== b.selection || a.lang !== b.lang || a.dataPath !== b.dataPath || !sameFilters(a.filters, b.filters);
}

function writeUrl(view: ViewState, push: boolean): void {
  const start = performance.now();
  const query = serializeViewState(view);
  const url = `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    if (push) history.pushState(null, '', url);
    else history.replaceState(history.state, '', url);
  }
  // Bounded: a long autoplay must not grow the performance timeline without end.
  if (performance.getEntriesByName(URL_WRITE_MEASURE).length >= 100) performance.clearMeasures(URL_WRITE_MEASURE);
  performance.measure(URL_WRITE_MEASURE, { start, end: performance.now() });
}

/** `onPop` receives the view of the entry the reader went Back or Forward to. */
export function useUrlSync(view: ViewState, onPop: (v: ViewState) => void): void {
  const latest = useRef(view);
  const written = useRef(view);
  const timer = useRef(0);
  const popRef = useRef(onPop);
  latest.current = view;
  popRef.current = onPop;

  useEffect(() => {
    window.clearTimeout(timer.current);
    const inPlace = replaceNextChange.pending;
    replaceNextChange.pending = false; // for this change only, whatever it turns out to be
    if (isMeaningfulChange(written.current, view)) {
      written.current = view;
      writeUrl(view, !view.embed && !inPlace);
      return;
    }
    timer.current = window.setTimeout(() => {
      written.current = latest.current;
      writeUrl(latest.current, false);
    }, URL_SETTLE_MS);
  }, [view]);

  useEffect(() => {
    const flush = () => {
      window.clearTimeout(timer.current);
      written.current = latest.current;
      writeUrl(latest.current, false);
    };
    const onVisibility = () => { if (document.visibilityState === 'hidden') flush(); };
    const onPopState = () => {
      window.clearTimeout(timer.current);
      const v = parseViewState(location.search);
      written.current = v;
      popRef.current(v);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('atlas:flush-url', flush);
    window.addEventListener('popstate', onPopState);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      flush();
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('atlas:flush-url', flush);
      window.removeEventListener('popstate', onPopState);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, []);
}
