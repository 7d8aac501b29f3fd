/**
 * The story panel: where the reader is ("Step 3 of 9"), the step's title and caption in the
 * reader's language, the sources it cites (each opens to the same citation a link's panel shows),
 * and the controls — previous, a dot per step (buttons named by step), next, close. A step number
 * the story does not have, a story that fails its checks, or a dataset without one each get a
 * message and a way out, never an empty box.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { DatasetIndex } from '../../domain/dataset-index.ts';
import type { Lang } from '../../url/view-state.ts';
import { SourceCitation } from '../SourceCitation.tsx';
import { ErrorView } from '../StatusViews.tsx';
import { LocalText } from '../LocalText.tsx';
import { DataFallbackNote } from '../DataFallbackNote.tsx';
import { dataTextLang } from '../format.ts';
import { dataText } from '../../domain/english-fallback.ts';
import { storyFocus, type StoryState } from './use-story.ts';
import './story.css';

export const STORY_PANEL_ID = 'story-panel';

export default function StoryPanel({ state, index, lang }: { state: StoryState; index: DatasetIndex; lang: Lang }) {
  const { t } = useTranslation();
  const { story, number: n, total, stepper, goTo, close } = state;
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the heading once, when the story's button opened the panel (see storyFocus).
  const hasStep = !!story && n !== null && n >= 1 && n <= total;
  useEffect(() => {
    if (!hasStep || !storyFocus.pending) return;
    storyFocus.pending = false;
    heading.current?.focus();
  }, [hasStep]);

  const closeButton = (
    <button type="button" className="icon-button story-close" aria-label={t('story.close')} onClick={() => {
      close();
      // The panel goes; focus returns to the button that opens it again.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.story-toggle')?.focus());
    }}>×</button>
  );
  if (state.status === 'error') {
    return (
      <section id={STORY_PANEL_ID} className="story-panel story-panel--message" aria-label={t('story.label')}>
        <ErrorView error={state.error} />
        {closeButton}
      </section>
    );
  }
  if (!story || n === null) {
    const absent = state.status === 'absent';
    return (
      <section id={STORY_PANEL_ID} className="story-panel story-panel--message" aria-label={t('story.label')}>
        <p role={absent ? 'alert' : 'status'}>{absent ? t('story.none') : t('story.loading')}</p>
        {absent && closeButton}
      </section>
    );
  }
  const step = n >= 1 && n <= total ? story.steps[n - 1] : undefined;
  if (!step) {
    return (
      <section id={STORY_PANEL_ID} className="story-panel story-panel--message" aria-label={t('story.label')}>
        <p role="alert" className="story-out-of-range">{t('story.outOfRange', { n, count: total })}</p>
        <div className="story-actions">
          <button type="button" onClick={() => goTo(1)}>{t('story.start')}</button>
          {closeButton}
        </div>
      </section>
    );
  }

  // One entry per source, its paragraphs in the order cited.
  const bySource = new Map<string, number[]>();
  for (const c of step.cites) bySource.set(c.source, [...(bySource.get(c.source) ?? []), c.para]);
  const progress = t('story.progress', { n, count: total });

  return (
    <section id={STORY_PANEL_ID} className="story-panel" aria-labelledby="story-step-title">
      <div className="story-head">
        <p className="story-kicker">
          <span><LocalText value={story.title} lang={lang} /></span> · <span className="story-progress">{progress}</span>
        </p>
        {closeButton}
      </div>
      <h2 id="story-step-title" ref={heading} tabIndex={-1}><LocalText value={step.title} lang={lang} /></h2>
      <p className="story-caption"><LocalText value={step.caption} lang={lang} /></p>
      {/* Arabic and Russian pages: the story is told in English and Chinese only; said here as in every panel. */}
      <DataFallbackNote lang={lang} />
      <div className="story-sources">
        <h3>{t('story.sources', { count: bySource.size })}</h3>
        <ul>
          {[...bySource].map(([id, paras]) => {
            const source = index.sources.get(id);
            const locator = paras.map((p) => `¶${p}`).join(', ');
            return (
              <li key={id}>
                {source ? (
                  <details>
                    <summary><span lang={dataTextLang(lang, source.title)}>{dataText(source.title, lang)}</span> <span className="story-locator">{locator}</span></summary>
                    <SourceCitation source={source} locator={locator} lang={lang} />
                  </details>
                ) : <span>{id} {locator}</span>}
              </li>
            );
          })}
        </ul>
      </div>
      <nav className="story-nav" aria-label={t('story.steps')}>
        {/* aria-disabled, not disabled: a disabled button drops the focus of whoever just pressed it. */}
        <button type="button" className="story-prev" aria-disabled={n <= 1} onClick={() => { if (n > 1) stepper?.prev(); }}>{t('story.prev')}</button>
        <ol className="story-dots">
          {story.steps.map((s, i) => (
            <li key={s.id}>
              <button type="button" className="story-dot" aria-label={t('story.dot', { n: i + 1, title: dataText(s.title, lang) })}
                aria-current={i + 1 === n ? 'step' : undefined} onClick={() => goTo(i + 1)} />
            </li>
          ))}
        </ol>
        <button type="button" className="story-next" aria-disabled={n >= total} onClick={() => { if (n < total) stepper?.next(); }}>{t('story.next')}</button>
      </nav>
      {/* Said once per step, so a screen reader hears where a key or a button took them. */}
      <p className="visually-hidden" aria-live="polite">{t('story.announce', { progress, title: dataText(step.title, lang) })}</p>
    </section>
  );
}
