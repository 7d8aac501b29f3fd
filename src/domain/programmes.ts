/** Programme ids: links name a programme in both languages; its id is derived from the English name. */

/**
 * A stable, URL-safe id for a programme: its English name lowercased, every run of other
 * characters than a–z and 0–9 turned into one hyphen, trimmed, at most 80 characters.
 */
export function programmeId(name: { en: string }): string {
  return name.en.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '');
}
