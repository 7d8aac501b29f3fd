/** The counts the "About the data" dialog states: links, sources by kind, countries, institutions. Pure. */
import type { DatasetIndex } from './dataset-index.ts';
import { linkSourceIds } from './evidence.ts';
import type { Source } from './schema.ts';

export interface DatasetStats {
  links: number;
  sources: number;
  sourcesByKind: Record<Source['kind'], number>;
  /** Links that cite more than one source. */
  multiSourceLinks: number;
  /** Foreign countries linked, directly or through a partner institution in them. */
  partnerCountries: number;
  /** Chinese institutions that lead a link (what the map's summary counts). */
  leadInstitutions: number;
  /** … and those only named as taking part (`with`). */
  otherInstitutions: number;
}

export function datasetStats(index: DatasetIndex): DatasetStats {
  const { links, sources } = index.dataset;
  const countries = new Set<string>();
  const lead = new Set<string>();
  const named = new Set<string>();
  let multi = 0;
  for (const l of links) {
    const iso3 = index.partnerOf(l).iso3;
    if (iso3) countries.add(iso3);
    lead.add(l.institution);
    for (const w of l.with ?? []) named.add(w);
    if (linkSourceIds(l).length > 1) multi++;
  }
  for (const id of lead) named.delete(id);
  const sourcesByKind = { original: 0, news: 0, copy: 0 };
  for (const s of sources) sourcesByKind[s.kind]++;
  return {
    links: links.length, sources: sources.length, sourcesByKind, multiSourceLinks: multi,
    partnerCountries: countries.size, leadInstitutions: lead.size, otherInstitutions: named.size,
  };
}
