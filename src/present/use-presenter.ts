/**
 * Presenter mode's wiring: the keys (present-keys.ts) on the whole window, in the capture phase
 * so they win over whatever has focus (the year slider's own PageDown goes back, as a slider's
 * should; a clicker's PageDown must go forward), and the idle timer that hides the controls.
 */
import { useEffect, useRef, useState } from 'react';
import { presentAction, type PresentAction } from './present-keys.ts';
import { IdleTimer, IDLE_MS } from './idle.ts';
import type { Stepper } from './stepper.ts';

export interface PresenterKeys {
  /** The year stepper (the timeline). */
  years: Stepper;
  /** A story's steps: when given, the step keys drive it instead of the years. */
  story?: Stepper | null;
  play: () => void;
  fullscreen: () => void;
  exit: () => void;
  help: () => void;
}

/** Runs an action; the step keys go to the story when there is one. */
export function runAction(action: PresentAction, k: PresenterKeys): void {
  const steps = k.story ?? k.years;
  switch (action) {
    case 'next': steps.next(); break;
    case 'prev': steps.prev(); break;
    case 'first': steps.first(); break;
    case 'last': steps.last(); break;
    case 'play': k.play(); break;
    case 'fullscreen': k.fullscreen(); break;
    case 'exit': k.exit(); break;
    case 'help': k.help(); break;
  }
}

/** While `enabled`, presenter keys work wherever focus is (not in text fields, not while a modal dialog is open). */
export function usePresenterKeys(enabled: boolean, keys: PresenterKeys): void {
  const latest = useRef(keys);
  latest.current = keys;
  useEffect(() => {
    if (!enabled) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      // A modal dialog (the key list, About) has the keys; Escape closes it, not presenter mode.
      if (document.querySelector('dialog[open]')) return;
      const action = presentAction(e, document.activeElement, document.documentElement.dir === 'rtl');
      if (!action) return;
      e.preventDefault();
      e.stopPropagation();
      runAction(action, latest.current);
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [enabled]);
}

/** The parts that hide while idle: the presenter's buttons, the timeline's controls, the map's zoom buttons. */
export const HIDEABLE = '.present-hideable, .tl-controls, .maplibregl-ctrl';

/**
 * Whether the controls should hide now: after IDLE_MS without pointer or key activity, never
 * while keyboard focus is inside them or a dialog is open. Off (false) when not enabled.
 */
export function useIdle(enabled: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!enabled) { setIdle(false); return undefined; }
    const timer = new IdleTimer(IDLE_MS, setIdle);
    const held = () => {
      const active = document.activeElement;
      // Keyboard focus only: a button clicked with the pointer keeps focus, and must not pin the controls.
      const focusIn = !!active && !!active.closest(HIDEABLE) && active.matches(':focus-visible');
      timer.hold(focusIn || !!document.querySelector('dialog[open]'));
    };
    const activity = () => { timer.activity(); held(); };
    const events = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;
    for (const ev of events) window.addEventListener(ev, activity, { capture: true, passive: true });
    document.addEventListener('focusin', held);
    document.addEventListener('focusout', held);
    return () => {
      timer.dispose();
      for (const ev of events) window.removeEventListener(ev, activity, { capture: true });
      document.removeEventListener('focusin', held);
      document.removeEventListener('focusout', held);
    };
  }, [enabled]);
  return idle;
}
