import { describe, expect, it } from 'vitest';
import { LINK_TYPES, YEAR_COUNT } from '../../src/domain/aggregate.ts';
import type { LinkType } from '../../src/domain/schema.ts';
import {
  PAGE_STEP, SPEED_MS, TRACK_MARGIN, canPlay, clampYear, countScale, dragRangeHandle, handleBounds, keyToYear,
  nearestHandle, nextPlaybackYear, playbackReducer, playbackStart, stackHistogram, step, switchMode, timelineScale,
  total, windowYears, type PlaybackState,
} from '../../src/timeline/timeline-model.ts';

const YEARS = Array.from({ length: 11 }, (_, i) => 2015 + i);

describe('year ↔ position', () => {
  it.each([320, 390, 768, 1280, 1920])('round-trips every year at %i px', (width) => {
    const s = timelineScale(width);
    for (const y of YEARS) expect(s.positionToYear(s.x(y))).toBe(y);
    // Handles are in order, evenly spaced, inside the track.
    for (const y of YEARS.slice(1)) expect(s.x(y) - s.x(y - 1)).toBeCloseTo(s.step, 9);
    expect(s.x(2015)).toBeGreaterThan(0);
    expect(s.x(2025)).toBeLessThan(width);
  });

  it('tiles the track into eleven equal slots with the bar centred in each', () => {
    const s = timelineScale(1280);
    const slot = (1280 - TRACK_MARGIN.left - TRACK_MARGIN.right) / 11;
    expect(s.step).toBeCloseTo(slot, 9);
    expect(s.x(2015)).toBeCloseTo(TRACK_MARGIN.left + slot / 2, 9);
    expect(s.x(2025)).toBeCloseTo(1280 - TRACK_MARGIN.right - slot / 2, 9);
    expect(s.bandwidth).toBeCloseTo(slot * 0.75, 9);
    expect(s.barX(2019) + s.bandwidth / 2).toBeCloseTo(s.x(2019), 9);
    // Slot boundaries: the left edge belongs to the slot, the right edge to the next one.
    expect(s.positionToYear(TRACK_MARGIN.left)).toBe(2015);
    expect(s.positionToYear(TRACK_MARGIN.left + slot - 0.01)).toBe(2015);
    expect(s.positionToYear(TRACK_MARGIN.left + slot)).toBe(2016);
    expect(s.positionToYear(TRACK_MARGIN.left + 4.5 * slot)).toBe(2019);
  });

  it('clamps positions and years outside the axis', () => {
    const s = timelineScale(800);
    expect(s.positionToYear(-1000)).toBe(2015);
    expect(s.positionToYear(0)).toBe(2015);
    expect(s.positionToYear(799)).toBe(2025);
    expect(s.positionToYear(100_000)).toBe(2025);
    expect(s.x(1990)).toBe(s.x(2015));
    expect(s.x(2099)).toBe(s.x(2025));
    expect(clampYear(2014)).toBe(2015);
    expect(clampYear(2026)).toBe(2025);
    expect(clampYear(2019.6)).toBe(2020);
  });

  it('survives a zero or tiny width without NaN', () => {
    const s = timelineScale(0);
    for (const y of YEARS) expect(Number.isFinite(s.x(y))).toBe(true);
    expect(s.positionToYear(s.x(2020))).toBe(2020);
  });

  it('labels every year when wide and fewer, round years when narrow', () => {
    expect(timelineScale(1280).ticks()).toEqual(YEARS);
    expect(timelineScale(1920).ticks()).toEqual(YEARS);
    expect(timelineScale(390).ticks()).toEqual([2016, 2018, 2020, 2022, 2024]);
    expect(timelineScale(320).ticks()).toEqual([2016, 2018, 2020, 2022, 2024]);
    expect(timelineScale(200).ticks()).toEqual([2015, 2020, 2025]);
    // Never more labels than fit at ~44 px each.
    for (const w of [320, 390, 480, 600]) {
      const inner = w - TRACK_MARGIN.left - TRACK_MARGIN.right;
      expect(timelineScale(w).ticks().length).toBeLessThanOrEqual(Math.floor(inner / 44));
    }
  });
});

