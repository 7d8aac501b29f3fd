/**
 * Which windows an embedded atlas listens to. A host page may name the origins it accepts
 * (`?host=https://example.org,https://www.example.org`); without that, `atlas:set` is accepted only
 * from the parent window, whatever its origin. Pure: the browser's objects are passed in.
 */

/** At most this many host origins are kept: nothing unbounded comes from a URL. */
export const MAX_HOSTS = 8;

/** One origin as `scheme://host[:port]`: http(s) only, no path, query, credentials or trailing slash. */
export function normalizeOrigin(raw: string): string | null {
  const s = raw.trim();
  if (!s || s.length > 200) return null;
  let url: URL;
  try {
    url = new URL(s);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== '/' && url.pathname !== '')) return null;
  // `new URL('https://a.org/')` keeps the slash in href, not in origin: accept both spellings.
  return url.origin;
}

/** `host=` → the well-formed origins, each once, at most MAX_HOSTS; the malformed are dropped. */
export function parseOrigins(raw: string | null): string[] {
  if (!raw) return [];
  const out: string[] = [];
  for (const part of raw.slice(0, MAX_HOSTS * 201).split(',')) {
    const o = normalizeOrigin(part);
    if (o && !out.includes(o)) out.push(o);
    if (out.length >= MAX_HOSTS) break;
  }
  return out;
}

export const formatOrigins = (origins: readonly string[]): string => origins.join(',');

/** What the child knows of a message's sender. */
export interface Sender {
  /** The window that sent it (MessageEvent.source). */
  source: unknown;
  /** Its origin (MessageEvent.origin): `"null"` for a sandboxed or opaque sender. */
  origin: string;
}

/**
 * Whether to act on an `atlas:set` from this sender. With hosts named, the sender's origin must be
 * one of them; without, it must be the parent window (and the page must be in a frame at all).
 */
export function acceptsSender(sender: Sender, self: { parent: unknown; hosts: readonly string[] }, selfWindow: unknown): boolean {
  if (self.hosts.length > 0) return self.hosts.includes(sender.origin);
  return sender.source !== null && sender.source === self.parent && self.parent !== selfWindow;
}

/**
 * Where the child's own messages go: to each named host origin (the browser delivers them only
 * when the parent has that origin), or to any origin when none is named — the view they carry is
 * public, and the URL holds it anyway.
 */
export function targetOrigins(hosts: readonly string[]): readonly string[] {
  return hosts.length > 0 ? hosts : ['*'];
}
