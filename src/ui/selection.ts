/** The URL's `sel` value ↔ the item the map and the details panel talk about. */
import type { Aggregates } from '../domain/aggregate.ts';
import type { MapItem } from '../map/map-item.ts';

/** What a panel is open on: a map item, or a programme (`prog:ID`), which has a panel but no single place on the map. */
export type Selected = { kind: 'arc'; pair: number } | { kind: 'inst'; id: string } | { kind: 'partner'; key: string } | { kind: 'prog'; id: string };

export function selectionToString(s: Selected | null, a: Aggregates): string | null {
  if (!s) return null;
  if (s.kind === 'inst') return `inst:${s.id}`;
  if (s.kind === 'partner') return `partner:${s.key}`;
  if (s.kind === 'prog') return `prog:${s.id}`;
  const pair = a.pairs[s.pair];
  return pair ? `arc:${pair.institution}~${pair.partnerKey}` : null;
}

/** Unknown ids (an old link to a record that was renamed) resolve to null: the panel stays closed. */
export function selectionFromString(s: string | null, a: Aggregates, known: { inst: (id: string) => boolean; partner: (key: string) => boolean; prog: (id: string) => string | undefined }): Selected | null {
  if (!s) return null;
  const [kind, rest = ''] = s.split(/:(.*)/s);
  if (kind === 'inst') return known.inst(rest) ? { kind: 'inst', id: rest } : null;
  if (kind === 'partner') return known.partner(rest) ? { kind: 'partner', key: rest } : null;
  if (kind === 'prog') {
    // A former id (a programme renamed since the link was shared) opens the programme under its current one.
    const id = known.prog(rest);
    return id ? { kind: 'prog', id } : null;
  }
  if (kind === 'arc') {
    const [inst, partner] = rest.split('~');
    const pair = a.pairs.find((p) => p.institution === inst && p.partnerKey === partner);
    return pair ? { kind: 'arc', pair: pair.index } : null;
  }
  return null;
}

/** What the map marks for an open panel: its item, or nothing for a programme (its filter, when set, shows its arcs). */
export function mapSelection(s: Selected | null): MapItem | null {
  return s === null || s.kind === 'prog' ? null : s;
}
