/**
 * The map as an image at a chosen pixel ratio (2× for the PNG download), with the labels shown
 * on it. The HTML labels are not in the canvas, so they come along as data to be drawn again.
 */
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { PlacedLabel } from './labels.ts';

/** A copy of the map's pixels at `scale`× its CSS size, and the labels on it (CSS px). */
export interface MapCapture {
  /** Normally cssWidth·scale × cssHeight·scale; smaller when MapLibre's maxCanvasSize (4096 px) clamps it. */
  canvas: HTMLCanvasElement;
  labels: PlacedLabel[];
  cssWidth: number;
  cssHeight: number;
  scale: number;
}

/** How long to wait for the map to be idle before taking the next drawn frame (the timeline may be playing). */
const IDLE_WAIT_MS = 4000;
/** After this long without any frame drawn (a lost WebGL context, a removed map), capturing fails. */
const GIVE_UP_MS = 10_000;

const inFlight = new WeakMap<MapLibreMap, Promise<MapCapture>>();

/** Resolves once a frame is drawn after now: at idle (every tile and arc drawn), or at the next frame after a wait. */
function drawn(map: MapLibreMap): Promise<void> {
  return new Promise((resolve, reject) => {
    const stop = () => {
      window.clearTimeout(anyFrame);
      window.clearTimeout(giveUp);
      map.off('idle', finish);
      map.off('render', finish);
    };
    const finish = () => {
      stop();
      resolve();
    };
    const anyFrame = window.setTimeout(() => map.on('render', finish), IDLE_WAIT_MS);
    const giveUp = window.setTimeout(() => {
      stop();
      reject(new Error('the map did not finish drawing'));
    }, GIVE_UP_MS);
    map.on('idle', finish);
    map.triggerRepaint();
  });
}

async function captureOnce(map: MapLibreMap, labels: () => PlacedLabel[], scale: number): Promise<MapCapture> {
  const canvas = map.getCanvas();
  map.setPixelRatio(scale);
  try {
    await drawn(map);
    const copy = document.createElement('canvas');
    copy.width = canvas.width;
    copy.height = canvas.height;
    const ctx = copy.getContext('2d');
    if (!ctx) throw new Error('no 2D canvas to copy the map into');
    // Readable after the frame because the map is created with preserveDrawingBuffer.
    ctx.drawImage(canvas, 0, 0);
    return { canvas: copy, labels: labels(), cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight, scale };
  } finally {
    // The atlas never sets a pixel ratio otherwise: null makes MapLibre follow devicePixelRatio again.
    // MapLibre documents null here but types the parameter as number.
    map.setPixelRatio(null as unknown as number);
  }
}

/** Draws the map at `scale`× its CSS size, copies the pixels, then puts the pixel ratio back. One capture at a time. */
export function captureMap(map: MapLibreMap, labels: () => PlacedLabel[], scale: number): Promise<MapCapture> {
  const running = inFlight.get(map);
  if (running) return running;
  const p = captureOnce(map, labels, scale).finally(() => inFlight.delete(map));
  inFlight.set(map, p);
  return p;
}
