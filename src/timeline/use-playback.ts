/**
 * Plays the timeline: one year per tick at the chosen speed, stopping on the last year. The
 * view (year, from) stays with the caller; this hook holds only "playing" and applies the pure
 * playbackReducer, so what a tick does is tested in Node (timeline-model.test.ts).
 */
import { useEffect, useEffectEvent, useState } from 'react';
import { SPEED_MS, playbackReducer, type PlaybackAction, type PlaybackSpeed, type TimelineView } from './timeline-model.ts';

export interface Playback {
  playing: boolean;
  play(): void;
  pause(): void;
  toggle(): void;
}

/** `onChange` receives the new window each tick (and on play when it restarts from the beginning). */
export function usePlayback(view: TimelineView, speed: PlaybackSpeed, onChange: (patch: { year: number; from: number }) => void): Playback {
  const [playing, setPlaying] = useState(false);

  const apply = (action: PlaybackAction) => {
    const next = playbackReducer({ ...view, playing }, action);
    if (next.year !== view.year || next.from !== view.from) onChange({ year: next.year, from: next.from });
    if (next.playing !== playing) setPlaying(next.playing);
  };
  // The timer reads the latest view and onChange without restarting on every render.
  const tick = useEffectEvent(() => apply({ type: 'tick' }));

  // A fresh timeout after every step (the caller's year change re-runs this effect), so a tick
  // always advances from the year actually shown, and a speed change applies at the next step.
  useEffect(() => {
    if (!playing) return;
    const id = setTimeout(tick, SPEED_MS[speed]);
    return () => clearTimeout(id);
  }, [playing, speed, view.year, view.from, view.mode]);

  return {
    playing,
    play: () => apply({ type: 'play' }),
    pause: () => apply({ type: 'pause' }),
    toggle: () => apply({ type: 'toggle' }),
  };
}
