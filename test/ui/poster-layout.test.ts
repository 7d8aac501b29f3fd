import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { layoutPoster, type PosterTexts } from '../../src/ui/downloads/poster-layout.ts';
import { legendEntries, posterTexts } from '../../src/ui/downloads/build-files.ts';
import en from '../../src/i18n/locales/en.json';
import zh from '../../src/i18n/locales/zh.json';

const resources = { en: { translation: en }, zh: { translation: zh } };
import { distinctSources } from '../../src/domain/evidence.ts';

// A monospace stand-in for canvas text measurement: 7 px per character, 13 per CJK character.
const measure = (s: string) => [...s].reduce((w, c) => w + (/[\u3000-\u9fff\uff00-\uffef]/.test(c) ? 13 : 7), 0);

const texts = (over: Partial<PosterTexts> = {}): PosterTexts => ({
  title: 'Health Silk Road Atlas', window: 'Up to 2025 · 224 links', filters: '', legendTitle: 'Kind of cooperation',
  legend: [{ kind: 'colour', colour: '#0072B2', label: 'Training' }, { kind: 'dashed', label: 'Domestic link' }, { kind: 'ring', label: 'Countries counted' }],
  legendNote: 'Arc width: number of links.', sources: 'Sources: 3 documents; see …', credit: 'Health Silk Road Atlas · Natural Earth · MapLibre', ...over,
});

async function tFor(lang: 'en' | 'zh') {
  const i = i18next.createInstance();
  await i.init({ resources, lng: lang, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i.t;
}

describe('layoutPoster', () => {
  it('keeps the map at its CSS size under the header, with legend and footer below, all text inside the width', () => {
    const l = layoutPoster(texts(), 900, 500, measure);
    expect(l.width).toBe(900);
    expect(l.mapHeight).toBe(500);
    expect(l.mapTop).toBeGreaterThan(40);
    expect(l.footerTop).toBeGreaterThan(l.mapTop + 500);
    expect(l.height).toBeGreaterThan(l.footerTop + 30);
    for (const line of l.lines) expect(line.x + measure(line.text)).toBeLessThanOrEqual(900);
    const header = l.lines.filter((x) => x.y < l.mapTop).map((x) => x.text);
    expect(header).toEqual(['Health Silk Road Atlas', 'Up to 2025 · 224 links']);
    const footer = l.lines.filter((x) => x.y > l.footerTop).map((x) => x.text);
    expect(footer).toEqual(['Sources: 3 documents; see …', 'Health Silk Road Atlas · Natural Earth · MapLibre']);
  });

  it('adds the filter sentence to the header, wrapped, and wraps legend items onto new rows on a narrow map', () => {
    const filters = 'Only links to Kazakhstan, Uzbekistan and Kyrgyzstan, of the kinds training and traditional Chinese medicine';
    const wide = layoutPoster(texts(), 900, 400, measure);
    const narrow = layoutPoster(texts({ filters }), 320, 400, measure);
    expect(narrow.mapTop).toBeGreaterThan(wide.mapTop + 40);
    const rows = new Set(narrow.entries.map((e) => e.y));
    expect(rows.size).toBeGreaterThan(1);
    for (const e of narrow.entries) expect(e.labelX + measure(e.entry.label)).toBeLessThanOrEqual(320);
  });

  it('wraps Chinese by character', () => {
    const l = layoutPoster(texts({ title: '健康丝绸之路图谱'.repeat(4) }), 200, 100, measure);
    expect(l.lines.filter((x) => x.y < l.mapTop).length).toBeGreaterThan(2);
  });
});

describe('posterTexts', () => {
  const links = [
    { evidence: [{ source: 'a', locator: '¶1' }, { source: 'b', locator: '¶2' }] },
    { evidence: [{ source: 'a', locator: '¶3' }] },
  ];

  it('counts each source once and says it in both languages, with plurals', async () => {
    expect(distinctSources(links)).toEqual(['a', 'b']);
    const en = posterTexts(await tFor('en'), 'en', links as never, 'Up to 2025', '');
    expect(en.sources).toBe("Sources: 2 documents; see the CSV's source columns or the atlas's Sources view");
    expect(en.window).toBe('Up to 2025 · 2 links');
    const one = posterTexts(await tFor('en'), 'en', [links[1]] as never, 'In 2019', '');
    expect(one.sources).toMatch(/^Sources: 1 document;/);
    expect(one.window).toBe('In 2019 · 1 link');
    const zh = posterTexts(await tFor('zh'), 'zh', links as never, '截至2025年', '');
    expect(zh.sources).toBe('来源：2 份文件；详见 CSV 的来源列或图谱的“来源”视图');
    expect(zh.title).toBe('健康丝绸之路图谱');
    expect(zh.legendNote).not.toMatch(/\. /);
  });

  it('gives the legend as the page does: seven colours, the domestic dash and the group ring', async () => {
    const entries = legendEntries(await tFor('en'));
    expect(entries.map((e) => e.kind)).toEqual([...Array(7).fill('colour'), 'dashed', 'ring']);
    expect(entries[0]).toEqual({ kind: 'colour', colour: '#0072B2', label: 'Training' });
  });
});
