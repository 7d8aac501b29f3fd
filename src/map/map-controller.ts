/**
 * The map, created once and then driven imperatively: the React component only forwards prop
 * changes here. A year change costs O(pairs + entities) whatever the number of links, and
 * allocates nothing: the pairs' and entities' code tables are tallied for the window
 * (window-tally.ts), the arcs get one texel of counts each (certain, other drawn, and the two
 * previous windows' for the grow-in), packed in the arc layer's frame and uploaded in one
 * texSubImage2D (arc-data.ts); the Chinese
 * institutions get their radii and looks (institution-layer.ts); country shades, partner markers
 * and group rings are set as feature state only where a value changed, and the labels are
 * re-placed in the next frame. What the window holds only possibly is drawn apart: dashed faint
 * arcs, hatched countries, hollow markers and rings.
 */
import { Map as MapLibreMap, NavigationControl, type GeoJSONSource, type MapMouseEvent, type PointLike } from 'maplibre-gl';
import { adoptEarlyMap } from './early-map.ts';
import { mapOptions, NO_WEBGL2, type MapStartOptions } from './map-options.ts';
import type { MultiLineString } from 'geojson';
import type { Aggregates, Pair, YearWindow } from '../domain/aggregate.ts';
import type { DatasetIndex } from '../domain/dataset-index.ts';
import type { CountryShapes } from '../domain/world.ts';
import { builtAnchors, countryAnchor } from '../domain/country-anchors.ts';
import { buildArcBuffers, type ArcBuffers } from './arc-buffer.ts';
import { bundleArcs } from './arc-bundles.ts';
import { drawnCount, emptyArcCounts, packArcStatic, sameWindow, type ArcCounts } from './arc-data.ts';
import { ArcLayer } from './arc-layer.ts';
import { InstitutionLayer, institutionDrawOrder, packInstitutions } from './institution-layer.ts';
import { initialView } from './initial-view.ts';
import { LabelOverlay } from './labels.ts';
import { captureMap, type MapCapture } from './map-capture.ts';
import { buildLabelSpecs } from './label-specs.ts';
import { LAYER, POSSIBLE_HATCH, possibleHatchImage, SOURCE } from './layer-styles.ts';
import { buildMapModel, type MapModel } from './map-model.ts';
import { bordersData, buildStyle, countriesData, countryFeatureIds, groupsData, GROUP_RING_RADIUS, markersData } from './map-style.ts';
import { sameItem, type MapItem } from './map-item.ts';
import { latOfY as latOfMercator, mercatorX, mercatorY, worldPx } from './mercator.ts';
import { ARC_PICK_TOLERANCE, buildArcPicker, pickArc, pickPoint, type ArcPicker } from './picking.ts';
import { applyUiStrings, type MapUiStrings } from './map-ui-strings.ts';
import { wheelAfterClick } from '../embed/wheel-after-click.ts';
import { arcWidth, arcWidthReference } from './scales.ts';
import { normalizeCamera, type Camera } from '../url/view-state.ts';
import { computeWindowState, emptyWindowState, takeChange, type WindowState } from './window-state.ts';
import type { Lang } from '../domain/dates.ts';
import { keyTotal, shownTallies } from './window-tally.ts';
import { ARC_SEGMENTS } from './arc-buffer.ts';
import { arcExtents, boxHoldingArcs, cameraForBox } from '../present/frame-arcs.ts';

/** Room kept clear around framed arcs (CSS px): their width, arrowheads and the zoom buttons. */
export interface FramePadding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}


interface ArcParts {
  buffers: ArcBuffers;
  counts: ArcCounts;
  layer: ArcLayer;
}

export interface AtlasMapData {
  world: CountryShapes;
  borders: MultiLineString;
  index: DatasetIndex;
  aggregates: Aggregates;
}

export interface AtlasMapCallbacks {
  onHover: (item: MapItem | null, point: { x: number; y: number }) => void;
  onSelect: (item: MapItem | null) => void;
  onReady: () => void;
  onError?: (message: string) => void;
  /** The reader moved the map (not a move the app asked for from a URL). */
  onCamera?: (camera: Camera) => void;
}

/** Frame something on the map: an institution's or a partner's arcs, or every arc drawn now. `id` tells repeated requests apart. */
/** `at`: fly to a fixed camera (a story step's); the others frame arcs, whatever the screen. */
export type FitTarget = { kind: 'inst'; key: string } | { kind: 'partner'; key: string } | { kind: 'shown' } | { kind: 'at'; camera: Camera };
export type FitRequest = { id: number } & FitTarget;

