/**
 * Tells the host page the height the embedded atlas would like (`atlas:resize`), at first and
 * whenever it changes: a wider frame, a wrapped line, a language switch. Only inside a frame.
 */
import { useEffect, type RefObject } from 'react';
import { resizeMessage } from './messages.ts';
import { targetOrigins } from './origins.ts';
import { wantedHeight } from './frame-height.ts';

export function useResizeReport(root: RefObject<HTMLElement | null>, mapBox: RefObject<HTMLElement | null>, hosts: readonly string[]): void {
  const hostKey = hosts.join(',');
  useEffect(() => {
    const el = root.current;
    if (!el || window.parent === window) return undefined;
    const targets = targetOrigins(hostKey ? hostKey.split(',') : []);
    let last = -1;
    let frame = 0;
    const measure = () => {
      frame = 0;
      const map = mapBox.current;
      // The content's bottom: the last part's, plus the page's padding below it.
      const last_child = el.lastElementChild as HTMLElement | null;
      const padBottom = parseFloat(getComputedStyle(el).paddingBottom) || 0;
      const content = last_child ? last_child.offsetTop + last_child.offsetHeight + padBottom - el.offsetTop : el.scrollHeight;
      const height = wantedHeight({ content, map: map?.offsetHeight ?? 0, width: el.clientWidth, mapDrawn: !!map?.querySelector('.map-frame') });
      if (height === last) return;
      last = height;
      for (const origin of targets) window.parent.postMessage(resizeMessage(height), origin);
    };
    const schedule = () => { if (!frame) frame = requestAnimationFrame(measure); };
    const observer = new ResizeObserver(schedule);
    observer.observe(el);
    for (const child of Array.from(el.children)) observer.observe(child);
    // Parts that appear later (the map's note, the timeline's rows) change the children's sizes, which the observer sees.
    const mutations = new MutationObserver(() => {
      for (const child of Array.from(el.children)) observer.observe(child);
      schedule();
    });
    mutations.observe(el, { childList: true });
    schedule();
    return () => {
      observer.disconnect();
      mutations.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [root, mapBox, hostKey]);
}
