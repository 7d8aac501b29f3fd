/**
 * The timeline: mode switch, play/pause and speed, a per-year histogram stacked by category,
 * the 2015–2025 axis, the window shaded, one or two year sliders, and the undated links beside
 * them. A thin shell: positions, keys, range handles and playback come from timeline-model.ts.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { CATEGORY_COLOR } from '../style/palette.ts';
import type { Lang, TimelineMode } from '../url/view-state.ts';
import {
  FIRST_YEAR, LAST_YEAR, PLAYBACK_SPEEDS, canPlay, countScale, dragRangeHandle, handleBounds, keyToYear,
  nearestHandle, stackHistogram, switchMode, timelineScale, total, windowYears,
  type Handle, type PlaybackSpeed, type TimelineView,
} from './timeline-model.ts';
import { usePlayback, type Playback } from './use-playback.ts';
import { useElementWidth } from './use-element-width.ts';
import './timeline.css';

/** Every string the timeline shows or announces; the app fills it from its i18n files. */
export interface TimelineLabels {
  /** Accessible name of the year slider (the window's last year). */
  sliderLabel: string;
  /** Accessible name of the range mode's first-year slider. */
  fromSliderLabel: string;
  /** aria-valuetext of the sliders: "up to 2019", "2019", "2016 to 2019". */
  valueText: (year: number, mode: TimelineMode, from: number) => string;
  /** Accessible name of the mode button group ("Show links"). */
  modeGroup: string;
  modeUpTo: string;
  modeIn: string;
  modeRange: string;
  play: string;
  pause: string;
  speed: string;
  speeds: Record<PlaybackSpeed, string>;
  /** The undated indicator, e.g. "Undated: 12 links". */
  undatedCount: (count: number) => string;
  /** The checkbox that adds undated links to the window, e.g. "Include 12 undated links". */
  undatedToggle: (count: number) => string;
  /** Why some links are undated (tooltip and the checkbox's description). */
  undatedHint: string;
  /** Accessible name of the histogram ("Links per year, by kind of cooperation"). */
  histogramLabel: string;
  /** One year's bar for screen readers, e.g. "2015: 5 links, 2 more possibly". */
  yearCount: (year: number, count: number, possible: number) => string;
  /** The key to the hatched part of the bars ("possibly in the year"). */
  possibleKey: string;
  /** The checkbox that adds planned links to the map, e.g. "Include 3 planned links". */
  plannedToggle: (count: number) => string;
  /** Why planned links are left out by default. */
  plannedHint: string;
}

type TimelinePatch = Partial<{ mode: TimelineMode; year: number; from: number; includeUndated: boolean; includePlanned: boolean }>;

export interface TimelineProps {
  /** Links certainly in each year, per type: `histogram[y * LINK_TYPES.length + t]` (YearHistogram.certain). */
  histogram: Uint32Array;
  /** Per year, links only possibly in it (YearHistogram.possible). */
  possibleByYear?: Uint32Array;
  /** Links per type with no date bound at all (YearHistogram.undatedByType). */
  undatedByType: Uint32Array;
  /** Planned links (filtered), and whether they are drawn. */
  planned?: number;
  includePlanned?: boolean;
  mode: TimelineMode;
  year: number;
  from: number;
  includeUndated: boolean;
  lang: Lang;
  labels: TimelineLabels;
  /** Handles and window snap instead of gliding; playback still steps. */
  reducedMotion: boolean;
  onChange: (patch: TimelinePatch) => void;
  /** Filled with the playback controls, so keys elsewhere (the presenter's P) can play and pause. */
  playbackRef?: RefObject<Playback | null>;
  /** Start playing once, when the timeline first appears (`autoplay=1`). */
  autoplay?: boolean;
}

// Vertical layout of the track, in px: value labels, bars, axis, year labels.
const TRACK_HEIGHT = 104;
const PLOT_TOP = 24;
const PLOT_HEIGHT = 50;
const AXIS_Y = PLOT_TOP + PLOT_HEIGHT;
const LABEL_Y = AXIS_Y + 19;
/** Handles end just below the knob, so their focus ring does not cross the year labels. */
const HANDLE_HEIGHT = AXIS_Y + 10;

