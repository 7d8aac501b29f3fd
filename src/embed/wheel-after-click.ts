/**
 * Cooperative gestures for an embedded map: the wheel scrolls the host page unless Ctrl (⌘ on a
 * Mac) is held, as MapLibre's `cooperativeGestures` does, or the reader has clicked the map, which
 * hands it the wheel until the pointer leaves it. MapLibre shows its hint on a blocked wheel.
 */

/** The part of MapLibre's map this needs (its canvas container, and the handler's switch). */
export interface CooperativeMap {
  getCanvasContainer(): HTMLElement;
  cooperativeGestures: { enable(): void; disable(): void; isEnabled(): boolean };
}

/**
 * Wires click-to-zoom on a map created with `cooperativeGestures: true`; returns the unwiring.
 * `afterRelease` runs once the hint is built again (MapLibre rebuilds it from its first strings).
 */
export function wheelAfterClick(map: CooperativeMap, afterRelease?: () => void): () => void {
  const el = map.getCanvasContainer();
  const take = () => { if (map.cooperativeGestures.isEnabled()) map.cooperativeGestures.disable(); };
  const release = () => {
    if (map.cooperativeGestures.isEnabled()) return;
    map.cooperativeGestures.enable();
    afterRelease?.();
  };
  el.addEventListener('pointerdown', take);
  el.addEventListener('pointerleave', release);
  window.addEventListener('blur', release);
  return () => {
    el.removeEventListener('pointerdown', take);
    el.removeEventListener('pointerleave', release);
    window.removeEventListener('blur', release);
  };
}
