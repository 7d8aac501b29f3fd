/** Announces the window and its counts to screen readers after the timeline settles. */
import { useEffect, useState } from 'react';
import { LIVE_SETTLE_MS } from './live-settle.ts';

export function LiveRegion({ message, delay = LIVE_SETTLE_MS }: { message: string; delay?: number }) {
  const [spoken, setSpoken] = useState(message);
  useEffect(() => {
    // Debounced so that scrubbing or playback does not flood the reader with every step.
    const id = setTimeout(() => setSpoken(message), delay);
    return () => clearTimeout(id);
  }, [message, delay]);
  return <div className="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">{spoken}</div>;
}
