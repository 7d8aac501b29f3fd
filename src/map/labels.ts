/**
 * Map labels as an HTML overlay above the canvas: the style has no glyphs (they would be fetched),
 * so names are plain positioned elements in the page's system fonts, which also renders Chinese
 * without any download. Elements are pooled by key and only moved per frame; text is set with
 * textContent (data never becomes HTML). The overlay is aria-hidden: the app lists the same names.
 */
import { placeLabels, wrapBalanced, type Box, type LabelRequest } from './label-placement.ts';

export type LabelKind = 'country' | 'institution' | 'group' | 'marker';

export interface LabelSpec {
  key: string;
  kind: LabelKind;
  text: string;
  /** The labelled point, CSS px in the map's box. */
  x: number;
  y: number;
  /** Radius of what is drawn at the point (px), so the label sits beside it. */
  clearance: number;
}

/** System fonts only; the CJK families make Chinese render the same on Linux, macOS and Windows. */
export const LABEL_FONT_FAMILY =
  'system-ui, -apple-system, "Segoe UI", "Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", sans-serif';

interface KindStyle {
  font: string;
  lineHeight: number;
  maxWidth: number;
  /** The text colour, as in atlas-map.css (for drawing labels onto an image). */
  color: string;
}

const STYLE: Record<LabelKind, KindStyle> = {
  country: { font: `600 11px ${LABEL_FONT_FAMILY}`, lineHeight: 13, maxWidth: 130, color: '#3f5266' },
  institution: { font: `600 11px ${LABEL_FONT_FAMILY}`, lineHeight: 13, maxWidth: 170, color: '#24211f' },
  group: { font: `italic 500 11px ${LABEL_FONT_FAMILY}`, lineHeight: 13, maxWidth: 150, color: '#333' },
  marker: { font: `500 11px ${LABEL_FONT_FAMILY}`, lineHeight: 13, maxWidth: 170, color: '#333' },
};

/**
 * A label as shown now: its lines, its box (CSS px in the map's box, the element's padding of
 * 1px 2px included) and how it is drawn, so an image of the map can carry the same labels.
 */
export interface PlacedLabel {
  lines: string[];
  x: number;
  y: number;
  w: number;
  h: number;
  font: string;
  color: string;
  lineHeight: number;
}

/** Candidate top-left corners, best first, for a label of w × h beside its point. */
function candidates(s: LabelSpec, w: number, h: number): [number, number][] {
  const gap = s.clearance + 3;
  switch (s.kind) {
    case 'country':
      // Beside the anchor, never on it: arcs end there and their arrowheads must stay visible.
      return [[s.x - w / 2, s.y + 5], [s.x - w / 2, s.y - h - 5], [s.x + 7, s.y - h / 2], [s.x - 7 - w, s.y - h / 2]];
    case 'group':
      return [[s.x - w / 2, s.y + gap], [s.x - w / 2, s.y - gap - h], [s.x + gap, s.y - h / 2]];
    default:
      return [[s.x + gap, s.y - h / 2], [s.x - gap - w, s.y - h / 2], [s.x - w / 2, s.y - gap - h]];
  }
}

interface Measured {
  text: string;
  w: number;
  h: number;
}

export class LabelOverlay {
  readonly element: HTMLDivElement;
  private readonly pool = new Map<string, HTMLDivElement>();
  private readonly shown = new Set<string>();
  private readonly measured = new Map<string, Measured>();
  private readonly placedNow = new Map<string, PlacedLabel>();
  private readonly ctx: CanvasRenderingContext2D | null;
  private scale = 1;

  constructor(parent: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'atlas-map-labels';
    this.element.setAttribute('aria-hidden', 'true');
    parent.appendChild(this.element);
    this.ctx = document.createElement('canvas').getContext('2d');
  }

  /**
   * Labels `scale` times their normal size (font, line height, wrap width); the CSS reads the
   * same factor from --label-scale. Returns whether it changed.
   */
  setScale(scale: number): boolean {
    if (scale === this.scale) return false;
    this.scale = scale;
    this.measured.clear();
    this.element.style.setProperty('--label-scale', String(scale));
    return true;
  }

  /** A kind's style at the current scale. */
  private style(kind: LabelKind): KindStyle {
    const st = STYLE[kind];
    if (this.scale === 1) return st;
    const k = this.scale;
    return { ...st, font: st.font.replace(/(\d+(?:\.\d+)?)px/, (_, px: string) => `${Number(px) * k}px`), lineHeight: st.lineHeight * k, maxWidth: st.maxWidth * k };
  }

  /** Size of a label, measured with a canvas (no layout); long names wrap at the kind's width. */
  private measure(kind: LabelKind, text: string): Measured {
    const cacheKey = `${kind}\u0000${text}`;
    const hit = this.measured.get(cacheKey);
    if (hit) return hit;
    const style = this.style(kind);
    const ctx = this.ctx;
    if (ctx) ctx.font = style.font;
    const width = (s: string) => (ctx ? ctx.measureText(s).width : s.length * 6.5);
    const lines = wrapBalanced(text, style.maxWidth, width);
    const m = { text: lines.join('\n'), w: Math.ceil(Math.max(0, ...lines.map(width))) + 4, h: lines.length * style.lineHeight + 2 };
    this.measured.set(cacheKey, m);
    return m;
  }

  /**
   * Shows the labels that fit, in the given order (most important first), inside a
   * `width` × `height` view, keeping clear of `obstacles`; hides the rest.
   */
  update(specs: readonly LabelSpec[], width: number, height: number, obstacles: readonly Box[] = []): void {
    const sizes = specs.map((s) => this.measure(s.kind, s.text));
    const requests: LabelRequest[] = specs.map((s, i) => {
      const m = sizes[i] as Measured;
      return { at: candidates(s, m.w, m.h), w: m.w, h: m.h };
    });
    const boxes = placeLabels(requests, width, height, obstacles);
    const keep = new Set<string>();
    specs.forEach((s, i) => {
      const box = boxes[i];
      if (!box) return;
      keep.add(s.key);
      let el = this.pool.get(s.key);
      if (!el) {
        el = document.createElement('div');
        this.pool.set(s.key, el);
      }
      const text = (sizes[i] as Measured).text;
      if (el.textContent !== text) el.textContent = text;
      const cls = `atlas-label atlas-label--${s.kind}`;
      if (el.className !== cls) el.className = cls;
      const x = Math.round(box.x), y = Math.round(box.y);
      const before = this.placedNow.get(s.key);
      // A year step moves no label: unchanged, the element's style is left alone.
      if (!before || before.x !== x || before.y !== y) el.style.transform = `translate(${x}px, ${y}px)`;
      const st = this.style(s.kind);
      this.placedNow.set(s.key, { lines: text.split('\n'), x, y, w: box.w, h: box.h, font: st.font, color: st.color, lineHeight: st.lineHeight });
      if (!this.shown.has(s.key)) {
        this.element.appendChild(el);
        this.shown.add(s.key);
      }
    });
    for (const key of this.shown) {
      if (keep.has(key)) continue;
      this.pool.get(key)?.remove();
      this.shown.delete(key);
      this.placedNow.delete(key);
    }
  }

  /** The labels shown now, for drawing them onto an image of the map (download as PNG). */
  placed(): PlacedLabel[] {
    return [...this.placedNow.values()];
  }

  destroy(): void {
    this.element.remove();
    this.pool.clear();
    this.shown.clear();
    this.placedNow.clear();
  }
}
