/**
 * Orders dates of different precision without making them more precise than they are: each
 * date spans a first and a last day ("2016" spans 2016-01-01 to 2016-12-31), as sortable
 * YYYY-MM-DD strings. Only the order is used; nothing is ever shown from these keys.
 */
import type { DateSpec } from './schema.ts';

// Months end on "31" for every month: only the order matters, and "2016-02-31" still sorts in February.
const startOf = (partial: string) => (partial.length === 4 ? `${partial}-01-01` : partial.length === 7 ? `${partial}-01` : partial);
const endOf = (partial: string) => (partial.length === 4 ? `${partial}-12-31` : partial.length === 7 ? `${partial}-31` : partial);

/** The first and last day a date can mean, or null when the source states none. */
export function dateSpan(d: DateSpec): { start: string; end: string } | null {
  switch (d.precision) {
    case 'day':
    case 'month':
    case 'year':
      return { start: startOf(d.value), end: endOf(d.value) };
    case 'range':
      return { start: startOf(d.from), end: endOf(d.to) };
    case 'before':
      // "By 2017" is ordered at the one date the source gives; an open start would put it first always.
      return { start: startOf(d.to), end: endOf(d.to) };
    case 'unknown':
      return null;
  }
}
