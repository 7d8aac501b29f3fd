// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LINK_TYPES, YEAR_COUNT } from '../../src/domain/aggregate.ts';
import type { LinkType } from '../../src/domain/schema.ts';
import { Timeline, type TimelineLabels, type TimelineProps } from '../../src/timeline/Timeline.tsx';
import { TRACK_MARGIN } from '../../src/timeline/timeline-model.ts';
import type { TimelineMode } from '../../src/url/view-state.ts';

const labels: TimelineLabels = {
  sliderLabel: 'Year',
  fromSliderLabel: 'First year of the range',
  valueText: (year, mode, from) => (mode === 'upto' ? `up to ${year}` : mode === 'in' ? `${year}` : `${from} to ${year}`),
  modeGroup: 'Show links',
  modeUpTo: 'Up to year',
  modeIn: 'In year',
  modeRange: 'Range',
  play: 'Play',
  pause: 'Pause',
  speed: 'Speed',
  speeds: { slow: 'Slow', normal: 'Normal', fast: 'Fast' },
  undatedCount: (n) => `Undated: ${n} links`,
  undatedToggle: (n) => `Include ${n} undated links`,
  undatedHint: 'Links whose source gives no single year.',
  histogramLabel: 'Links per year, by kind of cooperation',
  yearCount: (year, count, possible) => `${year}: ${count} links${possible ? `, ${possible} more possibly` : ''}`,
  possibleKey: 'possibly in the year',
  plannedToggle: (n) => `Include ${n} planned links`,
  plannedHint: 'Announced or intended only.',
};

const T = LINK_TYPES.length;
function histogram(): Uint32Array {
  const h = new Uint32Array(YEAR_COUNT * T);
  const at = (year: number, type: LinkType) => (year - 2015) * T + LINK_TYPES.indexOf(type);
  h[at(2015, 'training')] = 2;
  h[at(2015, 'agreement')] = 3;
  h[at(2019, 'tcm')] = 1;
  return h;
}
function undated(n: number): Uint32Array {
  const u = new Uint32Array(T);
  u[0] = n - 2 > 0 ? n - 2 : n;
  if (n - 2 > 0) u[3] = 2;
  return u;
}

function setup(over: Partial<TimelineProps> = {}) {
  const onChange = vi.fn();
  const props: TimelineProps = {
    histogram: histogram(), undatedByType: undated(12), mode: 'upto', year: 2019, from: 2015,
    includeUndated: false, lang: 'en', labels, reducedMotion: false, onChange, ...over,
  };
  const r = render(<Timeline {...props} />);
  return { ...r, onChange, props };
}

