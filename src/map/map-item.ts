/** What the map talks to the app about: an arc (pair), a Chinese institution, or a partner. */
export type MapItem = { kind: 'arc'; pair: number } | { kind: 'inst'; id: string } | { kind: 'partner'; key: string };

export function sameItem(a: MapItem | null, b: MapItem | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'arc': return a.pair === (b as typeof a).pair;
    case 'inst': return a.id === (b as typeof a).id;
    case 'partner': return a.key === (b as typeof a).key;
  }
}
