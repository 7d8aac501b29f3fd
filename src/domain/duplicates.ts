/**
 * Probable duplicate links: the same institution, partner, first type and year (undated links
 * share the "unknown" year). Two reports of one event should be one link with two evidence
 * entries; links that really are different events say so with `distinctFrom`.
 */
import type { Link } from './schema.ts';
import type { Problem } from './validate.ts';
import { knownYear } from './dates.ts';

export function probableDuplicates(links: readonly Link[]): Problem[] {
  const groups = new Map<string, Link[]>();
  for (const l of links) {
    const key = [l.institution, l.partner, l.types[0], knownYear(l.date) ?? 'unknown'].join('\u0000');
    const g = groups.get(key);
    if (g) g.push(l);
    else groups.set(key, [l]);
  }
  const problems: Problem[] = [];
  for (const g of groups.values()) {
    for (let i = 1; i < g.length; i++) {
      const l = g[i] as Link;
      for (const prior of g.slice(0, i)) {
        const marked = l.distinctFrom?.includes(prior.id) || prior.distinctFrom?.includes(l.id);
        if (!marked) {
          problems.push({
            file: 'links.json', id: l.id, field: 'distinctFrom',
            message: `probable duplicate of ${prior.id} (same institution, partner, type and year): merge their evidence, or list ${prior.id} in distinctFrom if they are different events`,
          });
        }
      }
    }
  }
  return problems;
}
