/**
 * Greedy label placement: labels come in priority order, each with one or more candidate boxes
 * (e.g. right of its point, then left); the first box that fits inside the view and overlaps no
 * placed label wins, otherwise the label is skipped. Simple, stable between frames, and enough
 * for the ~100 labels a window shows.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LabelRequest {
  /** Candidate top-left corners, best first; every candidate has the label's size. */
  at: readonly (readonly [number, number])[];
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box, pad: number): boolean =>
  a.x < b.x + b.w + pad && b.x < a.x + a.w + pad && a.y < b.y + b.h + pad && b.y < a.y + a.h + pad;

/**
 * Places labels in the given order inside a `width` × `height` view; `obstacles` (e.g. the map's
 * own controls) are kept clear. Returns, per request, the chosen box or null when skipped.
 */
export function placeLabels(requests: readonly LabelRequest[], width: number, height: number, obstacles: readonly Box[] = [], pad = 2): (Box | null)[] {
  const placed: Box[] = [...obstacles];
  return requests.map((r) => {
    for (const [x, y] of r.at) {
      const box = { x, y, w: r.w, h: r.h };
      if (x < 0 || y < 0 || x + r.w > width || y + r.h > height) continue;
      if (placed.some((p) => overlaps(box, p, pad))) continue;
      placed.push(box);
      return box;
    }
    return null;
  });
}

/**
 * Wraps like wrapText, then narrows the width while the line count stays the same, so a long
 * name breaks into even lines rather than leaving one word (or one character) on the last line.
 */
export function wrapBalanced(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  let best = wrapText(text, maxWidth, measure);
  if (best.length < 2) return best;
  for (let w = maxWidth - 8; w > 20; w -= 8) {
    const lines = wrapText(text, w, measure);
    if (lines.length !== best.length) break;
    best = lines;
  }
  return best;
}

/** Splits text into lines no wider than `maxWidth`, by words (or by characters for Chinese). */
export function wrapText(text: string, maxWidth: number, measure: (s: string) => number): string[] {
  const cjk = /[\u3000-\u9fff\uff00-\uffef]/.test(text);
  const tokens = cjk ? [...text] : text.split(/(\s+)/).filter((t) => t.length > 0);
  const lines: string[] = [];
  let line = '';
  for (const tok of tokens) {
    const next = line + tok;
    if (line.trim() !== '' && measure(next.trimEnd()) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else {
      line = next;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}
