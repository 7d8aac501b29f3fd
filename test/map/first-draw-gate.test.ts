import { afterEach, describe, expect, it, vi } from 'vitest';
import { FIRST_DRAW_WAIT_MS, FirstDrawGate } from '../../src/map/first-draw-gate.ts';

const fakeMap = (loaded: () => boolean) => ({ loaded, triggerRepaint: vi.fn() });

describe('FirstDrawGate', () => {
  afterEach(() => { vi.useRealTimers(); });

  it('holds a layer back until the map has loaded, then lets it draw in every frame', () => {
    let loaded = false;
    const map = fakeMap(() => loaded);
    const gate = new FirstDrawGate();
    expect(gate.allows(map)).toBe(false);
    expect(gate.allows(map)).toBe(false);
    loaded = true;
    expect(gate.allows(map)).toBe(true);
    // Panning later loads tiles again: the layer keeps drawing.
    loaded = false;
    expect(gate.allows(map)).toBe(true);
  });

  it('draws anyway after the wait when the map never says it has loaded, and asks for that frame', () => {
    vi.useFakeTimers();
    const map = fakeMap(() => false);
    const gate = new FirstDrawGate();
    expect(gate.allows(map)).toBe(false);
    vi.advanceTimersByTime(FIRST_DRAW_WAIT_MS - 1);
    expect(gate.allows(map)).toBe(false);
    expect(map.triggerRepaint).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(map.triggerRepaint).toHaveBeenCalledTimes(1);
    expect(gate.allows(map)).toBe(true);
  });

  it('forgets its timer when disposed', () => {
    vi.useFakeTimers();
    const map = fakeMap(() => false);
    const gate = new FirstDrawGate();
    gate.allows(map);
    gate.dispose();
    vi.advanceTimersByTime(FIRST_DRAW_WAIT_MS * 2);
    expect(map.triggerRepaint).not.toHaveBeenCalled();
  });
});
