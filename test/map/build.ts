/** The mini dataset, plus a group with a regional anchor and a partner in Chile, built for map tests. */
import { aggregate } from '../../src/domain/aggregate.ts';
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
  );
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const index = indexDataset(r.dataset, anchors);
  return { index, aggregates: aggregate(index) };
}
