import { describe, expect, it } from 'vitest';
import { placeLabels, wrapBalanced, wrapText } from '../../src/map/label-placement.ts';

const perChar = (s: string) => s.length * 6;

describe('label placement', () => {
  it('places labels in priority order and skips one that would overlap', () => {
    const boxes = placeLabels([
      { at: [[10, 10]], w: 50, h: 12 },
      { at: [[30, 12]], w: 50, h: 12 },
      { at: [[200, 10]], w: 50, h: 12 },
    ], 400, 300);
    expect(boxes[0]).toEqual({ x: 10, y: 10, w: 50, h: 12 });
    expect(boxes[1]).toBeNull();
    expect(boxes[2]).not.toBeNull();
  });

  it('falls back to the next candidate position when the first collides', () => {
    const boxes = placeLabels([
      { at: [[10, 10]], w: 50, h: 12 },
      { at: [[30, 12], [30, 40]], w: 50, h: 12 },
    ], 400, 300);
    expect(boxes[1]).toEqual({ x: 30, y: 40, w: 50, h: 12 });
  });

  it('keeps labels inside the view and clear of obstacles', () => {
    const boxes = placeLabels([{ at: [[-5, 10]], w: 50, h: 12 }, { at: [[360, 0]], w: 30, h: 12 }], 400, 300, [{ x: 350, y: 0, w: 50, h: 70 }]);
    expect(boxes).toEqual([null, null]);
  });
});

describe('label wrapping', () => {
  it('breaks long names at spaces within the width', () => {
    const lines = wrapText('22 Arab-speaking countries (not named in the source)', 120, perChar);
    expect(lines.join(' ')).toBe('22 Arab-speaking countries (not named in the source)');
    for (const l of lines) expect(perChar(l)).toBeLessThanOrEqual(120);
  });

  it('breaks Chinese between characters', () => {
    const lines = wrapText('22个阿拉伯语国家（原文未列名）', 60, perChar);
    expect(lines.join('')).toBe('22个阿拉伯语国家（原文未列名）');
    expect(lines.length).toBeGreaterThan(1);
  });

  it('balances lines rather than leaving one word alone on the last', () => {
    const text = 'Middle East and Arab-speaking regions (countries not named)';
    const greedy = wrapText(text, 150, perChar), balanced = wrapBalanced(text, 150, perChar);
    expect(balanced).toHaveLength(greedy.length);
    const spread = (ls: string[]) => Math.max(...ls.map((l) => l.length)) - Math.min(...ls.map((l) => l.length));
    expect(spread(balanced)).toBeLessThanOrEqual(spread(greedy));
    expect(wrapBalanced('Mali', 150, perChar)).toEqual(['Mali']);
  });
});
