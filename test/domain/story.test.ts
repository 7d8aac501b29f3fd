import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { aggregate } from '../../src/domain/aggregate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { buildFacets } from '../../src/domain/facets.ts';
import { checkStory, shownLinks, stepView, type Story } from '../../src/domain/story.ts';
import { parseViewState, serializeViewState } from '../../src/url/view-state.ts';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { readSeedTexts, defaultSeedsDir } from '../../src/cli/read-seeds.ts';
import { datasetNames, namesIndex } from '../../src/domain/copy-check.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function mini() {
  const raw = miniDataset();
  // A second source no link cites.
  raw.sources.push({ ...raw.sources[0]!, id: 'src-b', file: '001_test.txt' });
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  return { index, aggregates: aggregate(index) };
}

const step = (patch: Record<string, unknown> = {}) => ({
  id: 'pakistan',
  title: { en: 'Pakistan', zh: '巴基斯坦' },
  caption: { en: 'An agreement in 2018.', zh: '2018年的协议。' },
  cites: [{ source: 'src-a', para: 1 }],
  view: 'mode=in&year=2018&country=PAK&sel=partner:PAK',
  ...patch,
});
const story = (...steps: unknown[]) => ({ title: { en: 'Story', zh: '故事' }, steps });
const messages = (raw: unknown, ctx = mini()) => checkStory(raw, ctx).map((p) => `${p.id} ${p.field}: ${p.message}`);

describe('checkStory', () => {
  it('accepts a good story', () => {
    expect(messages(story(step(), step({ id: 'later', view: 'mode=range&from=2020&year=2025&inst=hosp-a', camera: { at: '70,30,3' } })))).toEqual([]);
  });

  it('names the schema problem with the step and field', () => {
    const bad = story(step({ caption: { en: 'only English' }, cites: [] }));
    const m = messages(bad);
    expect(m.some((x) => x.startsWith('pakistan steps.0.caption.zh'))).toBe(true);
    expect(m).toContain('pakistan steps.0.cites: a caption cites at least one source');
    expect(messages({ steps: [] })[0]).toMatch(/^\(story\) title/);
  });

  it('reports unknown institution, country, partner and source ids, and an unknown selection', () => {
    const m = messages(story(step({ view: 'inst=nowhere&country=FRA&partner=ghost&sel=arc:hosp-a~ghost' }), step({ id: 'b', cites: [{ source: 'no-such-source', para: 1 }] })));
    expect(m).toContain('pakistan steps.0.view: unknown institution id nowhere: no link of the dataset has it');
    expect(m).toContain('pakistan steps.0.view: unknown country id FRA: no link of the dataset has it');
    expect(m).toContain('pakistan steps.0.view: unknown partner id ghost: no link of the dataset has it');
    expect(m).toContain('pakistan steps.0.view: unknown selection arc:hosp-a~ghost: no such institution, partner, programme or arc');
    expect(m).toContain('b steps.1.cites.0.source: unknown source id no-such-source');
    expect(messages(story(step({ view: 'source=ghost-source' })))).toContain('pakistan steps.0.view: unknown source id ghost-source: no link of the dataset has it');
  });

  it('reports a step whose view shows no links', () => {
    // PAK's only link is in 2018: nothing in 2020.
    expect(messages(story(step({ view: 'mode=in&year=2020&country=PAK' })))).toContain(
      'pakistan steps.0.view: the step shows no links: a story step must show what it talks about');
  });

  it('reports bad years: out of the timeline, malformed, from after year, from without a range', () => {
    const m = messages(story(
      step({ id: 'a', view: 'year=2030&country=PAK' }),
      step({ id: 'b', view: 'year=twenty&country=PAK' }),
      step({ id: 'c', view: 'mode=range&from=2024&year=2018&country=PAK' }),
      step({ id: 'd', view: 'from=2016&country=PAK' }),
    ));
    expect(m).toContain('a steps.0.view: bad year: year=2030 (a year from 2015 to 2025)');
    expect(m).toContain('b steps.1.view: bad year: year=twenty (a year from 2015 to 2025)');
    expect(m).toContain('c steps.2.view: bad year: from=2024 is after year=2018');
    expect(m).toContain('d steps.3.view: bad year: from= needs mode=range');
  });

  it('reports parameters a step may not set, and values the URL would drop', () => {
    const m = messages(story(step({ view: 'country=PAK&lang=zh&at=1,2,3&cat=surgery&online=yes' })));
    expect(m.some((x) => x.includes('unknown parameter lang'))).toBe(true);
    expect(m).toContain('pakistan steps.0.view: the camera goes in "camera": {"at": …}, not in the view');
    expect(m).toContain('pakistan steps.0.view: cat=surgery is not understood (the URL drops it)');
    expect(m).toContain('pakistan steps.0.view: online=yes is not understood (the URL drops it)');
  });

  it('reports a citation none of the step\'s links rest on, a paragraph past the seed\'s end, and a copied caption', () => {
    expect(messages(story(step({ cites: [{ source: 'src-b', para: 1 }] }))))
      .toContain('pakistan steps.0.cites.0.source: source src-b is cited by none of the links this step filters to');
    const ctx = mini();
    const seed = 'Title line\nThe two hospitals signed a broad cooperation agreement on cardiac training in Hangzhou today.\n';
    const withSeeds = { ...ctx, seeds: new Map([['src-a', seed]]) };
    expect(checkStory(story(step({ cites: [{ source: 'src-a', para: 3 }] })), withSeeds).map((p) => p.message))
      .toContain('¶3 is past the end of 000_test.txt (2 paragraphs)');
    const copied = step({ caption: { en: 'The two hospitals signed a broad cooperation agreement on cardiac training.', zh: '协议。' } });
    expect(checkStory(story(copied), withSeeds).map((p) => `${p.field}: ${p.message}`).some((m) => m.startsWith('steps.0.caption.en: copies 11 words from src-a'))).toBe(true);
  });

  it('reports a duplicate step id', () => {
    expect(messages(story(step(), step()))).toContain('pakistan steps.1.id: step id pakistan is used twice');
  });
});