const MODES: readonly TimelineMode[] = ['upto', 'in', 'range'];
const HTML_LANG: Record<Lang, string> = { en: 'en', zh: 'zh-Hans', ar: 'ar', ru: 'ru' };

export function Timeline({ histogram, possibleByYear, undatedByType, planned = 0, includePlanned = false, mode, year, from, includeUndated, lang, labels, reducedMotion, onChange, playbackRef, autoplay = false }: TimelineProps) {
  const [trackRef, width, measured] = useElementWidth<HTMLDivElement>(640);
  // Arabic reads right to left: the first year at the right, arrows following the eye.
  const rtl = lang === 'ar';
  // The years are the shown dataset's (FIRST_YEAR and LAST_YEAR are live): a new span is a new scale.
  const scale = useMemo(() => timelineScale(width, undefined, rtl), [width, rtl, FIRST_YEAR, LAST_YEAR]); // eslint-disable-line react-hooks/exhaustive-deps
  const stacked = useMemo(() => stackHistogram(histogram, possibleByYear), [histogram, possibleByYear]);
  const undated = useMemo(() => total(undatedByType), [undatedByType]);
  // The bars' numbers for screen readers; rebuilt only when the counts or the language change, not on a year step.
  const yearList = useMemo(() => (
    <ul className="tl-visually-hidden" aria-label={labels.histogramLabel}>
      {stacked.totals.map((n, i) => <li key={i}>{labels.yearCount(FIRST_YEAR + i, n, stacked.possible[i] ?? 0)}</li>)}
    </ul>
  ), [stacked, labels]);
  const [speed, setSpeed] = useState<PlaybackSpeed>('normal');
  const view: TimelineView = { mode, year, from };
  const playback = usePlayback(view, speed, onChange);
  if (playbackRef) playbackRef.current = playback;
  // Once per mount: a later change of the flag (the URL rewritten) must not restart playback.
  const autoplayed = useRef(false);
  useEffect(() => {
    if (!autoplay || autoplayed.current) return;
    autoplayed.current = true;
    playback.play();
  });
  const handleEls = useRef<Record<Handle, HTMLDivElement | null>>({ from: null, year: null });
  // The handle under the pointer and the range it has set, ahead of the next render.
  const drag = useRef<{ handle: Handle; from: number; year: number; pointerId: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const ids = useId();

  const win = windowYears(view);
  const height = countScale(stacked.max, PLOT_HEIGHT);
  const slotLeft = (y: number) => scale.x(y) - scale.step / 2;

  /** Moves the grabbed handle to the year under the pointer; returns the handle now grabbed. */
  const moveTo = (handle: Handle, clientX: number, rect: DOMRect, current: { from: number; year: number }) => {
    const target = scale.positionToYear(clientX - rect.left);
    if (mode !== 'range') {
      if (target !== current.year) onChange({ year: target });
      return { handle: 'year' as const, from: current.from, year: target };
    }
    const next = dragRangeHandle(current, handle, target);
    const patch: TimelinePatch = {};
    if (next.from !== current.from) patch.from = next.from;
    if (next.year !== current.year) patch.year = next.year;
    if (patch.from !== undefined || patch.year !== undefined) onChange(patch);
    return next;
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault(); // no text selection while dragging; focus is moved to the handle below
    playback.pause();
    const rect = e.currentTarget.getBoundingClientRect();
    const grabbed = (e.target as Element).closest?.('[data-handle]')?.getAttribute('data-handle');
    const target = scale.positionToYear(e.clientX - rect.left);
    const handle: Handle = mode !== 'range' ? 'year'
      : grabbed === 'from' || grabbed === 'year' ? grabbed : nearestHandle({ from, year }, target);
    const next = moveTo(handle, e.clientX, rect, { from, year });
    drag.current = { ...next, pointerId: e.pointerId };
    e.currentTarget.setPointerCapture?.(e.pointerId);
    setDragging(true);
    handleEls.current[next.handle]?.focus({ preventScroll: true });
  };

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const next = moveTo(d.handle, e.clientX, e.currentTarget.getBoundingClientRect(), d);
    if (next.handle !== d.handle) handleEls.current[next.handle]?.focus({ preventScroll: true });
    drag.current = { ...next, pointerId: e.pointerId };
  };

  const endDrag = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current?.pointerId !== e.pointerId) return;
    drag.current = null;
    setDragging(false);
  };

  const onKeyDown = (handle: Handle) => (e: KeyboardEvent<HTMLDivElement>) => {
    const value = handle === 'from' ? from : year;
    const { min, max } = handleBounds(view, handle);
    const next = keyToYear(e.key, value, min, max, rtl);
    if (next === null) return;
    e.preventDefault();
    playback.pause();
    if (next !== value) onChange(handle === 'from' ? { from: next } : { year: next });
  };

  const valueText = labels.valueText(year, mode, from);
  const slider = (handle: Handle) => {
    const value = handle === 'from' ? from : year;
    const { min, max } = handleBounds(view, handle);
    return (
      <div
        key={handle}
        ref={(el) => { handleEls.current[handle] = el; }}
        role="slider"
        tabIndex={0}
        className={`tl-handle tl-handle--${mode === 'range' ? handle : 'single'}`}
        data-handle={handle}
        aria-label={handle === 'from' ? labels.fromSliderLabel : labels.sliderLabel}
        aria-orientation="horizontal"
        aria-valuemin={min}
        aria-valuemax={max}
        aria-valuenow={value}
        aria-valuetext={valueText}
        style={{ height: HANDLE_HEIGHT, transform: `translateX(${scale.x(value)}px)` }}
        onKeyDown={onKeyDown(handle)}
      >
        <span className="tl-handle-line" style={{ top: PLOT_TOP - 2, height: PLOT_HEIGHT + 2 }} />
        <span className="tl-handle-knob" style={{ top: AXIS_Y - 7 }} />
        <span className="tl-handle-label">{value}</span>
      </div>
    );
  };

  const modeLabel: Record<TimelineMode, string> = { upto: labels.modeUpTo, in: labels.modeIn, range: labels.modeRange };
  const playable = canPlay(view);

  return (
    <div
      // No animation before the track is measured: the handle would glide in from the fallback width (and, on a phone, widen the page).
      className={`tl${reducedMotion || dragging || !measured ? '' : ' tl--animate'}`}
      lang={HTML_LANG[lang]}
      dir={rtl ? 'rtl' : 'ltr'}
    >
      <div className="tl-controls">
        <div className="tl-modes" role="group" aria-label={labels.modeGroup}>
          {MODES.map((m) => (
            <button key={m} type="button" className="tl-mode" aria-pressed={mode === m} onClick={() => onChange(switchMode(view, m))}>
              {modeLabel[m]}
            </button>
          ))}
        </div>
        <button
          type="button"
          className="tl-play"
          aria-label={playback.playing ? labels.pause : labels.play}
          title={playback.playing ? labels.pause : labels.play}
          disabled={!playable && !playback.playing}
          onClick={playback.toggle}
        >
          <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
            {playback.playing
              ? <path d="M2.5 1.5h3v11h-3zM8.5 1.5h3v11h-3z" />
              : <path d="M3 1.2v11.6L12.6 7z" />}
          </svg>
        </button>
        <span className="tl-speed">
          <label htmlFor={`${ids}-speed`}>{labels.speed}</label>
          <select id={`${ids}-speed`} value={speed} onChange={(e) => setSpeed(e.target.value as PlaybackSpeed)}>
            {PLAYBACK_SPEEDS.map((s) => <option key={s} value={s}>{labels.speeds[s]}</option>)}
          </select>
        </span>
      </div>

      <div className="tl-body">
        <div
          ref={trackRef}
          className={rtl ? 'tl-track tl-track--rtl' : 'tl-track'}
          // The track lays out its own years (see timelineScale's rtl): its boxes stay left to right.
          dir="ltr"
          style={{ height: TRACK_HEIGHT }}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          onLostPointerCapture={endDrag}
        >
          {yearList}
          <svg className="tl-svg" width={scale.width} height={TRACK_HEIGHT} aria-hidden="true" focusable="false">
            <rect
              className="tl-window"
              x={0}
              y={PLOT_TOP - 4}
              width={1}
              height={PLOT_HEIGHT + 4}
              style={{ transform: `translateX(${slotLeft(rtl ? win.last : win.first)}px) scaleX(${(win.last - win.first + 1) * scale.step})` }}
            />
            {stacked.layers.map((layer) => (
              <g key={layer.category} fill={CATEGORY_COLOR[layer.category]}>
                {layer.segments.map(([lo, hi], i) => {
                  const y = FIRST_YEAR + i;
                  if (hi <= lo) return null;
                  const out = y < win.first || y > win.last;
                  return (
                    <rect
                      key={y}
                      className={out ? 'tl-bar tl-bar--out' : 'tl-bar'}
                      x={scale.barX(y)}
                      y={AXIS_Y - height(hi)}
                      width={scale.bandwidth}
                      height={Math.max(1, height(hi) - height(lo))}
                    />
                  );
                })}
              </g>
            ))}
            <defs>
              <pattern id={`${ids}-hatch`} patternUnits="userSpaceOnUse" width="5" height="5" patternTransform="rotate(45)">
                <rect width="5" height="5" className="tl-hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="5" className="tl-hatch-line" />
              </pattern>
            </defs>
            {stacked.possible.map((p, i) => {
              if (p <= 0) return null;
              const y = FIRST_YEAR + i;
              const base = stacked.totals[i] ?? 0;
              const out = y < win.first || y > win.last;
              return (
                <rect
                  key={y}
                  className={out ? 'tl-bar tl-bar--possible tl-bar--out' : 'tl-bar tl-bar--possible'}
                  fill={`url(#${ids}-hatch)`}
                  x={scale.barX(y) + 0.5}
                  y={AXIS_Y - height(base + p) + 0.5}
                  width={Math.max(0, scale.bandwidth - 1)}
                  height={Math.max(1, height(base + p) - height(base) - 1)}
                />
              );
            })}
            <line className="tl-axis" x1={slotLeft(rtl ? LAST_YEAR : FIRST_YEAR)} x2={slotLeft(rtl ? FIRST_YEAR : LAST_YEAR) + scale.step} y1={AXIS_Y + 0.5} y2={AXIS_Y + 0.5} />
            {Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i).map((y) => (
              <line key={y} className="tl-tick" x1={scale.x(y)} x2={scale.x(y)} y1={AXIS_Y} y2={AXIS_Y + 4} />
            ))}
            {scale.ticks().map((y) => (
              <text key={y} className={y === year || (mode === 'range' && y === from) ? 'tl-year tl-year--current' : 'tl-year'} x={scale.x(y)} y={LABEL_Y} textAnchor="middle">
                {y}
              </text>
            ))}
          </svg>
          {mode === 'range' && slider('from')}
          {slider('year')}
        </div>

        <div className="tl-undated" title={labels.undatedHint}>
          <span className="tl-undated-count">{labels.undatedCount(undated)}</span>
          <label className="tl-undated-toggle">
            <input
              type="checkbox"
              checked={includeUndated && undated > 0}
              disabled={undated === 0}
              aria-describedby={`${ids}-hint`}
              onChange={(e) => onChange({ includeUndated: e.target.checked })}
            />
            <span>{labels.undatedToggle(undated)}</span>
          </label>
          <span id={`${ids}-hint`} className="tl-visually-hidden">{labels.undatedHint}</span>
          {planned > 0 && (
            <label className="tl-undated-toggle" title={labels.plannedHint}>
              <input
                type="checkbox"
                checked={includePlanned}
                aria-describedby={`${ids}-planned-hint`}
                onChange={(e) => onChange({ includePlanned: e.target.checked })}
              />
              <span>{labels.plannedToggle(planned)}</span>
            </label>
          )}
          <span id={`${ids}-planned-hint`} className="tl-visually-hidden">{labels.plannedHint}</span>
          <span className="tl-possible-key" aria-hidden="true">
            <svg width="14" height="10"><rect x="0.5" y="0.5" width="13" height="9" fill={`url(#${ids}-hatch)`} className="tl-bar--possible" /></svg>
            {labels.possibleKey}
          </span>
        </div>
      </div>
    </div>
  );
}