describe('step and keyboard', () => {
  it('steps and clamps to 2015..2025', () => {
    expect(step(2019, 1)).toBe(2020);
    expect(step(2019, -3)).toBe(2016);
    expect(step(2024, 3)).toBe(2025);
    expect(step(2016, -5)).toBe(2015);
  });

  it('maps every slider key (WAI-ARIA), PageUp/PageDown by three years', () => {
    expect(PAGE_STEP).toBe(3);
    expect(keyToYear('ArrowLeft', 2019)).toBe(2018);
    expect(keyToYear('ArrowDown', 2019)).toBe(2018);
    expect(keyToYear('ArrowRight', 2019)).toBe(2020);
    expect(keyToYear('ArrowUp', 2019)).toBe(2020);
    expect(keyToYear('PageDown', 2019)).toBe(2016);
    expect(keyToYear('PageUp', 2019)).toBe(2022);
    expect(keyToYear('Home', 2019)).toBe(2015);
    expect(keyToYear('End', 2019)).toBe(2025);
  });

  it('clamps keys at the ends', () => {
    expect(keyToYear('ArrowLeft', 2015)).toBe(2015);
    expect(keyToYear('PageDown', 2016)).toBe(2015);
    expect(keyToYear('ArrowRight', 2025)).toBe(2025);
    expect(keyToYear('PageUp', 2024)).toBe(2025);
  });

  it('returns null for keys that are not slider keys', () => {
    for (const key of ['Enter', ' ', 'Tab', 'Escape', 'a', '1', 'Shift']) expect(keyToYear(key, 2019)).toBeNull();
  });

  it('honours narrower bounds (a range handle stops at the other one)', () => {
    expect(keyToYear('ArrowRight', 2019, 2015, 2019)).toBe(2019);
    expect(keyToYear('End', 2017, 2015, 2019)).toBe(2019);
    expect(keyToYear('Home', 2022, 2018, 2025)).toBe(2018);
    expect(keyToYear('PageDown', 2019, 2018, 2025)).toBe(2018);
  });
});

describe('window and range handles', () => {
  it('covers the right years in each mode', () => {
    expect(windowYears({ mode: 'upto', year: 2019, from: 2017 })).toEqual({ first: 2015, last: 2019 });
    expect(windowYears({ mode: 'in', year: 2019, from: 2017 })).toEqual({ first: 2019, last: 2019 });
    expect(windowYears({ mode: 'range', year: 2019, from: 2017 })).toEqual({ first: 2017, last: 2019 });
  });

  it('bounds each range handle by the other, and single handles by the axis', () => {
    expect(handleBounds({ mode: 'range', year: 2020, from: 2017 }, 'from')).toEqual({ min: 2015, max: 2020 });
    expect(handleBounds({ mode: 'range', year: 2020, from: 2017 }, 'year')).toEqual({ min: 2017, max: 2025 });
    expect(handleBounds({ mode: 'upto', year: 2020, from: 2017 }, 'year')).toEqual({ min: 2015, max: 2025 });
  });

  it('moves a handle within the range', () => {
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'from', 2016)).toEqual({ from: 2016, year: 2020, handle: 'from' });
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'year', 2023)).toEqual({ from: 2017, year: 2023, handle: 'year' });
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'from', 2020)).toEqual({ from: 2020, year: 2020, handle: 'from' });
  });

  it('swaps roles when a handle is dragged past the other, so from ≤ year', () => {
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'from', 2022)).toEqual({ from: 2020, year: 2022, handle: 'year' });
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'year', 2016)).toEqual({ from: 2016, year: 2017, handle: 'from' });
    // Dragging on after the swap keeps working from the new role.
    const swapped = dragRangeHandle({ from: 2017, year: 2020 }, 'from', 2022);
    expect(dragRangeHandle(swapped, swapped.handle, 2024)).toEqual({ from: 2020, year: 2024, handle: 'year' });
    expect(dragRangeHandle({ from: 2017, year: 2020 }, 'year', 1999)).toEqual({ from: 2015, year: 2017, handle: 'from' });
  });

  it('grabs the nearer handle, or on a tie the one on that side', () => {
    expect(nearestHandle({ from: 2017, year: 2021 }, 2016)).toBe('from');
    expect(nearestHandle({ from: 2017, year: 2021 }, 2020)).toBe('year');
    expect(nearestHandle({ from: 2017, year: 2021 }, 2019)).toBe('from');
    expect(nearestHandle({ from: 2019, year: 2019 }, 2017)).toBe('from');
    expect(nearestHandle({ from: 2019, year: 2019 }, 2022)).toBe('year');
    expect(nearestHandle({ from: 2019, year: 2019 }, 2019)).toBe('year');
  });

  it('keeps from ≤ year when switching to range mode', () => {
    expect(switchMode({ mode: 'upto', year: 2018, from: 2021 }, 'range')).toEqual({ mode: 'range', from: 2018 });
    expect(switchMode({ mode: 'upto', year: 2022, from: 2016 }, 'range')).toEqual({ mode: 'range' });
    expect(switchMode({ mode: 'range', year: 2022, from: 2016 }, 'in')).toEqual({ mode: 'in' });
  });
});

