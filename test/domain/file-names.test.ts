import { describe, expect, it } from 'vitest';
import { downloadFileName, MAX_FILE_NAME, slugify } from '../../src/domain/file-names.ts';

describe('downloadFileName', () => {
  it('names the subject and the years', () => {
    expect(downloadFileName({ subject: ['Kazakhstan'], from: 2015, to: 2025, ext: 'csv' })).toBe('health-silk-road_kazakhstan_2015-2025.csv');
  });

  it('says "all" when nothing is filtered, and one year once', () => {
    expect(downloadFileName({ subject: [], from: 2019, to: 2019, ext: 'png' })).toBe('health-silk-road_all_2019.png');
  });

  it('makes names ASCII and falls back to the id for non-Latin names', () => {
    expect(slugify('Côte d’Ivoire')).toBe('cote-divoire');
    expect(slugify('Türkiye / Straße, Łódź')).toBe('turkiye-strasse-lodz');
    expect(slugify('浙江大学')).toBe('');
    expect(downloadFileName({ subject: [{ name: '哈萨克斯坦', id: 'KAZ' }, { name: 'São Tomé', id: 'STP' }], from: 2016, to: 2020, ext: 'geojson' }))
      .toBe('health-silk-road_kaz_sao-tome_2016-2020.geojson');
    // A plain string that is not Latin says nothing, so it is left out.
    expect(downloadFileName({ subject: ['中医药'], from: 2015, to: 2025, ext: 'csv' })).toBe('health-silk-road_all_2015-2025.csv');
  });

  it('names at most three parts, then "and-more", without repeats', () => {
    expect(downloadFileName({ subject: ['Pakistan', 'pakistan', 'Laos', 'Nepal'], from: 2015, to: 2025, ext: 'csv' }))
      .toBe('health-silk-road_pakistan_laos_nepal_2015-2025.csv');
    expect(downloadFileName({ subject: ['Pakistan', 'Laos', 'Nepal', 'Peru'], from: 2015, to: 2025, ext: 'csv' }))
      .toBe('health-silk-road_pakistan_laos_nepal_and-more_2015-2025.csv');
  });

  it('stays within the length limit, cutting between words and keeping "and-more"', () => {
    const long = 'The Second Affiliated Hospital of a Very Long Named Medical University of Somewhere Province';
    const name = downloadFileName({ subject: [long, long.replace('Second', 'Third'), 'Laos', 'Peru'], from: 2015, to: 2025, ext: 'geojson' });
    expect(name.length).toBeLessThanOrEqual(MAX_FILE_NAME);
    expect(name).toMatch(/^health-silk-road_the-second-affiliated-[a-z0-9_-]*[a-z0-9]_and-more_2015-2025\.geojson$/);
  });
});
