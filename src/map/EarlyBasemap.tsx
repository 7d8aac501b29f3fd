/**
 * The basemap while the data loads (early-map.ts): the box it draws in, below the loading
 * progress. The atlas's map takes it over when the data is here; until then it only shows the
 * sea and, once their file has arrived, the countries.
 *
 * It starts only when the load takes longer than EARLY_MAP_AFTER_MS. Measured on a two-core
 * machine drawing with SwiftShader, a map started at once beside the bundled data (which is ready
 * in about a second) made the atlas ready 0.9 s later (median of 7 alternating loads: 4.4 s
 * against 3.5 s): its drawing competes with the data's preparation. A slower load (a large data=
 * folder, a poor network) gets the basemap while it waits.
 */
import { useEffect, useRef } from 'react';
import { releaseEarlyMap, startEarlyMap } from './early-map.ts';
import { useMapStrings } from '../ui/use-map-strings.ts';
import './atlas-map.css';

/** How long a load may take before the basemap is started beside it. */
export const EARLY_MAP_AFTER_MS = 1000;

export function EarlyBasemap({ cooperative }: { cooperative?: 'embed' }) {
  const box = useRef<HTMLDivElement>(null);
  const uiStrings = useMapStrings();
  const start = useRef({ uiStrings, cooperative });
  useEffect(() => {
    const timer = setTimeout(() => {
      if (!box.current) return;
      const { uiStrings: strings, cooperative: mode } = start.current;
      startEarlyMap(box.current, { uiStrings: strings, ...(mode ? { cooperative: mode } : {}) });
    }, EARLY_MAP_AFTER_MS);
    return () => {
      clearTimeout(timer);
      releaseEarlyMap();
    };
  }, []);
  return <div className="early-map" data-testid="early-map" aria-hidden="true"><div ref={box} className="atlas-map" /></div>;
}