describe('a step as a view', () => {
  it('keeps the reader\'s language and dataset, sets the story number, and takes the camera from the step', () => {
    const v = stepView(step({ camera: { at: '70,30,3' } }) as never, { lang: 'zh', dataPath: 'data' }, 2);
    expect(v).toMatchObject({ lang: 'zh', mode: 'in', year: 2018, selection: 'partner:PAK', story: 2, camera: { lon: 70, lat: 30, zoom: 3 } });
    expect(v.filters.country).toEqual(['PAK']);
    expect(serializeViewState(v)).toBe('lang=zh&mode=in&year=2018&sel=partner%3APAK&country=PAK&at=70,30,3&story=2');
    expect(stepView(step() as never, { lang: 'en', dataPath: 'data' }, 1).camera).toBeNull();
  });

  it('reads and writes story= as a whole number; anything else is no story', () => {
    expect(parseViewState('story=3').story).toBe(3);
    expect(parseViewState('story=99').story).toBe(99);
    expect(parseViewState('story=0').story).toBe(0);
    expect(parseViewState('story=abc').story).toBeNull();
    expect(parseViewState('').story).toBeNull();
    expect(serializeViewState(parseViewState('story=4&year=2019'))).toBe('year=2019&story=4');
  });
});

describe('the bundled story (data/story.json)', () => {
  const { raw } = readDataDir('data');
  const r = validateDataset(raw);
  if (!r.ok) throw new Error('data/ is invalid: run npm run data:check');
  const index = indexDataset(r.dataset, anchors);
  const aggregates = aggregate(index);
  const bundled = JSON.parse(readFileSync('data/story.json', 'utf8')) as Story;

  it('has 8 to 12 steps and no problem, copy check included', () => {
    expect(bundled.steps.length).toBeGreaterThanOrEqual(8);
    expect(bundled.steps.length).toBeLessThanOrEqual(12);
    const seeds = readSeedTexts(defaultSeedsDir(), r.dataset.sources);
    const ctx = { index, aggregates, ...(seeds ? { seeds: seeds.texts, names: namesIndex(datasetNames(r.dataset)) } : {}) };
    expect(checkStory(bundled, ctx)).toEqual([]);
  });

  it('shows links at every step', () => {
    const facets = buildFacets(index);
    for (const s of bundled.steps) expect(shownLinks(parseViewState(s.view), { aggregates }, facets), s.id).toBeGreaterThan(0);
  });
});
