/**
 * Dev-only page (test/harness/timeline.html, not part of the build): the timeline with a fake
 * histogram in English and Chinese, its state held here, for looking at it in a browser.
 */
import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { LINK_TYPES, YEAR_COUNT } from '../domain/aggregate.ts';
import type { TimelineMode } from '../url/view-state.ts';
import { Timeline, type TimelineLabels } from './Timeline.tsx';
import '../ui/app.css';

const LABELS: Record<'en' | 'zh', TimelineLabels> = {
  en: {
    sliderLabel: 'Year',
    fromSliderLabel: 'First year of the range',
    valueText: (year, mode, from) => (mode === 'upto' ? `up to ${year}` : mode === 'in' ? `${year}` : `${from} to ${year}`),
    modeGroup: 'Show links', modeUpTo: 'Up to year', modeIn: 'In year', modeRange: 'Range',
    play: 'Play', pause: 'Pause', speed: 'Speed', speeds: { slow: 'Slow', normal: 'Normal', fast: 'Fast' },
    undatedCount: (n) => `Undated: ${n} links`,
    undatedToggle: (n) => `Include ${n} undated links`,
    undatedHint: 'Links whose source gives no single year (no date, “by 2023”, “between 2016 and 2018”). They are never placed on a guessed year.',
    histogramLabel: 'Links per year, by kind of cooperation',
    yearCount: (year, count, possible) => `${year}: ${count} link${count === 1 ? '' : 's'}${possible ? `, ${possible} more possibly` : ''}`,
    possibleKey: 'possibly in the year',
    plannedToggle: (n) => `Include ${n} planned link${n === 1 ? '' : 's'}`,
    plannedHint: 'Announced or intended; left out of counts.',
  },
  zh: {
    sliderLabel: '年份',
    fromSliderLabel: '区间起始年份',
    valueText: (year, mode, from) => (mode === 'upto' ? `截至${year}年` : mode === 'in' ? `${year}年` : `${from}年至${year}年`),
    modeGroup: '显示连线', modeUpTo: '截至该年', modeIn: '当年', modeRange: '区间',
    play: '播放', pause: '暂停', speed: '速度', speeds: { slow: '慢', normal: '中', fast: '快' },
    undatedCount: (n) => `未注明年份：${n} 条`,
    undatedToggle: (n) => `包括 ${n} 条未注明年份的连线`,
    undatedHint: '来源未给出确切年份的连线（无日期、“2023年或之前”、“2016至2018年之间”）。绝不按猜测的年份放置。',
    histogramLabel: '每年连线数，按合作类别',
    yearCount: (year, count, possible) => `${year}年：${count} 条连线${possible ? `，另有 ${possible} 条可能` : ''}`,
    possibleKey: '可能在该年',
    plannedToggle: (n) => `包括 ${n} 条计划中的连线`,
    plannedHint: '只宣布或打算开展的合作；不计入统计。',
  },
};

// A deterministic, uneven fake: growth to 2019, a dip in 2020–21, recovery.
const T = LINK_TYPES.length;
const histogram = new Uint32Array(YEAR_COUNT * T);
const shape = [3, 5, 8, 12, 16, 7, 6, 11, 14, 17, 9];
shape.forEach((n, y) => {
  for (let t = 0; t < T; t++) histogram[y * T + t] = Math.floor((n * (((t * 7 + y * 3) % 5) + 1)) / 12);
});
const undatedByType = new Uint32Array(T).map((_, t) => (t % 4 === 0 ? 3 : 0));

function Harness() {
  const params = new URLSearchParams(location.search);
  const [lang, setLang] = useState<'en' | 'zh'>(params.get('lang') === 'zh' ? 'zh' : 'en');
  const [reducedMotion, setReducedMotion] = useState(params.has('reduced'));
  const [view, setView] = useState({
    mode: (params.get('mode') ?? 'upto') as TimelineMode,
    year: Number(params.get('year') ?? 2025),
    from: Number(params.get('from') ?? 2015),
    includeUndated: false,
  });
  const none = params.has('noundated');
  return (
    <main style={{ padding: 12, maxWidth: 1920 }} lang={lang === 'zh' ? 'zh-Hans' : 'en'}>
      <p style={{ display: 'flex', gap: 8, margin: '0 0 12px', fontSize: 13 }}>
        <button type="button" onClick={() => setLang(lang === 'en' ? 'zh' : 'en')}>{lang === 'en' ? '中文' : 'English'}</button>
        <label><input type="checkbox" checked={reducedMotion} onChange={(e) => setReducedMotion(e.target.checked)} /> reduced motion</label>
        <output data-testid="state" style={{ overflowWrap: 'anywhere', minWidth: 0 }}>{JSON.stringify(view)}</output>
      </p>
      <Timeline
        histogram={histogram}
        undatedByType={none ? new Uint32Array(T) : undatedByType}
        {...view}
        lang={lang}
        labels={LABELS[lang]}
        reducedMotion={reducedMotion}
        onChange={(patch) => setView((v) => ({ ...v, ...patch }))}
      />
    </main>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Harness /></StrictMode>);
