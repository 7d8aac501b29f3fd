/** data:check's copy check: summaries must not repeat a clause of the source they cite. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  MIN_CJK_RUN, MIN_WORD_RUN, checkSummaryCopies, datasetNames, definedNames, findCopiedRuns, namesIndex,
} from '../../src/domain/copy-check.ts';
import { formatProblem } from '../../src/domain/validate.ts';
import type { Dataset } from '../../src/domain/schema.ts';
import { REPO_ROOT, defaultSeedsDir, readSeedTexts } from '../../src/cli/read-seeds.ts';

const zhSource = [
  '2024年7月，一场跨越五千多公里的5G远程机器人辅助腹腔镜手术在新疆喀什地区第一人民医院成功完成。',
  '上海中医药大学附属岳阳中西医结合医院与当地医院签署协议。',
  '此前，医院专家已赴塔吉克斯坦推进泌尿微创技术培训中心筹备，开展学术与手术指导。',
  '双方约定在国际医学、远程诊疗、传染病防控、技术推广、人工智能应用及医学人才培训等方面开展合作。',
].join('\n');

const enSource = [
  'In 2021, it provided advanced online English training courses for 13 general surgery doctors from 10 medical institutions.',
  'Yueyang Hospital of Integrated Traditional Chinese and Western Medicine signed an agreement with the local hospital.',
  'The programme covers cardiology, oncology, neurology, paediatrics, emergency medicine and intensive care.',
].join('\n');

const longName = { zh: '上海中医药大学附属岳阳中西医结合医院', en: 'Yueyang Hospital of Integrated Traditional Chinese and Western Medicine' };
const names = namesIndex([longName.zh, longName.en]);

describe('copied runs in Chinese summaries', () => {
  it('flags a copied clause, whatever the punctuation', () => {
    const runs = findCopiedRuns(zhSource, '专家赴塔吉克斯坦推进泌尿微创技术培训中心筹备开展学术指导。', 'zh');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.text).toContain('推进泌尿微创技术培训中心筹备开展学术');
    expect(runs[0]!.length).toBeGreaterThanOrEqual(MIN_CJK_RUN);
  });

  it('does not flag the same facts reworded', () => {
    expect(findCopiedRuns(zhSource, '该院专家前往塔吉克斯坦，为筹建泌尿微创培训中心做准备，并指导当地学术和手术工作。', 'zh')).toEqual([]);
  });

  it('does not flag a name of the dataset, however long', () => {
    const summary = '上海中医药大学附属岳阳中西医结合医院同一家当地医院签约。';
    expect(findCopiedRuns(zhSource, summary, 'zh')).toHaveLength(1); // without the names it would be a copy
    expect(findCopiedRuns(zhSource, summary, 'zh', { names })).toEqual([]);
  });

  it('does not flag a list of fields', () => {
    const summary = '合作涵盖国际医学、远程诊疗、传染病防控、技术推广、人工智能应用及医学人才培训。';
    expect(findCopiedRuns(zhSource, summary, 'zh')).toEqual([]);
  });

  it('does not flag a title written in quotation marks', () => {
    const source = '中山五院举办“一带一路”国家胸外科医师高级培训班暨食管癌规范化诊疗宣讲，吸引多国医师参加。';
    expect(findCopiedRuns(source, '医院办了“‘一带一路’国家胸外科医师高级培训班暨食管癌规范化诊疗宣讲”。', 'zh')).toEqual([]);
    expect(findCopiedRuns(source, '医院办了一带一路国家胸外科医师高级培训班暨食管癌规范化诊疗宣讲。', 'zh')).toHaveLength(1);
  });

  it('knows the short names a source defines for itself', () => {
    expect(definedNames('中山大学附属第五医院（以下简称“中山五院”）与喀什地区第一人民医院(以下简称“喀地一院”)合作。')).toEqual(['中山五院', '喀地一院']);
    expect(definedNames('the plan (hereinafter referred to as the "implementation plan")')).toEqual(['implementation plan']);
  });
});

describe('copied runs in English summaries', () => {
  it('flags a copied clause, ignoring case and punctuation', () => {
    const runs = findCopiedRuns(enSource, 'in 2021 it provided Advanced Online English Training Courses for 13 general surgery doctors.', 'en');
    expect(runs.map((r) => r.text)).toEqual(['in 2021 it provided Advanced Online English Training Courses for 13 general surgery doctors']);
    expect(runs[0]!.length).toBeGreaterThanOrEqual(MIN_WORD_RUN);
  });

  it('does not flag the same facts reworded', () => {
    expect(findCopiedRuns(enSource, 'In 2021 thirteen general surgeons from ten institutions took its advanced online courses, taught in English.', 'en')).toEqual([]);
  });

  it('does not flag a name of the dataset or a list of fields', () => {
    const named = 'The Yueyang Hospital of Integrated Traditional Chinese and Western Medicine signed with a local hospital.';
    expect(findCopiedRuns(enSource, named, 'en')).toHaveLength(1);
    expect(findCopiedRuns(enSource, named, 'en', { names })).toEqual([]);
    expect(findCopiedRuns(enSource, 'Fields: cardiology, oncology, neurology, paediatrics, emergency medicine and intensive care.', 'en')).toEqual([]);
  });
});

describe('checkSummaryCopies', () => {
  const link = (id: string, zh: string, en: string, source = 'seed-a') => ({ id, summary: { en, zh }, evidence: [{ source, locator: '¶1' }] });

  it('reports each copied run with file, link id, field and the run, and only for sources with a text', () => {
    const texts = new Map([['seed-a', zhSource]]);
    const problems = checkSummaryCopies([
      link('l-copy', '专家已赴塔吉克斯坦推进泌尿微创技术培训中心筹备，开展学术与手术指导。', 'Experts went to Tajikistan.'),
      link('l-own', '专家前往塔吉克斯坦筹建培训中心。', 'Experts went to Tajikistan.'),
      link('l-other', '专家已赴塔吉克斯坦推进泌尿微创技术培训中心筹备，开展学术与手术指导。', 'x', 'web-page'),
    ], texts, { names });
    expect(problems).toEqual([{
      file: 'links.json', id: 'l-copy', field: 'summary.zh',
      message: expect.stringContaining('"专家已赴塔吉克斯坦推进泌尿微创技术培训中心筹备，开展学术与手术指导"'),
    }]);
    expect(formatProblem(problems[0]!)).toMatch(/^links\.json {2}l-copy {2}summary\.zh {2}copies \d+ characters of source "seed-a": /);
  });

  it('takes names from institutions, partners, countries, programmes and aliases', () => {
    const d = {
      sources: [],
      institutions: [{ id: 'i', kind: 'hospital', name: { en: 'Hospital A', zh: '甲医院' }, city: { en: 'X', zh: '某' }, coordinates: [0, 0], precision: 'city' }],
      partners: [{ id: 'p', kind: 'institution', country: 'MYS', name: { en: 'University M (UM)', zh: '某大学' } }],
      links: [{ partner: 'PAK', programme: 'programme-p' }],
      programmes: [{ id: 'programme-p', name: { en: 'Programme P', zh: '某项目' } }],
    } as unknown as Dataset;
    const all = datasetNames(d, [{ aliases: ['甲院'] }]);
    expect(all).toEqual(expect.arrayContaining(['Hospital A', '甲医院', 'University M (UM)', '某大学', 'Malaysia', '马来西亚', 'Pakistan', '巴基斯坦', 'Programme P', '某项目', '甲院']));
  });
});

describe('seed texts for data:check', () => {
  it('looks for shared/seeds beside the repository', () => {
    expect(defaultSeedsDir('/x/repo')).toBe(resolve('/x', 'shared', 'seeds'));
    expect(resolve(REPO_ROOT, 'src', 'domain', 'copy-check.ts')).toBe(resolve(__dirname, '..', '..', 'src', 'domain', 'copy-check.ts'));
  });

  it('skips (null) when the folder is absent, and reports a seed missing from a present folder', () => {
    const sources = [{ id: 'seed-a', file: 'a.txt' }, { id: 'seed-b', file: 'b.txt' }, { id: 'web' }];
    expect(readSeedTexts(join(tmpdir(), 'no-such-seeds-folder'), sources)).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'seeds-'));
    writeFileSync(join(dir, 'a.txt'), '一段文字');
    const read = readSeedTexts(dir, sources)!;
    expect([...read.texts]).toEqual([['seed-a', '一段文字']]);
    expect(read.problems).toEqual([expect.objectContaining({ file: 'sources.json', id: 'seed-b', field: 'file' })]);
  });
});
