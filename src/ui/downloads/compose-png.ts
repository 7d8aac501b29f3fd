/**
 * Draws the downloadable image: the map's pixels (already rendered at 2×) with its HTML labels
 * drawn again at the same scale, under a header and over a legend and a footer (poster-layout.ts).
 * System fonts only (the page loads no web font); Chinese renders through the CJK families in
 * LABEL_FONT_FAMILY.
 */
import type { PlacedLabel } from '../../map/labels.ts';
import { layoutPoster, type LegendEntry, type PosterLayout, type PosterTexts } from './poster-layout.ts';

/** The map part of the image: its pixels and the labels shown on it (CSS px). */
export interface MapPicture {
  /** The map's pixels, normally cssWidth·scale wide; drawn into exactly that box whatever its size. */
  image: CanvasImageSource;
  labels: readonly PlacedLabel[];
  cssWidth: number;
  cssHeight: number;
}

/** The map's own background (atlas-map.css), under the map pixels in case any are transparent. */
const MAP_BACKGROUND = '#e8eef2';
const RULE = '#d5d9e0';

function drawSwatch(ctx: CanvasRenderingContext2D, e: LegendEntry, x: number, y: number): void {
  ctx.save();
  ctx.lineCap = 'round';
  if (e.kind === 'ring') {
    ctx.strokeStyle = '#6b5b95';
    ctx.lineWidth = 2;
    ctx.setLineDash([3, 2]);
    ctx.beginPath();
    ctx.arc(x + 11, y, 6, 0, 2 * Math.PI);
    ctx.stroke();
  } else {
    ctx.strokeStyle = e.kind === 'colour' ? e.colour : '#3a3f47';
    ctx.lineWidth = e.kind === 'colour' ? 6 : 4;
    if (e.kind === 'dashed') {
      ctx.lineCap = 'butt';
      ctx.setLineDash([5, 4]);
    }
    ctx.beginPath();
    ctx.moveTo(x + 3, y);
    ctx.lineTo(x + 19, y);
    ctx.stroke();
  }
  ctx.restore();
}

/** The map's labels as the page shows them: padding 1px 2px, line-height, a white halo. */
function drawLabels(ctx: CanvasRenderingContext2D, labels: readonly PlacedLabel[], top: number): void {
  ctx.save();
  ctx.textBaseline = 'middle';
  ctx.lineJoin = 'round';
  for (const l of labels) {
    ctx.font = l.font;
    l.lines.forEach((text, i) => {
      const x = l.x + 2, y = top + l.y + 1 + i * l.lineHeight + l.lineHeight / 2;
      ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
      ctx.lineWidth = 3;
      ctx.strokeText(text, x, y);
      ctx.fillStyle = l.color;
      ctx.fillText(text, x, y);
    });
  }
  ctx.restore();
}

function draw(ctx: CanvasRenderingContext2D, layout: PosterLayout, map: MapPicture): void {
  const { width, mapTop, mapHeight, footerTop } = layout;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, layout.height);
  ctx.fillStyle = MAP_BACKGROUND;
  ctx.fillRect(0, mapTop, width, mapHeight);
  ctx.drawImage(map.image, 0, mapTop, map.cssWidth, map.cssHeight);
  drawLabels(ctx, map.labels, mapTop);
  ctx.fillStyle = RULE;
  ctx.fillRect(0, mapTop - 1, width, 1);
  ctx.fillRect(0, mapTop + mapHeight, width, 1);
  ctx.fillRect(0, footerTop, width, 1);
  ctx.textBaseline = 'middle';
  for (const line of layout.lines) {
    ctx.font = line.font;
    ctx.fillStyle = line.color;
    ctx.fillText(line.text, line.x, line.y);
  }
  for (const e of layout.entries) drawSwatch(ctx, e.entry, e.x, e.y);
}

/** A new canvas exactly `scale` × the map's CSS width wide, with header, map, labels, legend and footer. */
export function composePng(map: MapPicture, texts: PosterTexts, scale = 2): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('this browser gives no 2D canvas to draw the image on');
  const measure = (text: string, font: string) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
  const layout = layoutPoster(texts, map.cssWidth, map.cssHeight, measure);
  canvas.width = Math.round(layout.width * scale);
  canvas.height = Math.round(layout.height * scale);
  // Setting the size resets the context; everything below is drawn in CSS px.
  ctx.setTransform(scale, 0, 0, scale, 0, 0);
  ctx.imageSmoothingQuality = 'high';
  draw(ctx, layout, map);
  return canvas;
}

/** The canvas as PNG bytes. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the image could not be encoded as PNG'))), 'image/png');
  });
}