describe('playback', () => {
  const st = (s: Partial<PlaybackState>): PlaybackState => ({ mode: 'upto', year: 2019, from: 2015, playing: false, ...s });

  it('has three speeds, slower is longer', () => {
    expect(SPEED_MS).toEqual({ slow: 1600, normal: 900, fast: 450 });
  });

  it('advances one year per tick and stops on 2025', () => {
    let s = playbackReducer(st({ year: 2023 }), { type: 'play' });
    expect(s).toEqual(st({ year: 2023, playing: true }));
    s = playbackReducer(s, { type: 'tick' });
    expect(s).toEqual(st({ year: 2024, playing: true }));
    s = playbackReducer(s, { type: 'tick' });
    expect(s).toEqual(st({ year: 2025, playing: false }));
    // Further ticks do nothing: it does not wrap around.
    expect(playbackReducer(s, { type: 'tick' })).toEqual(s);
    expect(nextPlaybackYear({ mode: 'upto', year: 2025, from: 2015 })).toBeNull();
  });

  it('plays the whole axis in ten ticks from the start', () => {
    let s = playbackReducer(st({ mode: 'in', year: 2015 }), { type: 'play' });
    const seen = [s.year];
    let ticks = 0;
    while (s.playing && ticks < 50) {
      s = playbackReducer(s, { type: 'tick' });
      seen.push(s.year);
      ticks++;
    }
    expect(ticks).toBe(10);
    expect(seen).toEqual(YEARS);
    expect(s.playing).toBe(false);
  });

  it('restarts from 2015 when play is pressed at the end', () => {
    expect(playbackReducer(st({ year: 2025 }), { type: 'play' })).toEqual(st({ year: 2015, playing: true }));
    expect(playbackReducer(st({ mode: 'in', year: 2025 }), { type: 'play' })).toEqual(st({ mode: 'in', year: 2015, playing: true }));
  });

  it('slides a range along, keeping its width, and restarts it at 2015', () => {
    expect(nextPlaybackYear({ mode: 'range', year: 2019, from: 2017 })).toEqual({ year: 2020, from: 2018 });
    const s = playbackReducer(st({ mode: 'range', year: 2025, from: 2022 }), { type: 'play' });
    expect(s).toEqual(st({ mode: 'range', year: 2018, from: 2015, playing: true }));
    expect(playbackReducer(s, { type: 'tick' })).toEqual(st({ mode: 'range', year: 2019, from: 2016, playing: true }));
    expect(playbackStart({ mode: 'range', year: 2021, from: 2019 })).toEqual({ year: 2021, from: 2019 });
  });

  it('cannot play a range that already spans every year', () => {
    expect(canPlay({ mode: 'range', year: 2025, from: 2015 })).toBe(false);
    expect(canPlay({ mode: 'range', year: 2024, from: 2015 })).toBe(true);
    expect(canPlay({ mode: 'upto', year: 2025, from: 2015 })).toBe(true);
    const full = st({ mode: 'range', year: 2025, from: 2015 });
    expect(playbackReducer(full, { type: 'play' })).toEqual(full);
  });

  it('pauses, toggles, and ignores ticks while paused', () => {
    const playing = st({ year: 2018, playing: true });
    expect(playbackReducer(playing, { type: 'pause' })).toEqual(st({ year: 2018 }));
    expect(playbackReducer(playing, { type: 'toggle' })).toEqual(st({ year: 2018 }));
    expect(playbackReducer(st({ year: 2018 }), { type: 'toggle' })).toEqual(playing);
    expect(playbackReducer(st({ year: 2018 }), { type: 'tick' })).toEqual(st({ year: 2018 }));
    expect(playbackReducer(playing, { type: 'play' })).toBe(playing);
  });
});

