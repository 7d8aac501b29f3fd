/**
 * The story's state, kept in the view (`story=N` in the URL, 1-based): which step is open, the
 * loaded story, and a Stepper that moves through it — the one the story panel's buttons use and
 * the one presenter mode's keys are given (null while no story is open). Moving to a step sets its
 * view (years, filters, selection, tab) in the same update as its number, so one step is one
 * history entry, and asks the map to frame what the step shows (or fly to its camera). A step
 * reached otherwise — a shared `?story=N`, Back or Forward — is applied once the story is loaded.
 * Leaving the story keeps the view as it is.
 */
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { Dispatch, SetStateAction } from 'react';
import type { AtlasData } from '../../loaders/load-atlas-data.ts';
import type { ViewState } from '../../url/view-state.ts';
import { replaceNextChange } from '../../url/use-url-sync.ts';
import type { FitRequest } from '../../map/map-controller.ts';
import type { Stepper } from '../../present/stepper.ts';
import type { Story } from '../../domain/story.ts';

export interface StoryState {
  /** The step number the view asks for (may be out of range), or null: no story open. */
  number: number | null;
  story: Story | null;
  /** Still loading, failed (with the error), or the dataset has no story. */
  status: 'idle' | 'loading' | 'error' | 'ready' | 'absent';
  error: Error | null;
  total: number;
  /** Null while no story is open (or it is not loaded): keys then do what they do without a story. */
  stepper: Stepper | null;
  goTo: (n: number) => void;
  open: () => void;
  close: () => void;
}

export const storyKey = (dataPath: string) => ['story', dataPath] as const;

/**
 * Set by the story's button: the panel, once it shows a step, moves focus to its heading (the
 * button is gone by then). A `?story=N` link or a key press leaves focus where it is.
 */
export const storyFocus = { pending: false };

export function useStory({ view, data, setView, setFit, wanted }: {
  view: ViewState;
  data: AtlasData | undefined;
  setView: Dispatch<SetStateAction<ViewState>>;
  setFit: (fit: FitRequest) => void;
  /** Load the story now (after the first view is on screen, or when the URL asks for a step). */
  wanted: boolean;
}): StoryState {
  const query = useQuery({
    queryKey: storyKey(view.dataPath),
    // The story's code (schema, checks) is its own chunk: a reader who never opens it never loads it.
    queryFn: async ({ signal }) => {
      const { loadStory } = await import('../../loaders/load-story.ts');
      return loadStory(view.dataPath, data as AtlasData, signal);
    },
    enabled: !!data && (wanted || view.story !== null),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnWindowFocus: false,
  });
  const story = query.data ?? null;
  const total = story?.steps.length ?? 0;
  const n = view.story;
  // The step whose view was last applied: a step is applied once, so the reader may then move the
  // timeline or the map without the story putting them back.
  const applied = useRef<number | null>(null);

  // The step the view names now, for a step applied later (its code loads first) to see whether
  // the reader went elsewhere meanwhile (Back or Forward), before the effect below has caught up.
  const current = useRef(n);
  current.current = n;

  const apply = useCallback((k: number) => {
    applied.current = k;
    const from = current.current;
    const step = story?.steps[k - 1];
    if (!step) {
      setView((v) => (v.story === k ? v : { ...v, story: k }));
      return;
    }
    void import('../../loaders/load-story.ts').then(({ stepView, stepCamera }) => {
      if (applied.current !== k) return; // the reader moved on meanwhile
      // The camera stays where it is, so the map flies from here to the step's frame.
      setView((v) => {
        // Back or Forward went to another step (or out of the story) after this one was asked for:
        // that entry's view stands. Applying this step over it would add an entry and lose Forward.
        if (v.story !== from && v.story !== k) return v;
        // The step the URL already names (a deep link) gets its view in place: Back should leave it, not show it bare.
        if (v.story === k) replaceNextChange.pending = true;
        return { ...stepView(step, v, k), camera: v.camera };
      });
      const camera = stepCamera(step);
      setFit(camera ? { kind: 'at', camera, id: Date.now() } : { kind: 'shown', id: Date.now() });
    });
  }, [story, setView, setFit]);

  useEffect(() => {
    if (n === null) { applied.current = null; return; }
    if (story && n !== applied.current) apply(n);
  }, [n, story, apply]);

  const valid = n !== null && n >= 1 && n <= total;
  const stepper = useMemo<Stepper | null>(() => (n === null || !story ? null : {
    next: () => apply(valid ? Math.min(total, n + 1) : 1),
    prev: () => apply(valid ? Math.max(1, n - 1) : 1),
    first: () => apply(1),
    last: () => apply(total),
  }), [n, story, valid, total, apply]);

  const open = useCallback(() => {
    if (story) apply(1);
    else setView((v) => ({ ...v, story: 1 }));
  }, [story, apply, setView]);
  const close = useCallback(() => {
    applied.current = null;
    setView((v) => ({ ...v, story: null }));
  }, [setView]);

  const status = !query.isFetched && !query.isFetching ? 'idle' : query.isPending ? 'loading' : query.isError ? 'error' : story ? 'ready' : 'absent';
  return { number: n, story, status, error: query.error, total, stepper, goTo: apply, open, close };
}
