/** The counts the "About the data" dialog states: links, sources by kind, countries, institutions. Pure. */
import { linkSourceIds } from './evidence.ts';
import { isCountryRef, type Dataset, type Source } from './schema.ts';

export interface DatasetStats {
  links: number;
  sources: number;
  sourcesByKind: Record<Source['kind'], number>;
  /** Links that cite more than one source. */
  multiSourceLinks: number;
  /** Foreign countries linked, directly or through a partner institution in them. */
  partnerCountries: number;
  /** Chinese institutions that lead a link or are named as taking part. */
  institutions: number;
}

export function datasetStats(d: Dataset): DatasetStats {
  const partnerCountry = new Map(d.partners.flatMap((p) => (p.kind === 'institution' ? [[p.id, p.country] as const] : [])));
  const countries = new Set<string>();
  const institutions = new Set<string>();
  let multi = 0;
  for (const l of d.links) {
    const c = isCountryRef(l.partner) ? l.partner : partnerCountry.get(l.partner);
    if (c) countries.add(c);
    institutions.add(l.institution);
    for (const w of l.with ?? []) institutions.add(w);
    if (linkSourceIds(l).length > 1) multi++;
  }
  const sourcesByKind = { original: 0, news: 0, copy: 0 };
  for (const s of d.sources) sourcesByKind[s.kind]++;
  return { links: d.links.length, sources: d.sources.length, sourcesByKind, multiSourceLinks: multi, partnerCountries: countries.size, institutions: institutions.size };
}
