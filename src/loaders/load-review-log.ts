/**
 * The review log, for the "About the data" dialog: fetched from the page's own origin only when
 * the dialog opens. A dataset without one (synthetic data, an embedding site's own data) is fine.
 */
import { ReviewLog } from '../domain/review-log.ts';
import { DataError, FetchError } from './load-atlas-data.ts';

export async function loadReviewLog(dataPath: string, signal?: AbortSignal, base: string = document.baseURI): Promise<ReviewLog | null> {
  const file = `${dataPath}/review/leads.json`;
  let res: Response;
  try {
    res = await fetch(new URL(file, base).href, { signal, credentials: 'same-origin' });
  } catch (e) {
    if ((e as Error).name === 'AbortError') throw e;
    throw new FetchError(file, 'the network request failed');
  }
  if (res.status === 404) return null;
  if (!res.ok) throw new FetchError(file, `HTTP ${res.status}`);
  let raw: unknown;
  try {
    raw = await res.json();
  } catch (e) {
    throw new DataError([{ file, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` }]);
  }
  const parsed = ReviewLog.safeParse(raw);
  if (!parsed.success) {
    throw new DataError(parsed.error.issues.map((i) => ({ file, id: String(i.path[0] ?? '(file)'), field: i.path.slice(1).map(String).join('.'), message: i.message })));
  }
  return parsed.data;
}
