/** The URL's `sel` value ↔ the item the map and the details panel talk about. */
import type { Aggregates } from '../domain/aggregate.ts';

export type Selected = { kind: 'arc'; pair: number } | { kind: 'inst'; id: string } | { kind: 'partner'; key: string };

export function selectionToString(s: Selected | null, a: Aggregates): string | null {
  if (!s) return null;
  if (s.kind === 'inst') return `inst:${s.id}`;
  if (s.kind === 'partner') return `partner:${s.key}`;
  const pair = a.pairs[s.pair];
  return pair ? `arc:${pair.institution}~${pair.partnerKey}` : null;
}

/** Unknown ids (an old link to a record that was renamed) resolve to null: the panel stays closed. */
export function selectionFromString(s: string | null, a: Aggregates, known: { inst: (id: string) => boolean; partner: (key: string) => boolean }): Selected | null {
  if (!s) return null;
  const [kind, rest = ''] = s.split(/:(.*)/s);
  if (kind === 'inst') return known.inst(rest) ? { kind: 'inst', id: rest } : null;
  if (kind === 'partner') return known.partner(rest) ? { kind: 'partner', key: rest } : null;
  if (kind === 'arc') {
    const [inst, partner] = rest.split('~');
    const pair = a.pairs.find((p) => p.institution === inst && p.partnerKey === partner);
    return pair ? { kind: 'arc', pair: pair.index } : null;
  }
  return null;
}
