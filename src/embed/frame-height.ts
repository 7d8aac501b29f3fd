/**
 * The height an embedded atlas asks its frame for. The map has no height of its own (it fills what
 * it is given), so the atlas asks for its other parts' height plus a map in proportion to the
 * frame's width: wide enough to read arcs from China to Africa, never taller than a screen.
 */

/** The map's height for a frame width: 0.6 of it, between 180 and 600 CSS px. */
export function preferredMapHeight(width: number): number {
  return Math.round(Math.min(600, Math.max(180, width * 0.6)));
}

/**
 * What to report: the content's height with the map's actual height swapped for its preferred
 * one (when a map is drawn; a note in its place keeps its own height).
 */
export function wantedHeight(m: { content: number; map: number; width: number; mapDrawn: boolean }): number {
  return Math.ceil(m.mapDrawn ? m.content - m.map + preferredMapHeight(m.width) : m.content);
}
