/**
 * `npm run data:check [-- DIR]`: validates every file of a data folder (default `data/`): the
 * schema and references (as the app's loader does), then the authoring checks that need the
 * world shapes or concern method rather than display: points inside their countries, probable
 * duplicate links, the review log, the alias list, and summaries copied from the seed documents
 * (`--seeds DIR`, default `../shared/seeds` beside the repository; skipped with a notice when that
 * folder is absent), and the guided story (`story.json`, when present: src/domain/story.ts). Prints one line per problem (file, record id, field, message); exits 1 if there is any.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateDataset, formatProblem, type Problem } from '../domain/validate.ts';
import { probableDuplicates } from '../domain/duplicates.ts';
import { checkReviewLog, REVIEW_FILE } from '../domain/review-log.ts';
import { ALIASES_FILE, checkAliases, parseAliases, type Alias } from '../domain/aliases.ts';
import { checkSummaryCopies, datasetNames, namesIndex } from '../domain/copy-check.ts';
import { checkPlaces } from '../domain/point-in-country.ts';
import { checkLanguages } from '../domain/languages.ts';
import { countryShapes } from '../domain/world.ts';
import { readDataDir } from './read-data-dir.ts';
import { readWorld } from './read-world.ts';
import { argValue } from './args.ts';
import { defaultSeedsDir, readSeedTexts } from './read-seeds.ts';
import { checkStory, STORY_FILE } from '../domain/story.ts';
import { indexDataset } from '../domain/dataset-index.ts';
import { aggregate } from '../domain/aggregate.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { isCountryRef } from '../domain/schema.ts';

const args = process.argv.slice(2);
const seedsDir = argValue(args, 'seeds') ?? defaultSeedsDir();
const dir = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--seeds') ?? 'data';
const { raw, problems: readProblems } = readDataDir(dir);
const problems: Problem[] = [...readProblems];
// The atlas's own years (2015–2025, or a reason) are an authoring rule of data/; another folder (an import) has its own.
const result = readProblems.length ? null : validateDataset(raw, undefined, { atlasYears: dir.replace(/\/$/, '') === 'data' });
if (result && !result.ok) problems.push(...result.problems);
if (result?.ok) {
  const d = result.dataset;
  const shapes = countryShapes(readWorld());
  problems.push(...checkPlaces(d, shapes));
  problems.push(...checkLanguages(d));
  problems.push(...probableDuplicates(d.links));
  const reviewPath = join(dir, REVIEW_FILE);
  if (existsSync(reviewPath)) {
    try {
      problems.push(...checkReviewLog(JSON.parse(readFileSync(reviewPath, 'utf8')), new Set(d.links.map((l) => l.id))));
    } catch (e) {
      problems.push({ file: REVIEW_FILE, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` });
    }
  }
  const aliasesPath = join(dir, ALIASES_FILE);
  let aliases: Alias[] = [];
  if (existsSync(aliasesPath)) {
    try {
      const rawAliases: unknown = JSON.parse(readFileSync(aliasesPath, 'utf8'));
      problems.push(...checkAliases(rawAliases, d));
      aliases = parseAliases(rawAliases).aliases;
    } catch (e) {
      problems.push({ file: ALIASES_FILE, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` });
    }
  }
  const seeds = readSeedTexts(seedsDir, d.sources);
  if (seeds) {
    problems.push(...seeds.problems);
    problems.push(...checkSummaryCopies(d.links, seeds.texts, { names: namesIndex(datasetNames(d, aliases)) }));
  } else {
    console.log(`${dir}: copy check skipped: no seed folder at ${seedsDir}`);
  }
  const storyPath = join(dir, STORY_FILE);
  if (existsSync(storyPath)) {
    try {
      const rawStory: unknown = JSON.parse(readFileSync(storyPath, 'utf8'));
      const needed = new Set<string>();
      for (const l of d.links) if (isCountryRef(l.partner)) needed.add(l.partner);
      for (const p of d.partners) if (p.kind === 'institution') needed.add(p.country);
      const index = indexDataset(d, countryAnchors(shapes, needed));
      problems.push(...checkStory(rawStory, {
        index, aggregates: aggregate(index),
        ...(seeds ? { seeds: seeds.texts, names: namesIndex(datasetNames(d, aliases)) } : {}),
      }));
    } catch (e) {
      problems.push({ file: STORY_FILE, id: '(file)', field: '', message: `is not valid JSON: ${(e as Error).message}` });
    }
  }
}
if (problems.length === 0 && result?.ok) {
  const d = result.dataset;
  console.log(`${dir}: OK — ${d.links.length} links, ${d.institutions.length} institutions, ${d.partners.length} partners, ${d.sources.length} sources`);
} else {
  for (const p of problems) console.error(`${dir}/${formatProblem(p)}`);
  console.error(`${problems.length} problem(s) in ${dir}`);
  process.exitCode = 1;
}
