/**
 * The Fullscreen API, thinly: browsers grant it only inside a user gesture (a click, a key), so
 * callers call this from their handlers. A refusal (no gesture, an iframe without permission) is
 * not an error to show: presenter mode works in a window too.
 */

export function isFullscreen(): boolean {
  return document.fullscreenElement != null;
}

export function enterFullscreen(el: Element = document.documentElement): void {
  if (isFullscreen() || typeof el.requestFullscreen !== 'function') return;
  el.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
}

export function exitFullscreen(): void {
  if (!isFullscreen() || typeof document.exitFullscreen !== 'function') return;
  document.exitFullscreen().catch(() => undefined);
}

export function toggleFullscreen(): void {
  if (isFullscreen()) exitFullscreen();
  else enterFullscreen();
}
