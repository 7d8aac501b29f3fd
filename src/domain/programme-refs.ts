/**
 * Links' programmes resolved to ids of programme records (programmes.json), with the records made
 * for programmes a link names in full (a dataset written before programmes had records). Used by
 * the validator, and after a validation off the main thread on the data as the page parsed it.
 * Plain TypeScript: no schema library, so the first view can use it.
 */
import type { Link, LinkRecord, Programme } from './schema.ts';
import { DATA_FILE_NAMES, PROGRAMMES_FILE } from './schema-values.ts';
import { programmeId } from './programmes.ts';

/** A problem as validate.ts names them (kept apart from it: validate.ts carries the schema). */
interface Problem {
  file: string;
  id: string;
  field: string;
  message: string;
}

/**
 * Every link's programme as an id of a programme record: an id must name a record of
 * programmes.json; a bilingual name (a dataset written before programmes had records) gives its
 * derived id, and a record of that name when none has the id. Programme ids must be unique, and
 * a former id must not be any programme's id or a second programme's former id.
 */
export function resolveProgrammes(records: LinkRecord[], listed: Programme[], broken: ReadonlySet<string>, problems: Problem[]): { links: Link[]; programmes: Programme[] } {
  const byId = new Map<string, Programme>();
  const former = new Map<string, string>();
  for (const p of listed) {
    if (byId.has(p.id)) problems.push({ file: PROGRAMMES_FILE, id: p.id, field: 'id', message: 'duplicate id' });
    byId.set(p.id, p);
  }
  for (const p of listed) {
    p.formerIds?.forEach((f, k) => {
      const clash = byId.has(f) ? `is the id of programme "${f}"` : former.has(f) ? `is also a former id of "${former.get(f)}"` : undefined;
      if (clash) problems.push({ file: PROGRAMMES_FILE, id: p.id, field: `formerIds.${k}`, message: clash });
      else former.set(f, p.id);
    });
  }
  const programmes = [...byId.values()];
  const links = records.map((l): Link => {
    if (l.programme === undefined || typeof l.programme === 'string') {
      if (typeof l.programme === 'string' && !byId.has(l.programme) && !broken.has(l.programme)) {
        const now = former.get(l.programme);
        problems.push({ file: DATA_FILE_NAMES.links, id: l.id, field: 'programme', message: now ? `"${l.programme}" is a former id of "${now}": write the current id` : `unknown programme "${l.programme}" (not an id in ${PROGRAMMES_FILE})` });
      }
      return l as Link;
    }
    const id = programmeId(l.programme);
    if (!id) {
      problems.push({ file: DATA_FILE_NAMES.links, id: l.id, field: 'programme.en', message: 'a programme name needs letters or digits, from which its id is made' });
      return { ...l, programme: undefined } as Link;
    }
    if (!byId.has(id)) {
      const made: Programme = { id, name: l.programme };
      byId.set(id, made);
      programmes.push(made);
    }
    return { ...l, programme: id };
  });
  return { links, programmes };
}