export interface AtlasMapSettings {
  /** The time window shown (inclusive years, `from` −Infinity for "up to"; whether undated and planned links are drawn). */
  window: YearWindow;
  lang: Lang;
  reducedMotion: boolean;
  selection: MapItem | null;
  /** The first camera; null fits the region of interest to the box. */
  camera?: Camera | null;
  /** MapLibre's interface strings in the reader's language (its `locale` keys). */
  uiStrings?: MapUiStrings;
  /** `embed`: the wheel scrolls the page unless Ctrl/⌘ is held or the map was clicked (src/embed/wheel-after-click.ts). */
  cooperative?: 'embed';
}

/**
 * Name of the user-timing measure of the last window change (the map's main-thread ms for a
 * year step), for benchmarks. The name predates windows: it measured per-pair counts once.
 */
export const COUNTS_MEASURE = 'atlas:map-counts';

/** From this zoom in, an arc drawn over a partner country can be picked there (see pick()). */
const ARCS_OVER_LAND_ZOOM = 3.5;

const mercatorPoints = (list: readonly { point: readonly [number, number] }[]): Float64Array => {
  const xy = new Float64Array(list.length * 2);
  list.forEach((p, i) => {
    xy[2 * i] = mercatorX(p.point[0]);
    xy[2 * i + 1] = mercatorY(p.point[1]);
  });
  return xy;
};

export class AtlasMapController {
  private readonly map: MapLibreMap;
  private model: MapModel;
  /**
   * The arcs' geometry, counts and layer: built when the map's style has loaded (buildArcs), by
   * when the map has sent the countries to its worker, so that the worker indexes them while the
   * arcs are built; or at their first use, if that comes sooner.
   */
  private arcParts: ArcParts | null = null;
  /** Built at the first pick (a hover, a click), not before the first view: nothing needs it until then. */
  private pickerBuilt: ArcPicker | undefined;
  private readonly institutionsLayer: InstitutionLayer;
  private readonly labels: LabelOverlay;
  private readonly attribution: HTMLDivElement;
  private readonly canvasBox: HTMLDivElement;
  private readonly state: WindowState;
  private aggregates: Aggregates;
  /** Set while the map moves to a camera the URL asked for: that move is not reported back. */
  private applyingCamera = false;
  private readerMove = false;
  private fitting = false;
  private readonly xy: { inst: Float64Array; marker: Float64Array; group: Float64Array };
  /** What feature state currently holds, to set only what changed (NaN = never set). */
  private readonly applied: { shade: Float32Array; marker: Float32Array; group: Float32Array };
  private readonly slotOf: { inst: Map<string, number>; marker: Map<string, number>; group: Map<string, number>; country: Map<string, number> };
  private settings: AtlasMapSettings;
  private unwireWheel: (() => void) | null = null;
  private styleReady = false;
  /** The map was started early and its style had loaded when this controller took it over. */
  private adoptedStyle = false;
  private arcsDrawn = false;
  private ready = false;
  private hovered: MapItem | null = null;
  private selectedFeatures: { source: string; id: number }[] = [];
  private labelFrame = 0;
  private hoverFrame = 0;
  private hoverPoint: { x: number; y: number } | null = null;
  /** The kind of the last pointer: a tap's emulated mouse events must not leave a hover tooltip. */
  private pointerType = 'mouse';
  private destroyed = false;
  /** Presenter mode: the camera frames every arc the filters let through, and follows resizes and filter changes. */
  private framing: FramePadding | null = null;

