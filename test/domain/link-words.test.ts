import { describe, expect, it } from 'vitest';
import { evidenceStrength } from '../../src/domain/evidence-strength.ts';
import {
  evidenceShort, evidenceWords, linkTimeWords, precisionWords, STATUS_ORDER, statusLabel,
} from '../../src/domain/link-words.ts';
import { LinkStatus } from '../../src/domain/schema.ts';
import { evidenceIndex } from '../fixtures/evidence-dataset.ts';

const index = evidenceIndex();
const link = (id: string) => index.dataset.links.find((l) => l.id === id)!;
const title = (id: string) => index.sources.get(id)?.title.en;

describe("a link's time in words", () => {
  it('says kind, date and status for an event', () => {
    expect(linkTimeWords(link('l-2'), 'en')).toBe('Event · 2023 · completed');
    expect(linkTimeWords(link('l-1'), 'en')).toBe('Event · 6 Sept 2018 · agreed (signed, not yet known to have started)');
    expect(linkTimeWords(link('l-1'), 'zh')).toBe('事件 · 2018年9月6日 · 已签署（尚不知是否已开始）');
  });

  it('says since when a tie runs, and the latest source that saw it running', () => {
    expect(linkTimeWords(link('l-tie'), 'en', title)).toBe('Tie · since 2019 · active, still running as of 25 Feb 2023 (Report src-wire)');
    expect(linkTimeWords(link('l-tie'), 'zh', (id) => index.sources.get(id)?.title.zh)).toBe('持续合作 · 自2019年起 · 进行中，截至2023年2月25日仍在进行（报道src-wire）');
  });

  it('says when a tie ended, at the precision given', () => {
    expect(linkTimeWords(link('l-ended'), 'en')).toBe('Tie · started between 2016 and 2017 · ended Aug 2023');
    expect(linkTimeWords(link('l-ended'), 'zh')).toBe('持续合作 · 始于2016年至2017年之间 · 2023年8月结束');
  });

  it('says an ended tie was seen running on its latest sighting, not that it is "still running"', () => {
    const ended = { ...link('l-tie'), status: 'ended' as const, end: { precision: 'month' as const, value: '2024-02' } };
    expect(linkTimeWords(ended, 'en', title)).toBe('Tie · since 2019 · ended Feb 2024, seen running on 25 Feb 2023 (Report src-wire)');
    expect(linkTimeWords(ended, 'zh', (id) => index.sources.get(id)?.title.zh)).toBe('持续合作 · 自2019年起 · 2024年2月结束，2023年2月25日时仍在进行（报道src-wire）');
  });

  it('says planned and undated links plainly', () => {
    expect(linkTimeWords(link('l-planned'), 'en')).toBe('Event · by 2025 · planned (announced, not yet known to have happened)');
    expect(linkTimeWords(link('l-3'), 'en')).toBe('Event · date not stated · status not stated');
  });

  it('names every status alone, in both languages, in the order of a link\'s life', () => {
    expect([...STATUS_ORDER].sort()).toEqual([...LinkStatus.options].sort());
    expect(statusLabel('agreed', 'en')).toBe('Agreed (signed, not yet known to have started)');
    expect(statusLabel('planned', 'en')).toBe('Planned');
    for (const s of STATUS_ORDER) expect(statusLabel(s, 'zh')).not.toBe(statusLabel(s, 'en'));
  });
});

describe("a link's evidence in words", () => {
  it('counts sources, names the sides and says stated or inferred', () => {
    expect(evidenceWords(evidenceStrength(index, link('l-2')), 'en')).toBe('2 sources (2 independent) · confirmed by the Chinese side and the partner side · stated');
    expect(evidenceWords(evidenceStrength(index, link('l-3')), 'en')).toBe('1 source (1 independent) · confirmed by a third party · stated');
    expect(evidenceWords(evidenceStrength(index, link('l-tie')), 'en'))
      .toBe('2 sources (2 independent) · confirmed by the partner side and a third party · inferred: The page names only "a Chinese hospital".');
    expect(evidenceWords(evidenceStrength(index, link('l-1')), 'zh')).toBe('3个来源（2个独立） · 经中方、合作方、第三方证实 · 来源明确陈述');
  });

  it('has a short form for a table cell', () => {
    expect(evidenceShort(evidenceStrength(index, link('l-2')), 'en')).toBe('Chinese side, partner side · 2 independent · stated');
    expect(evidenceShort(evidenceStrength(index, link('l-tie')), 'zh')).toBe('合作方、第三方 · 2个独立来源 · 推断');
  });

  it('says how exact the date and the places are', () => {
    expect(precisionWords(evidenceStrength(index, link('l-1')), 'en'))
      .toBe("date to the day · Place: Chinese institution at city level; partner at the country's marker");
    expect(precisionWords(evidenceStrength(index, link('l-3')), 'zh')).toBe('日期未说明 · 位置：中国机构为城市级；合作方为未给出地点');
  });
});
