/** The content width of an element, kept current with a ResizeObserver. */
import { useCallback, useLayoutEffect, useState, type RefCallback } from 'react';

/**
 * Returns a ref to attach and the element's width in px. `fallback` is used before the first
 * measurement and where there is no layout (jsdom reports 0 and has no ResizeObserver).
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefCallback<T>, number] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const ref = useCallback((node: T | null) => setEl(node), []);

  // Layout effect: measured before the first paint, so the track never flashes at the fallback width.
  useLayoutEffect(() => {
    if (!el) return;
    const measure = (w: number) => setWidth(w > 0 ? Math.round(w) : fallback);
    measure(el.clientWidth);
    if (typeof ResizeObserver !== 'function') return;
    const ro = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [el, fallback]);

  return [ref, width];
}