  constructor(container: HTMLElement, data: AtlasMapData, settings: AtlasMapSettings, private readonly callbacks: () => AtlasMapCallbacks) {
    this.settings = { ...settings, window: { ...settings.window } };
    this.aggregates = data.aggregates;
    const fidOf = countryFeatureIds(data.world);
    const shapeOf = new Map(data.world.features.map((f) => [f.properties.iso3 ?? '', f]));
    // Countries reached only through their institutions: from the build's table where it has them.
    const built = builtAnchors();
    this.model = buildMapModel(data.index, data.aggregates, fidOf, (iso3) => {
      const known = built?.[iso3];
      if (known) return known;
      const shape = shapeOf.get(iso3);
      return shape && countryAnchor(shape);
    });
    this.state = emptyWindowState(this.model);
    this.xy = { inst: mercatorPoints(this.model.institutions), marker: mercatorPoints(this.model.markers), group: mercatorPoints(this.model.groups) };
    const nan = (n: number) => new Float32Array(n).fill(Number.NaN);
    this.applied = { shade: nan(this.model.countries.length), marker: nan(this.model.markers.length), group: nan(this.model.groups.length) };
    const keys = (list: readonly { key: string }[]) => new Map(list.map((x, i) => [x.key, i]));
    this.slotOf = {
      inst: keys(this.model.institutions), marker: keys(this.model.markers), group: keys(this.model.groups),
      country: new Map(this.model.countries.map((c, i) => [c.iso3, i])),
    };

    const fitted = initialView(container.clientWidth, container.clientHeight);
    const view = settings.camera ? { center: [settings.camera.lon, settings.camera.lat] as [number, number], zoom: settings.camera.zoom } : fitted;
    const start: MapStartOptions = { ...(settings.uiStrings ? { uiStrings: settings.uiStrings } : {}), ...(settings.cooperative ? { cooperative: settings.cooperative } : {}) };
    // The map started while the data loaded (its worker and basemap ready): moved here and given the dataset.
    const early = adoptEarlyMap(start);
    if (early) {
      this.canvasBox = early.canvasBox;
      container.appendChild(early.canvasBox);
      this.map = early.map;
      this.adoptedStyle = early.styleLoaded;
      // Its controls were labelled in the language of the moment it started.
      if (settings.uiStrings && JSON.stringify(settings.uiStrings) !== JSON.stringify(early.options.uiStrings)) applyUiStrings(container, settings.uiStrings);
      this.map.resize();
      this.map.jumpTo(view);
      const fill = () => {
        const set = (id: string, value: GeoJSON.GeoJSON) => (this.map.getSource(id) as GeoJSONSource | undefined)?.setData(value);
        if (early.world !== data.world) {
          set(SOURCE.countries, countriesData(data.world, fidOf));
          set(SOURCE.borders, bordersData(data.borders));
        }
        set(SOURCE.groups, groupsData(this.model.groups));
        set(SOURCE.markers, markersData(this.model.markers));
      };
      if (early.styleLoaded) fill();
      else this.map.once('style.load', fill);
    } else {
      const canvasBox = document.createElement('div');
      canvasBox.className = 'atlas-map-canvas';
      container.appendChild(canvasBox);
      this.canvasBox = canvasBox;
      try {
        this.map = new MapLibreMap({ container: canvasBox, style: buildStyle(data.world, data.borders, this.model, fidOf), ...mapOptions(start, view) });
      } catch (e) {
        canvasBox.remove();
      // MapLibre's own message is long and points readers to a wiki; the app shows this one.
        const message = e instanceof Error ? e.message : String(e);
        throw new Error(/webgl/i.test(message) ? NO_WEBGL2 : message);
      }
    }
    const { institutionEntity, entities } = this.model;
    const order = institutionDrawOrder(institutionEntity, entities.institutions);
    this.institutionsLayer = new InstitutionLayer(LAYER.institutions, packInstitutions(this.model.institutions, order), order);
    this.map.touchZoomRotate.disableRotation();
    this.map.keyboard.disableRotation();
    this.map.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    if (settings.cooperative === 'embed') {
      this.unwireWheel = wheelAfterClick(this.map, () => { if (this.settings.uiStrings) applyUiStrings(this.map.getContainer(), this.settings.uiStrings); });
    }

    this.labels = new LabelOverlay(container);
    this.attribution = document.createElement('div');
    this.attribution.className = 'atlas-map-attribution';
    this.attribution.setAttribute('aria-hidden', 'true');
    this.attribution.textContent = 'Natural Earth · MapLibre';
    container.appendChild(this.attribution);

    this.applyWindow('first');
    this.wireEvents();
  }

  private get arcsBuilt(): ArcParts {
    return this.arcParts ??= this.buildArcs();
  }

  private get buffers(): ArcBuffers { return this.arcsBuilt.buffers; }
  /** The arcs' counts for the window shown (and per pair), refilled in place at every step. */
  private get arcCounts(): ArcCounts { return this.arcsBuilt.counts; }
  private get arcs(): ArcLayer { return this.arcsBuilt.layer; }

