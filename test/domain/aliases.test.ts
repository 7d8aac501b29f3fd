/** The alias list's checks (data:check) and the programme id rule. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { checkAliases, parseAliases } from '../../src/domain/aliases.ts';
import { listProgrammes, programmeId } from '../../src/domain/programmes.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';

function mini(): Dataset {
  const raw = miniDataset();
  raw.links[0] = { ...raw.links[0]!, programme: { en: 'China–Africa Paired Hospitals', zh: '中非对口医院' } } as never;
  const r = validateDataset(raw, '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.dataset;
}

const messages = (raw: unknown) => checkAliases(raw, mini()).map((p) => `${p.id} ${p.field}: ${p.message}`);

describe('the alias list', () => {
  it('accepts aliases for institutions, partners, partner countries and programmes', () => {
    expect(messages([
      { target: 'hosp-a', aliases: ['HA', '甲院'] },
      { target: 'who', aliases: ['世卫'] },
      { target: 'MYS', aliases: ['大马'] },
      { target: 'PAK', aliases: ['Pak'] },
      { target: 'programme:china-africa-paired-hospitals', aliases: ['Paired hospitals'] },
    ])).toEqual([]);
  });

  it('reports targets that are not in the data', () => {
    expect(messages([
      { target: 'nowhere', aliases: ['X'] },
      { target: 'FRA', aliases: ['La France'] },
      { target: 'programme:no-such-thing', aliases: ['Y'] },
      { target: 'Not An Id', aliases: ['Z'] },
    ])).toEqual([
      'Not An Id target: must be an institution or partner id, an ISO3 country code or programme:<id>',
      'nowhere target: unknown target "nowhere" (not an institution or partner id)',
      'FRA target: FRA is not a partner country of any link or partner institution',
      'programme:no-such-thing target: no link names a programme with id "no-such-thing"',
    ]);
  });

  it('reports empty aliases, empty lists and a file that is not a list', () => {
    expect(messages([{ target: 'hosp-a', aliases: ['  '] }, { target: 'hosp-b', aliases: [] }, { target: 'who', aliases: ['—'] }])).toEqual([
      'hosp-a aliases.0: must not be empty',
      'hosp-b aliases: list at least one alias',
      'who aliases.0: "—" has no letters or digits',
    ]);
    expect(messages({ 'hosp-a': ['HA'] })).toEqual(['(file) : must be a JSON array of { target, aliases }']);
  });

  it('reports an alias given to two targets, or twice, whatever its case and accents', () => {
    expect(messages([
      { target: 'hosp-a', aliases: ['Shared', 'Twice', 'twice'] },
      { target: 'hosp-b', aliases: ['SHARED'] },
      { target: 'hosp-a', aliases: ['Other'] },
    ])).toEqual([
      'hosp-a aliases.2: "twice" is given twice',
      'hosp-b aliases.0: "SHARED" is also an alias of hosp-a: an alias names one target',
      'hosp-a target: is listed twice: give all its aliases in one entry',
    ]);
  });

  it('reports an alias that repeats a name the target already has', () => {
    expect(messages([
      { target: 'hosp-a', aliases: ['hospital a', '甲医院'] },
      { target: 'MYS', aliases: ['Malaysia'] },
      { target: 'programme:china-africa-paired-hospitals', aliases: ['China-Africa paired hospitals'] },
    ])).toEqual([
      'hosp-a aliases.0: "hospital a" is already a name of hosp-a; search finds it without an alias',
      'hosp-a aliases.1: "甲医院" is already a name of hosp-a; search finds it without an alias',
      'MYS aliases.0: "Malaysia" is already a name of MYS; search finds it without an alias',
      'programme:china-africa-paired-hospitals aliases.0: "China-Africa paired hospitals" is already a name of programme:china-africa-paired-hospitals; search finds it without an alias',
    ]);
    // Names the country list gives (UK, USA, UAE) are names too.
    const d = mini();
    d.links.push({ ...d.links[0]!, id: 'l-9', partner: 'GBR' });
    expect(checkAliases([{ target: 'GBR', aliases: ['UK', 'Britain'] }], d).map((p) => p.field)).toEqual(['aliases.0']);
  });

  it('parses for the loader with the file name given', () => {
    expect(parseAliases([{ target: 'x', aliases: ['A'], extra: 1 }], 'data/aliases.json').problems).toEqual([
      { file: 'data/aliases.json', id: 'x', field: '', message: 'Unrecognized key: "extra"' },
    ]);
  });

  it('passes its checks in data/', () => {
    const r = validateDataset(readDataDir('data').raw);
    if (!r.ok) throw new Error('data/ is invalid');
    expect(checkAliases(JSON.parse(readFileSync('data/aliases.json', 'utf8')), r.dataset)).toEqual([]);
  });
});

describe('programme ids', () => {
  it('follow the one rule: lowercase, runs of other characters one hyphen, trimmed, at most 80 characters', () => {
    expect(programmeId({ en: 'China–CEEC Hospital Cooperation Alliance' })).toBe('china-ceec-hospital-cooperation-alliance');
    expect(programmeId({ en: '“Chinese Medicine Week” (as the page calls it)' })).toBe('chinese-medicine-week-as-the-page-calls-it');
    expect(programmeId({ en: "  Qihuang TCM College in Hungary (Gansu's eighth abroad)  " })).toBe('qihuang-tcm-college-in-hungary-gansu-s-eighth-abroad');
    expect(programmeId({ en: 'Fünf Programme' })).toBe('f-nf-programme');
    const long = programmeId({ en: `${'a'.repeat(79)} b c` });
    expect(long).toBe('a'.repeat(79));
    expect(programmeId({ en: 'x'.repeat(100) })).toHaveLength(80);
  });

  it('group spellings that share an id into one programme, counting links', () => {
    const raw = miniDataset();
    const named = [{ en: 'China–CEEC Alliance', zh: '甲' }, undefined, { en: 'China-CEEC alliance', zh: '乙' }, { en: 'Other', zh: '丙' }];
    raw.links = (raw.links as object[]).slice(0, 4).map((l, i) => ({ ...l, programme: named[i] })) as never;
    const r = validateDataset(raw, '2026-11-23');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.dataset.links.map((l) => l.programme)).toEqual(['china-ceec-alliance', undefined, 'china-ceec-alliance', 'other']);
    expect(listProgrammes(r.dataset)).toEqual([
      { id: 'china-ceec-alliance', name: { en: 'China–CEEC Alliance', zh: '甲' }, links: 2 },
      { id: 'other', name: { en: 'Other', zh: '丙' }, links: 1 },
    ]);
  });
});
