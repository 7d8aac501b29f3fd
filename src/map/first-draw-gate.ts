/**
 * When a custom layer (the arcs, the institutions) may first draw: once the map has loaded every
 * source's tiles (`map.loaded()` in the frame), or FIRST_DRAW_WAIT_MS after it first asked,
 * whichever comes first; from then on, in every frame. The basemap arrives over four or five
 * frames, and without a GPU (SwiftShader) each frame rasterises every layer on the CPU: drawing
 * the arcs in each of those frames cost the first view about as much as drawing them once more
 * per frame. The frame in which the map has loaded is the one after which MapLibre fires `idle`,
 * so the arcs are on screen when the atlas says it is ready. With a GPU the wait is a few frames.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';

/** The longest a layer waits for the basemap before drawing anyway (a source that never settles). */
export const FIRST_DRAW_WAIT_MS = 3000;

export class FirstDrawGate {
  private open = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly waitMs = FIRST_DRAW_WAIT_MS) {}

  /** Whether the layer draws in this frame (called from its render). */
  allows(map: Pick<MapLibreMap, 'loaded' | 'triggerRepaint'>): boolean {
    if (this.open) return true;
    if (map.loaded()) {
      this.opened();
      return true;
    }
    this.timer ??= setTimeout(() => {
      this.opened();
      map.triggerRepaint();
    }, this.waitMs);
    return false;
  }

  /** Stops the wait (the layer was removed). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private opened(): void {
    this.open = true;
    this.dispose();
  }
}