  /** The arcs for the dataset, counted for the window and counts of the moment. */
  private buildArcs(): ArcParts {
    const buffers = buildArcBuffers(this.model.pairs, this.model.pairAllTime);
    const counts = emptyArcCounts(this.model.pairs.length, buffers.pairOfArc.length);
    const bundles = bundleArcs(this.model.pairs, buffers, this.model.pairAllTime);
    const layer = new ArcLayer(LAYER.arcs, buffers, packArcStatic(buffers), counts, arcWidthReference(this.model.maxPairAllTime), bundles);
    layer.onFirstDraw = () => { this.arcsDrawn = true; };
    // Which arcs the map draws now, on its box: the browser tests read it.
    layer.onLevel = (bundled, slots) => {
      const el = this.map.getContainer().parentElement;
      if (!el) return;
      el.dataset.arcLevel = bundled ? 'bundled' : 'each';
      el.dataset.arcSlots = String(slots);
    };
    if (buffers.vertexCount === 0) this.arcsDrawn = true;
    const parts = { buffers, counts, layer };
    this.countArcs(parts, 'first');
    if (this.settings.selection) layer.setHighlight(this.highlightOf(this.settings.selection, buffers));
    return parts;
  }

  /** The arcs' counts for the window shown: see applyWindow for the kinds. */
  private countArcs(arcs: ArcParts, kind: 'first' | 'step' | 'counts'): void {
    // The arc layer packs the counts of the arcs (or bundles) it draws from these, in its frame.
    shownTallies(this.aggregates.byPair, this.settings.window, arcs.counts.pairs);
    // Only a step animates (unless reduced motion): the arc layer then rotates the drawn counts'
    // history; otherwise it settles it, so nothing grows in.
    if (kind === 'step') arcs.layer.setWindow(!this.settings.reducedMotion);
    else if (kind === 'first') arcs.layer.setWindow(false);
    else arcs.layer.setCounts();
  }

  private wireEvents(): void {
    const map = this.map;
    // The hatch of countries with only possible links: an image made here, added when the style first asks for it.
    map.setMissingStyleImageResolver((id) => {
      if (id === POSSIBLE_HATCH && !map.hasImage(POSSIBLE_HATCH)) {
        const { pixelRatio, ...image } = possibleHatchImage();
        map.addImage(POSSIBLE_HATCH, image, { pixelRatio });
      }
    });
    const onStyle = () => {
      if (this.destroyed) return;
      // Both layers first draw in the frame in which the basemap has loaded (first-draw-gate.ts).
      map.addLayer(this.institutionsLayer);
      this.styleReady = true;
      this.syncFeatureStates();
      this.applySelection(this.settings.selection);
      this.scheduleLabels();
      map.triggerRepaint();
      // MapLibre posts the countries to its worker just after this event, in a microtask: the arcs
      // are built in the next task, while the worker indexes them (below the partners' markers).
      setTimeout(() => {
        if (this.destroyed) return;
        map.addLayer(this.arcs, LAYER.markers);
        map.triggerRepaint();
      }, 0);
    };
    // An adopted early map's style may have loaded already: its event will not come again.
    if (this.adoptedStyle) onStyle();
    else map.once('style.load', onStyle);
    map.on('idle', () => {
      if (this.ready || !this.styleReady) return;
      // The first idle can come before the custom layer's first draw: ask for one more frame.
      if (!this.arcsDrawn) { map.triggerRepaint(); return; }
      this.ready = true;
      this.callbacks().onReady();
    });
    map.on('move', () => this.scheduleLabels());
    // Only the reader's moves (drag, wheel, keys, buttons) and the app's framing of a search
    // result become the URL's camera; a resize or a camera taken from the URL does not.
    // A wheel zoom starts and ends on MapLibre's timers, often without an originalEvent: a wheel
    // the map took (it prevents its default; a cooperative-gestures block does not) marks the next move the reader's.
    // Listened for on the box around the map's own element, so that MapLibre's listener has run.
    this.canvasBox.parentElement?.addEventListener('wheel', (e) => { if (e.defaultPrevented) this.readerMove = true; }, { passive: true });
    map.on('moveend', (e: { originalEvent?: Event }) => {
      const report = !!e.originalEvent || this.readerMove || this.fitting;
      this.fitting = false;
      this.readerMove = false;
      if (this.applyingCamera) { this.applyingCamera = false; return; }
      if (report) this.callbacks().onCamera?.(this.camera());
    });
    map.on('resize', () => {
      if (this.framing) this.frameArcs();
      this.scheduleLabels();
    });
    const container = map.getCanvasContainer();
    const notePointer = (e: PointerEvent) => { this.pointerType = e.pointerType; };
    container.addEventListener('pointerdown', notePointer, { capture: true, passive: true });
    container.addEventListener('pointermove', notePointer, { capture: true, passive: true });
    map.on('mousemove', (e: MapMouseEvent) => this.hover(e));
    map.on('mouseout', () => {
      if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
      this.hoverFrame = 0;
      this.hoverPoint = null;
      this.setHovered(null, { x: 0, y: 0 });
    });
    map.on('click', (e: MapMouseEvent) => this.callbacks().onSelect(this.pick(e.point)));
    map.on('error', (e) => this.callbacks().onError?.(e.error?.message ?? 'the map failed'));
    map.on('webglcontextlost', () => {
      this.arcParts?.layer.resetGpu();
      this.institutionsLayer.resetGpu();
      this.callbacks().onError?.('the WebGL context was lost');
    });
  }

