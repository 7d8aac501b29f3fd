import { describe, expect, it } from 'vitest';
import { probableDuplicates } from '../../src/domain/duplicates.ts';
import { checkReviewLog } from '../../src/domain/review-log.ts';
import { checkPlaces, pointInCountry } from '../../src/domain/point-in-country.ts';
import { countryShapes } from '../../src/domain/world.ts';
import { checkLanguages } from '../../src/domain/languages.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import type { Dataset, Link } from '../../src/domain/schema.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { world } from '../fixtures/world.ts';

const shapes = countryShapes(world);
const valid = (): Dataset => {
  const r = validateDataset(miniDataset(), '2026-11-23');
  if (!r.ok) throw new Error('fixture invalid');
  return r.dataset;
};

describe('probable duplicates', () => {
  const twin = (l: Link, id: string, extra: Partial<Link> = {}): Link => ({ ...l, id, evidence: [{ source: 'src-a', locator: '¶99' }], ...extra });

  it('flags a second link with the same institution, partner, type and year', () => {
    const d = valid();
    d.links.push(twin(d.links[0]!, 'l-9', { date: { precision: 'month', value: '2018-12' } }));
    expect(probableDuplicates(d.links)).toEqual([expect.objectContaining({ file: 'links.json', id: 'l-9', field: 'distinctFrom', message: expect.stringContaining('probable duplicate of l-1') })]);
  });

  it('accepts them when marked as distinct events, and ignores another year or type', () => {
    const d = valid();
    d.links.push(twin(d.links[0]!, 'l-9', { distinctFrom: ['l-1'] }));
    d.links.push(twin(d.links[0]!, 'l-10', { date: { precision: 'year', value: '2019' } }));
    d.links.push(twin(d.links[0]!, 'l-11', { types: ['training'] }));
    expect(probableDuplicates(d.links)).toEqual([]);
  });

  it('treats two undated look-alikes as probable duplicates', () => {
    const d = valid();
    d.links.push(twin(d.links[2]!, 'l-9'));
    expect(probableDuplicates(d.links).map((p) => p.id)).toEqual(['l-9']);
  });
});

describe('review log', () => {
  const ids = new Set(['l-1', 'l-2']);
  it('accepts leads that name existing links or say why they were excluded', () => {
    expect(checkReviewLog({ 'B01.1': { links: ['l-1'] }, 'B02.1': { excluded: 'page not found' } }, ids)).toEqual([]);
  });
  it('rejects an entry naming a link that does not exist', () => {
    expect(checkReviewLog({ 'B01.1': { links: ['l-1', 'l-404'] } }, ids)).toEqual([
      { file: 'review/leads.json', id: 'B01.1', field: 'links.1', message: 'names link "l-404", which does not exist' },
    ]);
  });
  it('rejects an exclusion without a reason and a malformed lead id', () => {
    const problems = checkReviewLog({ 'B01.1': { excluded: ' ' }, lead7: { links: ['l-1'] } }, ids);
    expect(problems.map((p) => p.id).sort()).toEqual(['B01.1', 'lead7']);
  });
});

describe('points inside their countries', () => {
  it('accepts real cities, including a coastal one near the generalised coastline', () => {
    expect(pointInCountry(shapes, ['MYS'], [101.656, 3.113])).toBe(true);
    expect(pointInCountry(shapes, ['SGP'], [103.82, 1.35])).toBe(true);
    // Bridgetown lies just off the generalised coast of an island smaller than the tolerance.
    expect(pointInCountry(shapes, ['BRB'], [-59.62, 13.107])).toBe(true);
    expect(pointInCountry(shapes, ['BRB'], [-59.62, 13.6])).toBe(false);
    expect(pointInCountry(shapes, ['CHN', 'HKG', 'MAC', 'TWN'], [114.17, 22.32])).toBe(true);
  });

  it('rejects swapped lon/lat and a point in another country', () => {
    const d = valid();
    d.institutions[0]!.coordinates = [30.274, 20.155]; // swapped-ish: lands in Sudan/Egypt
    d.partners[0] = { ...d.partners[0]!, kind: 'institution', country: 'MYS', coordinates: [106.83, -6.2], precision: 'city' } as never; // Jakarta is in Indonesia
    expect(checkPlaces(d, shapes).map((p) => `${p.file} ${p.id} ${p.field}`)).toEqual([
      'institutions.json hosp-a coordinates',
      'partners.json uni-m coordinates',
    ]);
  });
});

describe('source rules', () => {
  it('rejects an unknown source kind', () => {
    const d = miniDataset();
    (d.sources[0] as Record<string, unknown>).kind = 'blog';
    const r = validateDataset(d, '2026-11-23');
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ file: 'sources.json', id: 'src-a', field: 'kind' })]);
  });
  it('requires an address for a source that is not a seed file', () => {
    const d = miniDataset();
    delete (d.sources[0] as Record<string, unknown>).file;
    const r = validateDataset(d, '2026-11-23');
    expect(r.ok ? [] : r.problems).toEqual([expect.objectContaining({ file: 'sources.json', id: 'src-a', field: 'url' })]);
  });
});

describe('source languages', () => {
  it('rejects a well-formed code that names no language, by file, id and field', () => {
    const d = valid();
    expect(checkLanguages(d)).toEqual([]);
    d.sources[0]!.language = 'xx';
    expect(checkLanguages(d)).toEqual([{ file: 'sources.json', id: 'src-a', field: 'language', message: 'xx is not a known language code' }]);
    d.sources[0]!.language = 'sr-Latn-ME';
    expect(checkLanguages(d)).toEqual([]);
  });
});