/** Holds the view like the app does, so sequences of keys and ticks can be followed. */
function Controlled(init: { mode: TimelineMode; year: number; from: number }) {
  const [v, setV] = useState({ ...init, includeUndated: false });
  return (
    <Timeline
      histogram={histogram()} undatedByType={undated(12)} {...v} lang="en" labels={labels} reducedMotion
      onChange={(p) => setV((old) => ({ ...old, ...p }))}
    />
  );
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('year slider', () => {
  it('exposes the WAI-ARIA slider attributes', () => {
    setup();
    const slider = screen.getByRole('slider', { name: 'Year' });
    expect(slider.getAttribute('tabindex')).toBe('0');
    expect(slider.getAttribute('aria-valuemin')).toBe('2015');
    expect(slider.getAttribute('aria-valuemax')).toBe('2025');
    expect(slider.getAttribute('aria-valuenow')).toBe('2019');
    expect(slider.getAttribute('aria-valuetext')).toBe('up to 2019');
    expect(screen.queryByRole('slider', { name: 'First year of the range' })).toBeNull();
  });

  it.each([
    ['ArrowLeft', 2018], ['ArrowDown', 2018], ['ArrowRight', 2020], ['ArrowUp', 2020],
    ['PageDown', 2016], ['PageUp', 2022], ['Home', 2015], ['End', 2025],
  ])('%s moves the year to %i', (key, expected) => {
    const { onChange } = setup();
    fireEvent.keyDown(screen.getByRole('slider', { name: 'Year' }), { key });
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenCalledWith({ year: expected });
  });

  it('ignores other keys and does not report a move past the end', () => {
    const { onChange } = setup({ year: 2025 });
    const slider = screen.getByRole('slider', { name: 'Year' });
    fireEvent.keyDown(slider, { key: 'a' });
    fireEvent.keyDown(slider, { key: 'Enter' });
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    fireEvent.keyDown(slider, { key: 'End' });
    expect(onChange).not.toHaveBeenCalled();
  });

  it('follows a sequence of keys when the view is held by the parent', () => {
    render(<Controlled mode="in" year={2025} from={2015} />);
    const slider = screen.getByRole('slider', { name: 'Year' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2023');
    expect(slider.getAttribute('aria-valuetext')).toBe('2023');
    fireEvent.keyDown(slider, { key: 'PageDown' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2020');
  });

  it('says "in" and "range" in its value text', () => {
    setup({ mode: 'in', year: 2021 });
    expect(screen.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuetext')).toBe('2021');
  });

  it('jumps to the year under a click on the track', () => {
    const { onChange, container } = setup({ year: 2019 });
    const track = container.querySelector('.tl-track') as HTMLElement;
    // jsdom has no layout: the track is 640 px wide (the fallback) at the page's left edge.
    track.getBoundingClientRect = () => ({ left: 0, top: 0, right: 640, bottom: 104, width: 640, height: 104, x: 0, y: 0, toJSON: () => ({}) });
    const slot = (640 - TRACK_MARGIN.left - TRACK_MARGIN.right) / 11;
    fireEvent.pointerDown(track, { button: 0, pointerId: 1, clientX: TRACK_MARGIN.left + 7.5 * slot });
    expect(onChange).toHaveBeenCalledWith({ year: 2022 });
  });
});

describe('range mode', () => {
  it('shows two sliders, each stopping at the other', () => {
    const { onChange } = setup({ mode: 'range', from: 2016, year: 2019 });
    const fromSlider = screen.getByRole('slider', { name: 'First year of the range' });
    const yearSlider = screen.getByRole('slider', { name: 'Year' });
    expect(fromSlider.getAttribute('aria-valuenow')).toBe('2016');
    expect(fromSlider.getAttribute('aria-valuemin')).toBe('2015');
    expect(fromSlider.getAttribute('aria-valuemax')).toBe('2019');
    expect(fromSlider.getAttribute('aria-valuetext')).toBe('2016 to 2019');
    expect(yearSlider.getAttribute('aria-valuemin')).toBe('2016');
    expect(yearSlider.getAttribute('aria-valuemax')).toBe('2025');
    fireEvent.keyDown(fromSlider, { key: 'End' });
    expect(onChange).toHaveBeenLastCalledWith({ from: 2019 });
    fireEvent.keyDown(yearSlider, { key: 'Home' });
    expect(onChange).toHaveBeenLastCalledWith({ year: 2016 });
    fireEvent.keyDown(fromSlider, { key: 'ArrowLeft' });
    expect(onChange).toHaveBeenLastCalledWith({ from: 2015 });
  });

  it('never lets the first year pass the last with the keyboard', () => {
    render(<Controlled mode="range" year={2018} from={2017} />);
    const fromSlider = screen.getByRole('slider', { name: 'First year of the range' });
    for (let i = 0; i < 4; i++) fireEvent.keyDown(fromSlider, { key: 'ArrowRight' });
    expect(fromSlider.getAttribute('aria-valuenow')).toBe('2018');
    expect(screen.getByRole('slider', { name: 'Year' }).getAttribute('aria-valuenow')).toBe('2018');
  });
});

describe('mode switch', () => {
  it('shows the current mode pressed and reports the one clicked', () => {
    const { onChange } = setup({ mode: 'upto' });
    const group = screen.getByRole('group', { name: 'Show links' });
    const buttons = within(group).getAllByRole('button');
    expect(buttons.map((b) => b.textContent)).toEqual(['Up to year', 'In year', 'Range']);
    expect(buttons.map((b) => b.getAttribute('aria-pressed'))).toEqual(['true', 'false', 'false']);
    fireEvent.click(screen.getByRole('button', { name: 'In year' }));
    expect(onChange).toHaveBeenCalledWith({ mode: 'in' });
  });

  it('entering range mode keeps from ≤ year', () => {
    const { onChange } = setup({ mode: 'in', year: 2017, from: 2020 });
    fireEvent.click(screen.getByRole('button', { name: 'Range' }));
    expect(onChange).toHaveBeenCalledWith({ mode: 'range', from: 2017 });
  });
});

describe('undated links', () => {
  it('counts them and toggles their inclusion', () => {
    const { onChange } = setup({ undatedByType: undated(12) });
    expect(screen.getByText('Undated: 12 links')).toBeTruthy();
    const box = screen.getByRole('checkbox', { name: 'Include 12 undated links' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.disabled).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(labels.undatedHint);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ includeUndated: true });
  });

  it('shows a checked box when included, and unticking reports false', () => {
    const { onChange } = setup({ includeUndated: true });
    const box = screen.getByRole('checkbox') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    expect(onChange).toHaveBeenCalledWith({ includeUndated: false });
  });

  it('disables the toggle when there are none', () => {
    setup({ undatedByType: new Uint32Array(T) });
    expect(screen.getByText('Undated: 0 links')).toBeTruthy();
    expect((screen.getByRole('checkbox') as HTMLInputElement).disabled).toBe(true);
  });
});

describe('histogram', () => {
  it('draws one bar segment per non-empty (year, category), dimming years outside the window', () => {
    const { container } = setup({ mode: 'in', year: 2019 });
    // The bars are drawn for the eye; their numbers are a list for screen readers.
    const years = screen.getByRole('list', { name: labels.histogramLabel });
    expect(years.querySelectorAll('li')).toHaveLength(11);
    expect(years.querySelector('li')?.textContent).toBe('2015: 5 links');
    const bars = [...container.querySelectorAll('rect.tl-bar')];
    // 2015: training + agreement; 2019: tcm.
    expect(bars).toHaveLength(3);
    expect(bars.filter((b) => b.classList.contains('tl-bar--out'))).toHaveLength(2);
    expect(bars.map((b) => b.parentElement!.getAttribute('fill')).sort()).toEqual(['#0072B2', '#009E73', '#E69F00']);
  });

  it('stacks the links only possibly in a year on top, hatched, and says them apart', () => {
    const possible = new Uint32Array(YEAR_COUNT);
    possible[2] = 4; // 2017
    possible[0] = 1; // 2015
    const { container } = setup({ possibleByYear: possible });
    const hatched = [...container.querySelectorAll('rect.tl-bar--possible')].filter((r) => r.closest('.tl-track'));
    expect(hatched).toHaveLength(2);
    expect(hatched.every((r) => (r.getAttribute('fill') ?? '').startsWith('url(#'))).toBe(true);
    const items = [...screen.getByRole('list', { name: labels.histogramLabel }).querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toBe('2015: 5 links, 1 more possibly');
    expect(items[2]).toBe('2017: 0 links, 4 more possibly');
  });
});

describe('planned links', () => {
  it('offers a toggle only when there are planned links, and reports it', () => {
    const { onChange } = setup({ planned: 3 });
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include 3 planned links' }));
    expect(onChange).toHaveBeenCalledWith({ includePlanned: true });
    cleanup();
    setup({ planned: 0 });
    expect(screen.queryByRole('checkbox', { name: /planned/ })).toBeNull();
  });
});

describe('playback', () => {
  it('advances one year per tick at the chosen speed and stops at 2025', () => {
    vi.useFakeTimers();
    render(<Controlled mode="upto" year={2023} from={2015} />);
    const slider = screen.getByRole('slider', { name: 'Year' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Speed' }), { target: { value: 'fast' } });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    act(() => { vi.advanceTimersByTime(449); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2023');
    act(() => { vi.advanceTimersByTime(1); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2024');
    act(() => { vi.advanceTimersByTime(450); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2025');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    act(() => { vi.advanceTimersByTime(5000); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2025');
  });

  it('restarts from 2015 when played at the end, and pauses on a key press', () => {
    vi.useFakeTimers();
    render(<Controlled mode="in" year={2025} from={2015} />);
    const slider = screen.getByRole('slider', { name: 'Year' });
    fireEvent.click(screen.getByRole('button', { name: 'Play' }));
    expect(slider.getAttribute('aria-valuenow')).toBe('2015');
    act(() => { vi.advanceTimersByTime(900); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2016');
    fireEvent.keyDown(slider, { key: 'ArrowRight' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2017');
    expect(screen.getByRole('button', { name: 'Play' })).toBeTruthy();
    act(() => { vi.advanceTimersByTime(5000); });
    expect(slider.getAttribute('aria-valuenow')).toBe('2017');
  });

  it('disables play for a range that spans every year', () => {
    setup({ mode: 'range', from: 2015, year: 2025 });
    expect((screen.getByRole('button', { name: 'Play' }) as HTMLButtonElement).disabled).toBe(true);
  });
});