  /**
   * Counts of another set of links over the same arcs and entities (a filter changed): the
   * window shown is counted again, as a step is; nothing grows in. A year step after it costs
   * what it did before.
   */
  setCounts(counts: Aggregates): void {
    if (counts === this.aggregates) return;
    if (counts.pairs !== this.model.pairs) throw new Error('counts for another dataset');
    this.aggregates = counts;
    this.model = { ...this.model, entities: { institutions: counts.byInstitution, countries: counts.byCountry, partners: counts.byPartner } };
    this.applyWindow('counts');
    if (this.framing) this.frameArcs();
  }

  /** The camera now, rounded as the URL writes it. */
  camera(): Camera {
    const c = this.map.getCenter();
    return normalizeCamera({ lon: c.lng, lat: c.lat, zoom: this.map.getZoom() });
  }

  /** Moves to a camera from the URL (Back, Forward, a shared link); null: the fitted first view. */
  setCamera(camera: Camera | null): void {
    const now = this.camera();
    const target = camera ?? (() => {
      const v = initialView(this.canvasBox.clientWidth, this.canvasBox.clientHeight);
      return { lon: v.center[0], lat: v.center[1], zoom: v.zoom };
    })();
    if (Math.abs(now.lon - target.lon) < 0.002 && Math.abs(now.lat - target.lat) < 0.002 && Math.abs(now.zoom - target.zoom) < 0.02) return;
    this.applyingCamera = true;
    this.map.jumpTo({ center: [target.lon, target.lat], zoom: target.zoom });
  }

  /**
   * Presenter mode on (with the room to keep clear) or off (null). On, the camera holds every arc
   * the filters let through in any year, so no arc leaves the frame as the years step or play, and
   * the camera stays still while they do; off, the URL's camera (or the fitted first view) returns.
   */
  setFraming(padding: FramePadding | null, camera: Camera | null): void {
    const was = this.framing;
    this.framing = padding;
    if (padding) this.frameArcs();
    else if (was) {
      this.setCamera(camera);
      this.map.getContainer().parentElement?.removeAttribute('data-arcs-outside');
    }
  }

  private frameArcs(): void {
    const pad = this.framing;
    if (!pad) return;
    const byPair = this.aggregates.byPair;
    const arcs: number[] = [];
    this.buffers.pairOfArc.forEach((pair, arc) => { if (keyTotal(byPair, pair) > 0) arcs.push(arc); });
    const box = boxHoldingArcs(arcExtents(this.buffers.samples, ARC_SEGMENTS + 1, arcs));
    if (!box) return;
    const { center, zoom } = cameraForBox(box, this.canvasBox.clientWidth, this.canvasBox.clientHeight, pad, 5);
    this.applyingCamera = true;
    this.map.jumpTo({ center, zoom });
    this.scheduleLabels();
  }

