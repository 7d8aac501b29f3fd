/**
 * The guided story (`story.json` beside the dataset), fetched from the page's own origin when the
 * reader opens it (or a URL asks for a step) and checked against the loaded dataset as data:check
 * checks it, bar the copy check (the seed texts are not shipped). A dataset without a story (a
 * synthetic one, an embedding site's own) gives null: the atlas then offers no story.
 */
import { checkStory, Story, STORY_FILE, type Story as StoryT } from '../domain/story.ts';
import type { AtlasData } from './load-atlas-data.ts';

// The story's chunk also carries what a step's view is made of: one dynamic import for both.
export { stepView, stepCamera } from '../domain/story.ts';
import { DataError, fetchJson } from './load-atlas-data.ts';

export async function loadStory(dataPath: string, data: Pick<AtlasData, 'index' | 'aggregates'>, signal?: AbortSignal, base: string = document.baseURI): Promise<StoryT | null> {
  const file = `${dataPath}/${STORY_FILE}`;
  const raw = await fetchJson(new URL(file, base).href, file, signal, true);
  if (raw === undefined) return null;
  const problems = checkStory(raw, data);
  if (problems.length) throw new DataError(problems.map((p) => ({ ...p, file: `${dataPath}/${p.file}` })));
  return Story.parse(raw);
}
