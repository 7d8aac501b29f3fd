/**
 * Where everything goes on the downloaded PNG, in CSS px (the image is drawn at 2× this):
 * a header band (title, year window, filters), the map at its on-screen size, a legend row that
 * wraps, and a footer (sources line, credit). Pure: text widths come from a measure function,
 * so the layout is tested in Node.
 */
import { LABEL_FONT_FAMILY } from '../../map/labels.ts';
import { wrapText } from '../../map/label-placement.ts';

/** One legend item: a category colour, the dashed domestic line, or the ring of an unnamed group. */
export type LegendEntry = { kind: 'colour'; colour: string; label: string } | { kind: 'dashed' | 'ring'; label: string };

/** The words on the image, already in the reader's language. */
export interface PosterTexts {
  title: string;
  /** The year window and what it holds: "Up to 2025 · 224 links". */
  window: string;
  /** The active filters in words; empty when there are none. */
  filters: string;
  legendTitle: string;
  legend: readonly LegendEntry[];
  /** A muted line under the legend (what widths and directions mean); may be empty. */
  legendNote: string;
  sources: string;
  credit: string;
}

/** Text measured in CSS px for a canvas font string. */
export type Measure = (text: string, font: string) => number;

/** A line of text placed on the image. */
export interface TextLine {
  text: string;
  font: string;
  color: string;
  x: number;
  /** The line's vertical middle. */
  y: number;
}

/** A legend item placed on the image. */
export interface PlacedEntry {
  entry: LegendEntry;
  /** The swatch's box; the label starts at labelX on the same middle line. */
  x: number;
  y: number;
  labelX: number;
}

/** The whole image laid out, in CSS px. */
export interface PosterLayout {
  width: number;
  height: number;
  mapTop: number;
  mapHeight: number;
  /** Top of the footer's rule. */
  footerTop: number;
  lines: TextLine[];
  entries: PlacedEntry[];
}

const FONT = LABEL_FONT_FAMILY;
/** The image's fonts: system families only, as the map's labels. */
export const POSTER_FONTS = {
  title: `700 20px ${FONT}`,
  window: `600 14px ${FONT}`,
  body: `400 14px ${FONT}`,
  legend: `400 13px ${FONT}`,
  legendTitle: `600 13px ${FONT}`,
  small: `400 12px ${FONT}`,
} as const;
const INK = '#1d2330';
const MUTED = '#566070';
const PAD = 16;
const SWATCH_W = 22;
const GAP = 6;
const ITEM_GAP = 16;

/** Lays the poster out for a map of `mapWidth` × `mapHeight` CSS px. */
export function layoutPoster(texts: PosterTexts, mapWidth: number, mapHeight: number, measure: Measure): PosterLayout {
  const lines: TextLine[] = [];
  const inner = Math.max(40, mapWidth - 2 * PAD);
  let y = 12;
  const block = (text: string, font: string, color: string, lineHeight: number) => {
    if (text.trim() === '') return;
    for (const t of wrapText(text, inner, (s) => measure(s, font))) {
      lines.push({ text: t, font, color, x: PAD, y: y + lineHeight / 2 });
      y += lineHeight;
    }
  };
  block(texts.title, POSTER_FONTS.title, INK, 28);
  block(texts.window, POSTER_FONTS.window, INK, 20);
  block(texts.filters, POSTER_FONTS.body, INK, 20);
  y += 10;
  const mapTop = Math.ceil(y);

  // Legend: a title, then items flowing left to right and wrapping within the width.
  y = mapTop + mapHeight + 10;
  const ROW = 22;
  let x = PAD;
  const titleW = measure(texts.legendTitle, POSTER_FONTS.legendTitle);
  lines.push({ text: texts.legendTitle, font: POSTER_FONTS.legendTitle, color: INK, x, y: y + ROW / 2 });
  x += titleW + ITEM_GAP;
  const entries: PlacedEntry[] = [];
  for (const entry of texts.legend) {
    const w = SWATCH_W + GAP + measure(entry.label, POSTER_FONTS.legend);
    if (x + w > mapWidth - PAD && x > PAD) {
      x = PAD;
      y += ROW;
    }
    entries.push({ entry, x, y: y + ROW / 2, labelX: x + SWATCH_W + GAP });
    lines.push({ text: entry.label, font: POSTER_FONTS.legend, color: INK, x: x + SWATCH_W + GAP, y: y + ROW / 2 });
    x += w + ITEM_GAP;
  }
  y += ROW;
  block(texts.legendNote, POSTER_FONTS.small, MUTED, 18);
  y += 8;
  const footerTop = Math.ceil(y);
  y = footerTop + 8;
  block(texts.sources, POSTER_FONTS.small, INK, 18);
  block(texts.credit, POSTER_FONTS.small, MUTED, 18);
  return { width: mapWidth, height: Math.ceil(y + 8), mapTop, mapHeight, footerTop, lines, entries };
}
