/**
 * Where focus goes when the details panel closes: back to the control that opened it. The
 * opener is remembered when the reader chooses something from outside the panel (a choice made
 * inside it keeps the first opener). An opener that was re-rendered while the panel was open
 * (the side column's list makes way for the panel) is found again by its tag, class and text;
 * with none, focus goes to the map.
 */
import { useCallback, useRef } from 'react';

interface Opener {
  el: HTMLElement;
  tag: string;
  className: string;
  text: string;
}

/** `remember()` before a selection the reader made; `restore()` after closing the panel. */
export function usePanelOpener(): { remember: () => void; restore: () => void } {
  const opener = useRef<Opener | null>(null);
  const remember = useCallback(() => {
    const el = document.activeElement;
    if (el instanceof HTMLElement && el.closest('aside.details')) return;
    opener.current = el instanceof HTMLElement && el !== document.body
      ? { el, tag: el.tagName, className: el.className, text: el.textContent ?? '' }
      : null;
  }, []);
  const restore = useCallback(() => {
    const o = opener.current;
    opener.current = null;
    // After React has removed the panel and put the side column's list back.
    requestAnimationFrame(() => {
      const target = (o && (o.el.isConnected ? o.el : findAgain(o))) ?? document.querySelector<HTMLElement>('.atlas-map .maplibregl-canvas');
      target?.focus();
    });
  }, []);
  return { remember, restore };
}

function findAgain(o: Opener): HTMLElement | null {
  for (const el of document.querySelectorAll<HTMLElement>(o.tag)) {
    if (el.className === o.className && el.textContent === o.text) return el;
  }
  return null;
}