  /**
   * In presenter mode, how many arcs drawn now have a point outside the map's box, found by
   * projecting each arc's samples with the map itself (in the world copy nearest the centre).
   * Written on the map's box as data-arcs-outside / data-arcs-drawn: the browser test reads it.
   */
  private checkFrame(): void {
    const el = this.map.getContainer().parentElement;
    if (!el) return;
    const w = this.canvasBox.clientWidth, h = this.canvasBox.clientHeight;
    const centre = mercatorX(this.map.getCenter().lng);
    const n = ARC_SEGMENTS + 1, samples = this.buffers.samples;
    let drawn = 0, outside = 0;
    this.buffers.pairOfArc.forEach((pair, arc) => {
      if (drawnCount(this.arcCounts.pairs, pair) <= 0) return;
      drawn++;
      const mid = samples[(arc * n + (n >> 1)) * 2] as number;
      const shift = Math.round(centre - mid);
      for (let i = 0; i < n; i++) {
        const x = (samples[(arc * n + i) * 2] as number) + shift, y = samples[(arc * n + i) * 2 + 1] as number;
        const p = this.map.project([x * 360 - 180, latOfMercator(y)]);
        if (p.x < -0.5 || p.y < -0.5 || p.x > w + 0.5 || p.y > h + 0.5) { outside++; return; }
      }
    });
    el.dataset.arcsDrawn = String(drawn);
    el.dataset.arcsOutside = String(outside);
  }

  /** Frames the arcs a request names (an institution's, a partner's, or all drawn now); the move is reported as the reader's. */
  fit(req: FitRequest): void {
    if (req.kind === 'at') {
      this.fitting = true;
      this.map.flyTo({ center: [req.camera.lon, req.camera.lat], zoom: req.camera.zoom, duration: this.settings.reducedMotion ? 0 : 1200 });
      return;
    }
    const matches = (pair: Pair) => (req.kind === 'inst' ? pair.institution === req.key
      : req.kind === 'partner' ? pair.partnerKey === req.key || pair.iso3 === req.key : true);
    // Frame what is drawn now; when nothing of it is (all outside the years shown), all of it.
    const drawn = this.arcCounts.pairs;
    const shown = this.model.pairs.filter((p) => matches(p) && (drawn.certain[p.index] ?? 0) + (drawn.other[p.index] ?? 0) > 0);
    const pairs = shown.length || req.kind === 'shown' ? shown : this.model.pairs.filter(matches);
    const pts: [number, number][] = [];
    for (const pair of pairs) {
      pts.push([pair.from[0], pair.from[1]]);
      // Arcs run the short way round: take the partner's longitude within 180° of the institution's.
      if (pair.to) pts.push([pair.to[0] + 360 * Math.round((pair.from[0] - pair.to[0]) / 360), pair.to[1]]);
    }
    if (!pts.length) return;
    const lons = pts.map((p) => p[0]), lats = pts.map((p) => p[1]);
    const box = this.canvasBox;
    const pad = Math.max(8, Math.min(60, Math.min(box.clientWidth, box.clientHeight) / 8));
    this.fitting = true;
    this.map.fitBounds([[Math.min(...lons), Math.min(...lats)], [Math.max(...lons), Math.max(...lats)]], {
      padding: pad, maxZoom: 5, duration: this.settings.reducedMotion ? 0 : 900,
    });
  }

  /** Another time window. No-op when it is the same years and include settings. */
  setWindow(window: YearWindow): void {
    if (sameWindow(window, this.settings.window)) return;
    this.settings.window = { ...window };
    this.applyWindow('step');
  }

  /**
   * Counts the window for everything drawn: O(code entries of the pair and entity tables +
   * arcs + changed feature states), no allocation but MapLibre's own for those feature states.
   * `first`: the first view, drawn at once (it should not wait on an animation); `step`: another
   * window, arcs that appear grow in (unless reduced motion); `counts`: the same window under
   * other counts (a filter), nothing grows in.
   */
  private applyWindow(kind: 'first' | 'step' | 'counts'): void {
    const start = performance.now();
    const w = this.settings.window;
    computeWindowState(this.model, w, this.state);
    // Arcs not built yet are counted for the window of the moment when they are (buildArcs).
    if (this.arcParts) this.countArcs(this.arcParts, kind);
    this.institutionsLayer.setLooks(this.state.institutionRadii, this.state.institutionPossible);
    this.syncFeatureStates();
    this.scheduleLabels();
    performance.clearMeasures(COUNTS_MEASURE);
    performance.measure(COUNTS_MEASURE, { start, end: performance.now() });
  }

