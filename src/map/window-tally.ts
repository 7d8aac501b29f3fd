/**
 * What the map needs of a window's counts, per key of a code table (aggregate.ts): the links
 * *certain* in the window, and the *other* links it draws — possible ones, plus undated and
 * planned ones when their toggles are on. The same numbers as `tallyAll` (certain; possible +
 * undated·includeUndated + planned·includePlanned), read from the table's tracked tallies
 * (window-tallies.ts), so a year step pays for the entries whose presence it changes, not for
 * every entry. Allocation-free once the output exists. Pure: tested in Node against tallyAll.
 */
import type { CodeCounts, YearWindow } from '../domain/aggregate.ts';
import { windowTallies } from '../domain/window-tallies.ts';

/** Per key: links certain in the window, and the other links it draws. */
export interface ShownTallies {
  certain: Uint32Array;
  other: Uint32Array;
}

export function emptyShownTallies(n: number): ShownTallies {
  return { certain: new Uint32Array(n), other: new Uint32Array(n) };
}

/**
 * Every key's certain and other drawn links in the window, into `out` (one entry per key of `e`).
 * O(keys) over the table's tracked tallies, which a step updates for the entries it changes.
 */
export function shownTallies(e: CodeCounts, w: YearWindow, out: ShownTallies): ShownTallies {
  const t = windowTallies(e, w);
  const undated = w.includeUndated ? 1 : 0, planned = w.includePlanned ? 1 : 0;
  const { certain, other } = out;
  for (let i = 0; i < e.size; i++) {
    certain[i] = t.certain[i] as number;
    other[i] = (t.possible[i] as number) + undated * (t.undated[i] as number) + planned * (t.planned[i] as number);
  }
  return out;
}

/** All links of key i, whatever their dates (the scales' all-time reference). O(codes of the key). */
export function keyTotal(e: CodeCounts, i: number): number {
  if (i < 0 || i >= e.size) return 0;
  let t = 0;
  for (let j = e.offsets[i] as number; j < (e.offsets[i + 1] as number); j++) t += e.count[j] as number;
  return t;
}
