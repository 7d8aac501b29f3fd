/** A link's sources: each document once, in evidence order (the most authoritative first). */
import type { Link } from './schema.ts';

/** Source ids of a link's evidence, each once: a page cited at two places is one source. */
export function linkSourceIds(link: Pick<Link, 'evidence'>): string[] {
  return [...new Set(link.evidence.map((e) => e.source))];
}

/** Each source once, in evidence order, with every place in it the link cites ("¶2; ¶5"). */
export function evidenceBySource(link: Pick<Link, 'evidence'>): { source: string; locators: string[] }[] {
  const out = new Map<string, string[]>();
  for (const e of link.evidence) out.set(e.source, [...(out.get(e.source) ?? []), e.locator]);
  return [...out].map(([source, locators]) => ({ source, locators }));
}

/** Every source cited by any of the links, each once, in first-cited order. */
export function distinctSources(links: readonly Pick<Link, 'evidence'>[]): string[] {
  const ids = new Set<string>();
  for (const l of links) for (const e of l.evidence) ids.add(e.source);
  return [...ids];
}
