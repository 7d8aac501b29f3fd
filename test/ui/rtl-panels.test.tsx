// @vitest-environment jsdom
/**
 * The panels main added, as an Arabic (and Russian) reader gets them: the story panel with its
 * English captions marked and said once, the import report with its English messages marked inside
 * Arabic sentences, the presenter bar, and the one English-fallback mark (LocalText) on each page.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { initI18n, switchLanguage } from '../../src/i18n/i18n.ts';
import StoryPanel from '../../src/ui/story/StoryPanel.tsx';
import type { StoryState } from '../../src/ui/story/use-story.ts';
import { ImportReportView } from '../../src/ui/ImportData.tsx';
import { PresentBar } from '../../src/present/PresentBar.tsx';
import { LocalText } from '../../src/ui/LocalText.tsx';
import { indexDataset } from '../../src/domain/dataset-index.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import type { Lang } from '../../src/url/view-state.ts';
import { miniDataset } from '../fixtures/mini-dataset.ts';
import { anchors } from '../fixtures/world.ts';

function datasetIndex() {
  const r = validateDataset(miniDataset(), '2026-11-23');
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return indexDataset(r.dataset, anchors);
}
const index = datasetIndex();
const noop = () => undefined;

const storyState = (n: number): StoryState => ({
  number: n, status: 'ready', error: null, total: 2, stepper: null, goTo: noop, open: noop, close: noop,
  story: {
    title: { en: 'A test story', zh: '测试故事' },
    steps: [
      { id: 's1', title: { en: 'First step', zh: '第一步' }, caption: { en: 'Hospital A signs an agreement.', zh: '甲医院签署协议。' }, cites: [{ source: 'src-a', para: 2 }], view: 'year=2018' },
      { id: 's2', title: { en: 'Second step', zh: '第二步' }, caption: { en: 'Training goes online.', zh: '培训转到线上。' }, cites: [{ source: 'src-a', para: 3 }], view: 'year=2023' },
    ],
  } as StoryState['story'],
});

beforeAll(async () => {
  initI18n();
  await i18next.changeLanguage('en');
});
afterEach(async () => {
  cleanup();
  await act(() => i18next.changeLanguage('en'));
});
const use = (lang: Lang) => act(() => switchLanguage(lang));

describe('the story panel on Arabic and Russian pages', () => {
  it('Arabic: interface words in Arabic, the story\'s English title and caption marked lang="en", said once', async () => {
    await use('ar');
    const { container } = render(<StoryPanel state={storyState(1)} index={index} lang="ar" />);
    expect(container.querySelector('.story-progress')?.textContent).toBe('الخطوة 1 من 2');
    const caption = container.querySelector('.story-caption [lang="en"]');
    expect(caption?.textContent).toBe('Hospital A signs an agreement.');
    expect(container.querySelector('h2 [lang="en"]')?.textContent).toBe('First step');
    expect(container.querySelectorAll('.data-fallback-note')).toHaveLength(1);
    expect(container.querySelector('.data-fallback-note')?.textContent).toContain('بالإنجليزية');
    // No per-text mark on top of the panel's note.
    expect(container.querySelectorAll('abbr.in-english-mark')).toHaveLength(0);
    expect(screen.getByRole('button', { name: 'الخطوة التالية' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'الخطوة 2: Second step' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3 }).textContent).toBe('المصدر:');
  });

  it('Russian: the same, in Russian; Chinese and English pages show their own caption, no note', async () => {
    await use('ru');
    const ru = render(<StoryPanel state={storyState(2)} index={index} lang="ru" />);
    expect(ru.container.querySelector('.story-progress')?.textContent).toBe('Шаг 2 из 2');
    expect(ru.container.querySelector('.story-caption [lang="en"]')?.textContent).toBe('Training goes online.');
    expect(ru.container.querySelectorAll('.data-fallback-note')).toHaveLength(1);
    ru.unmount();
    await use('zh');
    const zh = render(<StoryPanel state={storyState(2)} index={index} lang="zh" />);
    expect(zh.container.querySelector('.story-caption')?.textContent).toBe('培训转到线上。');
    expect(zh.container.querySelector('.story-caption [lang]')).toBeNull();
    expect(zh.container.querySelectorAll('.data-fallback-note')).toHaveLength(0);
  });

  it('a step number the story lacks is said in Arabic with the right plural', async () => {
    await use('ar');
    render(<StoryPanel state={storyState(5)} index={index} lang="ar" />);
    expect(screen.getByRole('alert').textContent).toBe('لا توجد خطوة 5: لهذه القصة خطوتان.');
  });
});

describe('the import report in Arabic', () => {
  it('counts in Arabic, each problem\'s English message marked inside the Arabic sentence', async () => {
    await use('ar');
    const { container } = render(<ImportReportView lang="ar" showing onBack={noop} onClose={noop} report={{
      state: 'done', file: 'my.csv', rows: 4, imported: 2, refused: [3, 4], englishFallbacks: 2, span: { first: 2015, last: 2025 },
      problems: [{ row: 3, column: 'date', message: '"2019-13-40" is not a date' }, { row: 1, column: 'colour', message: 'is not a column of the export' }],
    } as never} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('يُعرض ملفك my.csv');
    expect(screen.getByTestId('import-counts').textContent).toBe(
      'صفوف صارت روابط: 2 من 4 · رُفض صفّان: لا يظهران، والقائمة أدناه تبيّن السبب · الخط الزمني: 2015–2025 · نصّان صينيان كانا فارغين: يظهران في الصفحة الصينية بالإنجليزية (بعلامة EN)');
    const items = [...container.querySelectorAll('.import-problems li')];
    expect(items.map((li) => li.textContent)).toEqual(['الأعمدة: colour is not a column of the export', 'الصف 3، العمود date: "2019-13-40" is not a date']);
    expect(items.map((li) => li.querySelector('[lang="en"]')?.textContent)).toEqual(['is not a column of the export', '"2019-13-40" is not a date']);
    expect(screen.getByRole('button', { name: 'العودة إلى بيانات الأطلس' })).toBeTruthy();
  });

  it('in English the message is plain text in the sentence', async () => {
    const { container } = render(<ImportReportView lang="en" showing onBack={noop} onClose={noop} report={{
      state: 'done', file: 'my.csv', rows: 1, imported: 0, refused: [2], englishFallbacks: 0, span: { first: 2015, last: 2025 },
      problems: [{ row: 2, column: 'date', message: '"soon" is not a date' }],
    } as never} />);
    const li = container.querySelector('.import-problems li');
    expect(li?.textContent).toBe('Row 2, column date: "soon" is not a date');
    expect(li?.querySelector('[lang]')).toBeNull();
  });
});

describe('the presenter bar in Arabic', () => {
  it('names its controls in Arabic; its arrows are marked to be mirrored', async () => {
    await use('ar');
    const { container } = render(<PresentBar sentence="x" theme="dark" fullscreen={false} onPrev={noop} onNext={noop} onFullscreen={noop} onTheme={noop} onHelp={noop} onExit={noop} />);
    expect(screen.getByRole('toolbar').getAttribute('aria-label')).toBe('أدوات العرض التقديمي');
    expect(screen.getByRole('button', { name: 'السابق' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'التالي' })).toBeTruthy();
    expect(container.querySelectorAll('.present-arrow')).toHaveLength(2);
  });
});

describe('LocalText: one fallback rule, one mark', () => {
  const standingIn = { en: 'Kenyatta National Hospital', zh: 'Kenyatta National Hospital' };
  it('marks an imported English text "EN" on the Chinese page, and only lang="en" on the Arabic one (its panel says it once)', async () => {
    await use('zh');
    const zh = render(<p><LocalText value={standingIn} lang="zh" /></p>);
    expect(zh.container.querySelector('[lang="en"]')?.textContent).toBe('Kenyatta National Hospital');
    expect(zh.container.querySelector('abbr.in-english-mark')?.textContent).toBe('EN');
    zh.unmount();
    await use('ar');
    const ar = render(<p><LocalText value={{ en: 'Hospital A', zh: '甲医院' }} lang="ar" /></p>);
    expect(ar.container.querySelector('[lang="en"]')?.textContent).toBe('Hospital A');
    expect(ar.container.querySelector('abbr')).toBeNull();
  });
});
