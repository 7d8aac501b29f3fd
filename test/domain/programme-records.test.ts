import { describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/domain/validate.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { aggregate } from '../../src/domain/aggregate.ts';
import { buildFacets, knownFilters } from '../../src/domain/facets.ts';
import { NO_FILTERS } from '../../src/domain/filters.ts';
import { coverageOfAll, programmeCoverage } from '../../src/domain/programme-coverage.ts';
import { flattenLink } from '../../src/domain/flatten.ts';
import { selectionFromString, selectionToString } from '../../src/ui/selection.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

type RawLink = Record<string, unknown>;
const figure = (value: number, measure: string, extra: object = {}) => ({
  value, measure, text: { en: `${value} reported`, zh: `报告${value}` }, asOf: '2023', source: 'src-a', locator: '¶1', ...extra,
});

/** The mini dataset with one programme (a former id, three figures) named by links l-1, l-2, l-4 and a planned l-5. */
function raw(edit?: (r: ReturnType<typeof miniDataset> & { programmes: unknown[] }) => void) {
  const r = { ...miniDataset(), programmes: [] as unknown[] };
  r.programmes = [{
    id: 'pairing', name: { en: 'Pairing', zh: '对口' }, formerIds: ['old-pairing'],
    official: [figure(46, 'institutions'), figure(41, 'countries'), figure(48, 'ties', { note: { en: 'Another report.', zh: '另一报道。' } })],
  }];
  const links = r.links as RawLink[];
  for (const i of [0, 1, 3]) links[i] = { ...links[i], programme: 'pairing' };
  links.push({ ...links[0], id: 'l-5', status: 'planned', partner: 'KAZ', programme: 'pairing', batch: 3 });
  edit?.(r);
  return r;
}

function dataset(r = raw()): Dataset {
  const v = validateDataset(r, '2026-11-23');
  if (!v.ok) throw new Error(JSON.stringify(v.problems));
  return v.dataset;
}

const problems = (r: ReturnType<typeof raw>) => {
  const v = validateDataset(r, '2026-11-23');
  return v.ok ? [] : v.problems.map((p) => `${p.file} ${p.id} ${p.field}: ${p.message}`);
};

describe('programmes as records', () => {
  it('keep links naming their programme by id, with the record beside them', () => {
    const d = dataset();
    expect(d.links.filter((l) => l.programme === 'pairing').map((l) => l.id)).toEqual(['l-1', 'l-2', 'l-4', 'l-5']);
    expect(d.programmes.map((p) => p.id)).toEqual(['pairing']);
    expect(d.links.find((l) => l.id === 'l-5')?.batch).toBe(3);
  });

  it('name every problem: an unknown id, a former id, a duplicate, a clashing former id, an unknown source', () => {
    expect(problems(raw((r) => { (r.links as RawLink[])[0]!.programme = 'ghost'; })))
      .toContain('links.json l-1 programme: unknown programme "ghost" (not an id in programmes.json)');
    expect(problems(raw((r) => { (r.links as RawLink[])[0]!.programme = 'old-pairing'; })))
      .toContain('links.json l-1 programme: "old-pairing" is a former id of "pairing": write the current id');
    expect(problems(raw((r) => { r.programmes.push({ id: 'pairing', name: { en: 'Again', zh: '再' } }); })))
      .toContain('programmes.json pairing id: duplicate id');
    expect(problems(raw((r) => { r.programmes.push({ id: 'other', name: { en: 'Other', zh: '其他' }, formerIds: ['pairing', 'old-pairing'] }); })))
      .toEqual(expect.arrayContaining([
        'programmes.json other formerIds.0: is the id of programme "pairing"',
        'programmes.json other formerIds.1: is also a former id of "pairing"',
      ]));
    expect(problems(raw((r) => { (r.programmes[0] as { official: { source: string }[] }).official[0]!.source = 'nowhere'; })))
      .toContain('programmes.json pairing official.0.source: unknown source "nowhere"');
    expect(problems(raw((r) => { (r.programmes[0] as { official: { measure: string }[] }).official[0]!.measure = 'hospitals'; })))
      .toEqual([expect.stringMatching(/^programmes\.json pairing official\.0\.measure: /)]);
  });

  it('resolve a former id in a shared URL to the current one, in the filter and the open panel', () => {
    const index = indexDataset(dataset(), anchors);
    const facets = buildFacets(index);
    expect(knownFilters({ ...NO_FILTERS, prog: 'old-pairing' }, facets).prog).toBe('pairing');
    expect(knownFilters({ ...NO_FILTERS, prog: 'never-was' }, facets).prog).toBeNull();
    const a = aggregate(index);
    const known = { inst: () => false, partner: () => false, prog: (id: string) => (index.programmes.has(id) ? id : facets.formerProgrammeIds.get(id)) };
    const sel = selectionFromString('prog:old-pairing', a, known);
    expect(sel).toEqual({ kind: 'prog', id: 'pairing' });
    expect(selectionToString(sel, a)).toBe('prog:pairing');
    expect(selectionFromString('prog:never-was', a, known)).toBeNull();
  });

  it('export the programme id and the batch beside the names', () => {
    const index = indexDataset(dataset(), anchors);
    const row = flattenLink(index, index.dataset.links.find((l) => l.id === 'l-5')!);
    expect([row.programme, row.programme_zh, row.programme_id, row.batch]).toEqual(['Pairing', '对口', 'pairing', '3']);
    const plain = flattenLink(index, index.dataset.links.find((l) => l.id === 'l-3')!);
    expect([plain.programme, plain.programme_id, plain.batch]).toEqual(['', '', '']);
  });
});

describe('programme coverage', () => {
  it('counts each figure\'s measure among the links more than planned', () => {
    const index = indexDataset(dataset(), anchors);
    const c = programmeCoverage(index, 'pairing')!;
    // l-1 hosp-a→PAK, l-2 hosp-a→uni-m (Malaysia), l-4 hosp-a→hosp-b (domestic: no country); l-5 (KAZ) is planned.
    expect(c.lines.map((l) => [l.figure.value, l.figure.measure, l.mapped])).toEqual([[46, 'institutions', 1], [41, 'countries', 2], [48, 'ties', 2]]);
    expect([c.links, c.planned, c.notInstitutions]).toEqual([4, 1, 0]);
    expect(coverageOfAll(index).map((x) => x.programme.id)).toEqual(['pairing']);
    expect(programmeCoverage(index, 'ghost')).toBeUndefined();
  });

  it('does not count a health commission or a place as an institution, but does count its countries', () => {
    const r = raw((x) => {
      (x.institutions as Record<string, unknown>[]).push({ ...(x.institutions as Record<string, unknown>[])[0], id: 'some-province', kind: 'place', name: { en: 'A province', zh: '某省' } });
      (x.links as RawLink[])[1] = { ...(x.links as RawLink[])[1], institution: 'some-province' };
    });
    const c = programmeCoverage(indexDataset(dataset(r), anchors), 'pairing')!;
    expect(c.lines.map((l) => l.mapped)).toEqual([1, 2, 2]);
    expect(c.notInstitutions).toBe(1);
  });

  it('never counts a group of countries as a country', () => {
    const r = raw((x) => { (x.links as RawLink[])[2] = { ...(x.links as RawLink[])[2], programme: 'pairing' }; });
    const c = programmeCoverage(indexDataset(dataset(r), anchors), 'pairing')!;
    expect(c.links).toBe(5);
    expect(c.lines[1]!.mapped).toBe(2);
  });
});
