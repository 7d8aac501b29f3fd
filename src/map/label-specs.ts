/**
 * Which names the map writes, in priority order: what the pointer is on and what is selected,
 * then group rings (so an unnamed group is never mistaken for a country), the few busiest
 * institutions, then partner countries by links. Links certain in the window come first; groups
 * and countries lit only by possible links follow, by those. Placement (labels.ts) drops what collides.
 */
import { countryName } from '../domain/countries.ts';
import type { LabelSpec } from './labels.ts';
import type { MapItem } from './map-item.ts';
import type { MapModel } from './map-model.ts';
import type { WindowState } from './window-state.ts';
import { dataLang, type Lang } from '../domain/dates.ts';

export interface LabelContext {
  lang: Lang;
  hovered: MapItem | null;
  selection: MapItem | null;
  /** Screen position (CSS px in the map box) of a [lon, lat]. */
  project: (p: readonly [number, number]) => { x: number; y: number };
  /** Radius of a group ring on screen now. */
  ringPx: number;
  /** How many institutions get a name without being hovered. */
  institutionLabels: number;
}

const byTotalDesc = (totals: Uint32Array) => (a: number, b: number) => (totals[b] ?? 0) - (totals[a] ?? 0) || a - b;
const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);
/** Slots with certain links by their count, then slots with only other drawn links by theirs. */
const certainThenPossible = (certain: Uint32Array, other: Uint32Array): number[] => [
  ...indexes(certain.length).filter((i) => (certain[i] ?? 0) > 0).sort(byTotalDesc(certain)),
  ...indexes(certain.length).filter((i) => (certain[i] ?? 0) === 0 && (other[i] ?? 0) > 0).sort(byTotalDesc(other)),
];

export function buildLabelSpecs(model: MapModel, state: WindowState, ctx: LabelContext): LabelSpec[] {
  const specs: LabelSpec[] = [];
  const seen = new Set<string>();
  const push = (s: LabelSpec | null) => {
    if (s && !seen.has(s.key)) {
      seen.add(s.key);
      specs.push(s);
    }
  };
  const inst = (i: number): LabelSpec | null => {
    const x = model.institutions[i];
    return x ? { key: `i:${x.key}`, kind: 'institution', text: x.name[dataLang(ctx.lang)], ...ctx.project(x.point), clearance: state.institutionRadii[i] ?? 0 } : null;
  };
  const marker = (i: number): LabelSpec | null => {
    const x = model.markers[i];
    return x ? { key: `m:${x.key}`, kind: 'marker', text: x.name[dataLang(ctx.lang)], ...ctx.project(x.point), clearance: state.markerRadii[i] ?? 0 } : null;
  };
  const group = (i: number): LabelSpec | null => {
    const x = model.groups[i];
    return x ? { key: `g:${x.key}`, kind: 'group', text: x.name[dataLang(ctx.lang)], ...ctx.project(x.point), clearance: ctx.ringPx } : null;
  };
  const country = (i: number): LabelSpec | null => {
    const c = model.countries[i];
    return c?.labelAt ? { key: `c:${c.iso3}`, kind: 'country', text: countryName(c.iso3, ctx.lang), ...ctx.project(c.labelAt), clearance: 0 } : null;
  };
  const partner = (key: string) => {
    const m = model.markers.findIndex((x) => x.key === key);
    if (m >= 0) push(marker(m));
    const g = model.groups.findIndex((x) => x.key === key);
    if (g >= 0) push(group(g));
    const c = model.countries.findIndex((x) => x.iso3 === key);
    if (c >= 0) push(country(c));
  };
  for (const item of [ctx.hovered, ctx.selection]) {
    if (!item) continue;
    if (item.kind === 'inst') push(inst(model.institutions.findIndex((x) => x.key === item.id)));
    else if (item.kind === 'partner') partner(item.key);
    else {
      const pair = model.pairs[item.pair];
      if (!pair) continue;
      push(inst(model.pairInstitution[pair.index] ?? -1));
      partner(pair.partnerKey);
    }
  }
  certainThenPossible(state.groupTotals, state.groupOther).forEach((i) => push(group(i)));
  indexes(model.institutions.length).filter((i) => (state.institutionTotals[i] ?? 0) > 0).sort(byTotalDesc(state.institutionTotals))
    .slice(0, ctx.institutionLabels).forEach((i) => push(inst(i)));
  certainThenPossible(state.countryTotals, state.countryOther).forEach((i) => push(country(i)));
  return specs;
}