  private syncFeatureStates(): void {
    if (!this.styleReady) return;
    const map = this.map;
    const s = this.state;
    const countries = this.model.countries;
    for (let i = 0; i < countries.length; i++) {
      const fid = countries[i]?.fid;
      if (fid !== undefined && takeChange(this.applied.shade, i, s.countryShades[i] as number)) {
        map.setFeatureState({ source: SOURCE.countries, id: fid }, { shade: s.countryShades[i] });
      }
    }
    for (let i = 0; i < s.markerLooks.length; i++) {
      if (takeChange(this.applied.marker, i, s.markerLooks[i] as number)) map.setFeatureState({ source: SOURCE.markers, id: i }, { r: s.markerLooks[i] });
    }
    for (let i = 0; i < s.groupLooks.length; i++) {
      if (takeChange(this.applied.group, i, s.groupLooks[i] as number)) map.setFeatureState({ source: SOURCE.groups, id: i }, { active: s.groupLooks[i] });
    }
  }

  setLang(lang: Lang): void {
    if (lang === this.settings.lang) return;
    this.settings.lang = lang;
    this.scheduleLabels();
  }

  /** The map's own strings in another language (zoom buttons, its name, the two-finger hint). */
  setUiStrings(strings: MapUiStrings | undefined): void {
    if (!strings || strings === this.settings.uiStrings) return;
    this.settings.uiStrings = strings;
    applyUiStrings(this.map.getContainer(), strings);
  }

  /** Map labels this many times their normal size (presenter mode: 20 px type). */
  setLabelScale(scale: number): void {
    if (this.labels.setScale(scale)) this.scheduleLabels();
  }

  setReducedMotion(reducedMotion: boolean): void {
    this.settings.reducedMotion = reducedMotion;
  }

  setSelection(selection: MapItem | null): void {
    if (sameItem(selection, this.settings.selection)) return;
    this.settings.selection = selection;
    if (this.styleReady) this.applySelection(selection);
    this.scheduleLabels();
  }

  private applySelection(sel: MapItem | null): void {
    // Arcs not built yet take the selection when they are (buildArcs).
    const arcs = this.arcParts;
    if (arcs) arcs.layer.setHighlight(this.highlightOf(sel, arcs.buffers));
    for (const f of this.selectedFeatures) this.map.setFeatureState(f, { sel: false });
    const features: { source: string; id: number }[] = [];
    this.institutionsLayer.setSelected(sel?.kind === 'inst' ? (this.slotOf.inst.get(sel.id) ?? null) : null);
    if (sel?.kind === 'partner') {
      const m = this.slotOf.marker.get(sel.key), g = this.slotOf.group.get(sel.key), c = this.slotOf.country.get(sel.key);
      const fid = c === undefined ? undefined : this.model.countries[c]?.fid;
      if (m !== undefined) features.push({ source: SOURCE.markers, id: m });
      if (g !== undefined) features.push({ source: SOURCE.groups, id: g });
      if (fid !== undefined) features.push({ source: SOURCE.countries, id: fid });
    }
    for (const f of features) this.map.setFeatureState(f, { sel: true });
    this.selectedFeatures = features;
  }

  /** Which arcs a selection highlights (null: none). */
  private highlightOf(sel: MapItem | null, buffers: ArcBuffers): ((arc: number) => boolean) | null {
    if (sel === null) return null;
    const pairs = this.model.pairs;
    return (arc) => {
      const pair = pairs[buffers.pairOfArc[arc] as number];
      if (!pair) return false;
      if (sel.kind === 'arc') return pair.index === sel.pair;
      if (sel.kind === 'inst') return pair.institution === sel.id;
      // A country's arcs include those to its institutions, as its panel lists them.
      return pair.partnerKey === sel.key || pair.iso3 === sel.key;
    };
  }