describe('histogram stacking', () => {
  const T = LINK_TYPES.length;
  const at = (h: Uint32Array, year: number, type: LinkType, n: number) => {
    h[(year - 2015) * T + LINK_TYPES.indexOf(type)] = n;
  };
  const fixture = () => {
    const h = new Uint32Array(YEAR_COUNT * T);
    at(h, 2015, 'training', 2);
    at(h, 2015, 'agreement', 1);
    at(h, 2015, 'alliance', 3); // agreement category too
    at(h, 2020, 'remote-surgery', 5); // clinical
    at(h, 2020, 'tcm', 4);
    at(h, 2020, 'industry', 1); // other
    at(h, 2025, 'conference', 7); // exchange
    return h;
  };

  it('sums types into categories and stacks them bottom-up in CATEGORIES order', () => {
    const s = stackHistogram(fixture());
    expect(s.layers.map((l) => l.category)).toEqual(['training', 'agreement', 'clinical', 'exchange', 'tcm', 'public-health', 'other']);
    const seg = (c: string, year: number) => s.layers.find((l) => l.category === c)!.segments[year - 2015];
    expect(seg('training', 2015)).toEqual([0, 2]);
    expect(seg('agreement', 2015)).toEqual([2, 6]);
    expect(seg('clinical', 2020)).toEqual([0, 5]);
    expect(seg('exchange', 2020)).toEqual([5, 5]);
    expect(seg('tcm', 2020)).toEqual([5, 9]);
    expect(seg('other', 2020)).toEqual([9, 10]);
    expect(seg('exchange', 2025)).toEqual([0, 7]);
    expect(seg('training', 2019)).toEqual([0, 0]);
  });

  it('tops every year at its total and keeps every link', () => {
    const h = fixture();
    const s = stackHistogram(h);
    expect(s.totals).toEqual([6, 0, 0, 0, 0, 10, 0, 0, 0, 0, 7]);
    expect(s.max).toBe(10);
    const top = s.layers[s.layers.length - 1]!;
    s.totals.forEach((t, i) => expect(top.segments[i]![1]).toBe(t));
    const stacked = s.layers.reduce((sum, l) => sum + l.segments.reduce((a, [lo, hi]) => a + hi - lo, 0), 0);
    expect(stacked).toBe(total(h));
    expect(stacked).toBe(23);
  });

  it('handles an empty histogram', () => {
    const s = stackHistogram(new Uint32Array(YEAR_COUNT * T));
    expect(s.max).toBe(0);
    expect(s.totals.every((t) => t === 0)).toBe(true);
    expect(countScale(s.max, 50)(0)).toBe(0);
  });

  it('scales counts to bar heights, the tallest year filling the plot', () => {
    const h = countScale(10, 50);
    expect(h(10)).toBe(50);
    expect(h(5)).toBe(25);
    expect(h(0)).toBe(0);
  });

  it('totals per-type counts', () => {
    expect(total(new Uint32Array([1, 2, 3, 0]))).toBe(6);
    expect(total(new Uint32Array(0))).toBe(0);
  });
});
