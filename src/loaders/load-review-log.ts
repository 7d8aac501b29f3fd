/**
 * The review log, for the "About the data" dialog: fetched from the page's own origin only when
 * the dialog opens. A dataset without one (synthetic data, an embedding site's own data) is fine:
 * the dialog then says no log is bundled.
 */
import { parseReviewLog, REVIEW_FILE, type ReviewLog } from '../domain/review-log.ts';
import { DataError, fetchJson } from './load-atlas-data.ts';
import { z } from 'zod';

// As schema.ts does, and for the same reason (no `new Function` probe, which the page's CSP would
// report as a violation): the review log's schema is the one zod schema that does not import
// schema.ts, and "About the data" may be opened before anything else has loaded it.
z.config({ jitless: true });

export async function loadReviewLog(dataPath: string, signal?: AbortSignal, base: string = document.baseURI): Promise<ReviewLog | null> {
  const file = `${dataPath}/${REVIEW_FILE}`;
  const raw = await fetchJson(new URL(file, base).href, file, signal, true);
  if (raw === undefined) return null;
  const parsed = parseReviewLog(raw, file);
  if (!parsed.log) throw new DataError(parsed.problems);
  return parsed.log;
}