  /** What is under a point of the map's box: points first (drawn on top), then arcs, rings, countries. */
  private pick(point: { x: number; y: number }): MapItem | null {
    if (!this.styleReady) return null;
    const ll = this.map.unproject([point.x, point.y]);
    const mx = mercatorX(ll.lng), my = mercatorY(ll.lat);
    const world = worldPx(this.map.getZoom());
    const s = this.state;
    const inst = pickPoint(this.xy.inst, s.institutionRadii, mx, my, world);
    if (inst >= 0) return { kind: 'inst', id: this.model.institutions[inst]?.key ?? '' };
    const marker = pickPoint(this.xy.marker, s.markerRadii, mx, my, world);
    if (marker >= 0) return { kind: 'partner', key: this.model.markers[marker]?.key ?? '' };
    // The count each arc is drawn with now (certain, or the others when none is certain).
    const arcCount = (arc: number) => drawnCount(this.arcCounts.pairs, this.buffers.pairOfArc[arc] as number);
    // On a partner country's land the country wins over arcs crossing it: zoomed out, arcs cover
    // most of a country like Kazakhstan, which could otherwise never be picked (arcs stay pickable
    // over the sea, China and other land, and from every list). Zoomed in, where arcs are sparse,
    // an arc's drawn body still wins, though not the slack around it.
    const country = this.countryAt([point.x, point.y]);
    const arc = country && this.map.getZoom() < ARCS_OVER_LAND_ZOOM ? -1
      : pickArc(this.pickerBuilt ??= buildArcPicker(this.buffers.samples), mx, my, world, (a) => arcWidth(arcCount(a), this.model.maxPairAllTime), undefined, country ? 0 : ARC_PICK_TOLERANCE);
    if (arc >= 0) return { kind: 'arc', pair: this.buffers.pairOfArc[arc] as number };
    const ringPx = Array.from(s.groupLooks, (t) => (t !== 0 ? GROUP_RING_RADIUS * world : 0));
    const group = pickPoint(this.xy.group, ringPx, mx, my, world);
    if (group >= 0) return { kind: 'partner', key: this.model.groups[group]?.key ?? '' };
    return country ? { kind: 'partner', key: country } : null;
  }

  /** A partner country shaded or hatched now under the point (linked itself or through its institutions). */
  private countryAt(point: PointLike): string | null {
    for (const f of this.map.queryRenderedFeatures(point, { layers: [LAYER.land] })) {
      if (typeof f.id !== 'number') continue;
      const slot = this.model.countries.findIndex((c) => c.fid === f.id);
      const c = this.model.countries[slot];
      if (c && (this.state.countryShades[slot] ?? 0) !== 0) return c.iso3;
    }
    return null;
  }

  // Picking among tens of thousands of arcs takes a few ms: once per frame is enough.
  private hover(e: MapMouseEvent): void {
    const first = this.hoverPoint === null;
    this.hoverPoint = { x: e.point.x, y: e.point.y };
    if (!first) return;
    this.hoverFrame = requestAnimationFrame(() => {
      const p = this.hoverPoint;
      this.hoverPoint = null;
      this.hoverFrame = 0;
      if (p && !this.destroyed) this.setHovered(this.pointerType === 'touch' ? null : this.pick(p), p);
    });
  }

  private setHovered(item: MapItem | null, point: { x: number; y: number }): void {
    const changed = !sameItem(item, this.hovered);
    if (!changed && item === null) return;
    this.hovered = item;
    this.map.getCanvas().style.cursor = item ? 'pointer' : '';
    this.callbacks().onHover(item, point);
    if (changed) this.scheduleLabels();
  }

  private scheduleLabels(): void {
    if (this.labelFrame || this.destroyed) return;
    this.labelFrame = requestAnimationFrame(() => {
      this.labelFrame = 0;
      if (!this.destroyed && this.styleReady) this.placeLabels();
    });
  }

  private placeLabels(): void {
    if (this.framing) this.checkFrame();
    const canvas = this.map.getCanvas();
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const center = this.map.getCenter().lng;
    const project = (p: readonly [number, number]) => {
      // Label the world copy nearest the centre of the view.
      const lon = p[0] + 360 * Math.round((center - p[0]) / 360);
      const { x, y } = this.map.project([lon, p[1]]);
      return { x, y };
    };
    const specs = buildLabelSpecs(this.model, this.state, {
      lang: this.settings.lang, hovered: this.hovered, selection: this.settings.selection,
      project, ringPx: GROUP_RING_RADIUS * worldPx(this.map.getZoom()), institutionLabels: w >= 900 ? 5 : w >= 600 ? 3 : 2,
    });
    // Keep clear of the zoom buttons (top right) and the attribution (bottom right).
    this.labels.update(specs, w, h, [{ x: w - 48, y: 0, w: 48, h: 76 }, { x: w - 150, y: h - 18, w: 150, h: 18 }]);
  }

  destroy(): void {
    this.destroyed = true;
    this.unwireWheel?.();
    if (this.labelFrame) cancelAnimationFrame(this.labelFrame);
    if (this.hoverFrame) cancelAnimationFrame(this.hoverFrame);
    this.labels.destroy();
    this.attribution.remove();
    this.map.remove();
    this.canvasBox.remove();
  }

  /** The map drawn at `scale`× its CSS size with the labels shown now, for the PNG download. */
  capture(scale = 2): Promise<MapCapture> {
    return captureMap(this.map, () => this.labels.placed(), scale);
  }
}
