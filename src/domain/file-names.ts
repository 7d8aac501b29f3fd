/**
 * Names of downloaded files that say what they hold, in plain ASCII so every file system, mail
 * client and shell takes them: `health-silk-road_kazakhstan_2015-2025.csv`.
 */

/**
 * One part of what a file is about: an English name or a record id / ISO3 code, or both, the name
 * first. A name that leaves nothing once made ASCII (Chinese, Cyrillic …) gives way to the id.
 */
export type SubjectPart = string | { name: string; id: string };

/** What a downloaded file holds, for its name. */
export interface FileNameParts {
  /** What was filtered, most specific first; empty when nothing is ("all"). */
  subject: readonly SubjectPart[];
  from: number;
  to: number;
  ext: 'csv' | 'geojson' | 'png';
}

const PREFIX = 'health-silk-road';
/** At most this many subject parts are named; more are summed up as "and-more". */
export const MAX_SUBJECT_PARTS = 3;
/** The longest name returned, extension included: well inside every file system's limit. */
export const MAX_FILE_NAME = 120;

// Latin letters NFKD does not take apart into a base letter and a mark.
const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', þ: 'th', ł: 'l', ı: 'i', ħ: 'h' };

/** Lowercase ASCII words joined by hyphens: accents dropped, apostrophes removed, other characters break words. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[ßæœøđðþłıħ]/g, (c) => LETTERS[c] ?? '')
    .replace(/['’ʼ]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const partSlug = (p: SubjectPart): string => (typeof p === 'string' ? slugify(p) : slugify(p.name) || slugify(p.id));

/** Cuts a slug to at most `max` characters, between words when a break is in reach. */
function cut(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const head = slug.slice(0, max);
  const brk = Math.max(head.lastIndexOf('-'), head.lastIndexOf('_'));
  return (brk > max / 2 ? head.slice(0, brk) : head).replace(/[-_]+$/, '');
}

/** The subject parts joined by `_`, cut to `max` characters; "and-more" is kept whenever parts are left out. */
function subjectSlug(slugs: readonly string[], max: number): string {
  if (slugs.length === 0) return 'all';
  const more = slugs.length > MAX_SUBJECT_PARTS;
  const joined = slugs.slice(0, MAX_SUBJECT_PARTS).join('_');
  if (!more && joined.length <= max) return joined;
  const tail = '_and-more';
  return `${cut(joined, max - tail.length)}${tail}`;
}

/**
 * `health-silk-road_<subject>_<years>.<ext>`; the years read `2019` for one year, `2016-2019` for a
 * span, `upto-2019` for "up to" (no first year: −Infinity).
 */
export function downloadFileName({ subject, from, to, ext }: FileNameParts): string {
  const years = !Number.isFinite(from) ? `upto-${to}` : from === to ? String(from) : `${Math.min(from, to)}-${Math.max(from, to)}`;
  const slugs = [...new Set(subject.map(partSlug).filter((s) => s !== ''))];
  const about = subjectSlug(slugs, MAX_FILE_NAME - `${PREFIX}__${years}.${ext}`.length);
  return `${PREFIX}_${about}_${years}.${ext}`;
}
