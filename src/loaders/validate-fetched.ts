/**
 * Full validation of a fetched dataset, loaded on demand: for a dataset the build did not vouch
 * for (a data= folder, a synthetic one, a file changed after the build). It carries the schema and
 * zod, which the first view of the bundled atlas does without.
 */
import type { Dataset, RawDataset } from '../domain/schema.ts';
import { validateDataset, type Problem } from '../domain/validate.ts';
import { parseAliases, type Alias } from '../domain/aliases.ts';

export type Validated = { ok: true; dataset: Dataset; aliases: Alias[] } | { ok: false; problems: Problem[] };

/** `rawAliases` undefined: the folder has no alias list. Problems name files as `dataPath/file`. */
export function validateFetched(raw: RawDataset, rawAliases: unknown, dataPath: string, aliasesFile: string): Validated {
  // Any dataset's own years are fine here: the timeline spans them (the 2015–2025 rule is data:check's, for data/).
  const result = validateDataset(raw, undefined, { atlasYears: false });
  if (!result.ok) return { ok: false, problems: result.problems.map((p) => ({ ...p, file: `${dataPath}/${p.file}` })) };
  // Only the shape is checked here; unknown targets are data:check's to report, and search skips them.
  const aliases = rawAliases === undefined ? { aliases: [], problems: [] } : parseAliases(rawAliases, aliasesFile);
  if (aliases.problems.length) return { ok: false, problems: aliases.problems };
  return { ok: true, dataset: result.dataset, aliases: aliases.aliases };
}
