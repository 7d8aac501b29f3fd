/** The content width of an element, kept current with a ResizeObserver. */
import { useCallback, useLayoutEffect, useState, type RefCallback } from 'react';

/**
 * Returns a ref to attach, the element's width in px, and whether that width was measured and
 * painted (a frame after the first measurement: a transition enabled then never starts from
 * the fallback).
 * `fallback` is used before the first measurement and where there is no layout (jsdom reports
 * 0 and has no ResizeObserver).
 */
export function useElementWidth<T extends HTMLElement>(fallback: number): [RefCallback<T>, number, boolean] {
  const [el, setEl] = useState<T | null>(null);
  const [width, setWidth] = useState(fallback);
  const [measured, setMeasured] = useState(false);
  const ref = useCallback((node: T | null) => setEl(node), []);

  // Layout effect: measured before the first paint, so the track never flashes at the fallback width.
  useLayoutEffect(() => {
    if (!el) return;
    let frame = 0;
    const measure = (w: number) => {
      setWidth(w > 0 ? Math.round(w) : fallback);
      // Two frames: the first paints the measured width, the second may then turn transitions on.
      if (w > 0 && !frame) frame = requestAnimationFrame(() => { frame = requestAnimationFrame(() => setMeasured(true)); });
    };
    measure(el.clientWidth);
    if (typeof ResizeObserver !== 'function') return () => cancelAnimationFrame(frame);
    const ro = new ResizeObserver((entries) => {
      const entry = entries[entries.length - 1];
      if (entry) measure(entry.contentRect.width);
    });
    ro.observe(el);
    return () => {
      ro.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [el, fallback]);

  return [ref, width, measured];
}
