/**
 * MapLibre's own interface strings after a language switch. MapLibre reads its `locale` once,
 * when each control is built, and the map is built once per dataset, so a switch rewrites the
 * few elements that carry them: the zoom buttons, the canvas's name and the two-finger hint.
 */

/** Strings keyed as MapLibre's `locale` option ("NavigationControl.ZoomIn" …). */
export type MapUiStrings = Readonly<Record<string, string>>;

/** A touch screen as the primary pointer: the map then lets one finger scroll the page. */
export function touchScreen(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(pointer: coarse)').matches;
}

/** Sets the strings on the map's elements inside `container`; keys that are missing leave their element alone. */
export function applyUiStrings(container: HTMLElement, strings: MapUiStrings): void {
  const set = (selector: string, key: string, apply: (el: HTMLElement, text: string) => void) => {
    const text = strings[key];
    if (text === undefined) return;
    for (const el of container.querySelectorAll<HTMLElement>(selector)) apply(el, text);
  };
  const label = (el: HTMLElement, text: string) => {
    el.title = text;
    el.setAttribute('aria-label', text);
  };
  set('.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn', label);
  set('.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut', label);
  set('canvas.maplibregl-canvas', 'Map.Title', (el, text) => el.setAttribute('aria-label', text));
  const mac = typeof navigator !== 'undefined' && navigator.userAgent.includes('Mac');
  set('.maplibregl-desktop-message', mac ? 'CooperativeGesturesHandler.MacHelpText' : 'CooperativeGesturesHandler.WindowsHelpText', (el, text) => { el.textContent = text; });
  set('.maplibregl-mobile-message', 'CooperativeGesturesHandler.MobileHelpText', (el, text) => { el.textContent = text; });
}
