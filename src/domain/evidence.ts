/** A link's sources: each document once, in evidence order (the most authoritative first). */
import type { Link } from './schema.ts';

/** Source ids of a link's evidence, each once: a page cited at two places is one source. */
export function linkSourceIds(link: Pick<Link, 'evidence'>): string[] {
  return [...new Set(link.evidence.map((e) => e.source))];
}
