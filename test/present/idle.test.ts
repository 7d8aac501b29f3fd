import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from '../../src/present/idle.ts';

describe('IdleTimer', () => {
  beforeEach(() => { vi.useFakeTimers(); });
  afterEach(() => { vi.useRealTimers(); });
  const clock = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id: number) => clearTimeout(id) };

  it('hides after the delay and shows again on activity', () => {
    const seen: boolean[] = [];
    const t = new IdleTimer(3000, (idle) => seen.push(idle), clock);
    vi.advanceTimersByTime(2999);
    expect(t.isIdle).toBe(false);
    vi.advanceTimersByTime(1);
    expect(t.isIdle).toBe(true);
    t.activity();
    expect(t.isIdle).toBe(false);
    vi.advanceTimersByTime(2000);
    t.activity(); // activity restarts the count
    vi.advanceTimersByTime(2000);
    expect(t.isIdle).toBe(false);
    vi.advanceTimersByTime(1000);
    expect(t.isIdle).toBe(true);
    expect(seen).toEqual([true, false, true]);
    t.dispose();
  });

  it('never hides while held (focus inside the controls), and counts again once let go', () => {
    const t = new IdleTimer(3000, () => undefined, clock);
    vi.advanceTimersByTime(3000);
    expect(t.isIdle).toBe(true);
    t.hold(true);
    expect(t.isIdle).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(t.isIdle).toBe(false);
    t.hold(false);
    vi.advanceTimersByTime(2999);
    expect(t.isIdle).toBe(false);
    vi.advanceTimersByTime(1);
    expect(t.isIdle).toBe(true);
    t.dispose();
  });

  it('does nothing after dispose', () => {
    const seen: boolean[] = [];
    const t = new IdleTimer(1000, (idle) => seen.push(idle), clock);
    t.dispose();
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([]);
  });
});
