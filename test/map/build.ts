/**
 * The mini dataset, plus a group with a regional anchor, a partner in Chile and links whose dates
 * make them only possible in some windows (a range, a "before" date), an undated link and a
 * planned one, built for map tests.
 */
import { aggregate, YEARS, type Tallies, type YearWindow } from '../../src/domain/aggregate.ts';
import { synthesize } from '../../src/domain/synth.ts';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

export function mapFixture() {
  const raw = miniDataset();
  raw.partners.push({ id: 'arab-22', kind: 'group', count: 22, anchor: [40, 24], name: { en: '22 Arab-speaking countries (not named)', zh: '22个阿拉伯语国家（未列名）' } } as never);
  const base = raw.links[0]!;
  raw.links.push(
    { ...base, id: 'l-5', partner: 'arab-22', date: { precision: 'year', value: '2019' }, types: ['conference'] } as never,
    { ...base, id: 'l-6', partner: 'CHL', date: { precision: 'year', value: '2021' }, types: ['training'] } as never,
    { ...base, id: 'l-7', partner: 'PAK', date: { precision: 'year', value: '2020' } } as never,
    { ...base, id: 'l-8', institution: 'hosp-b', partner: 'who', date: { precision: 'year', value: '2022' }, types: ['multilateral'] } as never,
    // Some time in 2016–2018: possible in any one of those years, certain "up to 2018".
    { ...base, id: 'l-9', institution: 'hosp-b', partner: 'KAZ', date: { precision: 'range', from: '2016', to: '2018' }, types: ['training'] } as never,
    // Undated: drawn only with undated links included.
    { ...base, id: 'l-10', institution: 'hosp-b', partner: 'KAZ', date: { precision: 'unknown' }, types: ['training'] } as never,
    // Some time in 2020–2022, to a partner with a link of its own in 2023.
    { ...base, id: 'l-11', partner: 'uni-m', date: { precision: 'range', from: '2020', to: '2022' }, types: ['training'] } as never,
    // By 2019 at the latest: only possible in any one year; the group's other link is in 2019.
    { ...base, id: 'l-12', institution: 'hosp-b', partner: 'arab-22', date: { precision: 'before', to: '2019' }, types: ['conference'] } as never,
    // Planned for 2025: drawn only with planned links included, never counted as a link.
    { ...base, id: 'l-13', partner: 'CHL', date: { precision: 'year', value: '2025' }, status: 'planned', types: ['training'] } as never,
  );
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  return { index, aggregates: aggregate(index) };
}

/** A synthetic dataset (ranges, "by" dates, ties, undated and planned links), aggregated. */
export function synthFixture(links: number, seed: number) {
  const d = synthesize({ links, seed });
  const r = validateDataset({ sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] } as never, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
  const index = indexDataset(r.dataset, anchors);
  return { index, aggregates: aggregate(index) };
}

/**
 * Every window the timeline can show: "up to" each year (from −Infinity), each year alone, each
 * range, with and without undated and planned links.
 */
export function allWindows(): YearWindow[] {
  const out: YearWindow[] = [];
  for (const from of [Number.NEGATIVE_INFINITY, ...YEARS]) {
    for (const to of YEARS) {
      if (to < from) continue;
      for (const includeUndated of [false, true]) for (const includePlanned of [false, true]) out.push({ from, to, includeUndated, includePlanned });
    }
  }
  return out;
}

/** What the map draws besides certain links, from the domain's four tallies. */
export const otherOf = (t: Tallies, i: number, w: YearWindow) =>
  (t.possible[i] ?? 0) + (w.includeUndated ? (t.undated[i] ?? 0) : 0) + (w.includePlanned ? (t.planned[i] ?? 0) : 0);
