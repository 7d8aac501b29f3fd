/**
 * The basemap while the data loads (early-map.ts): the box it draws in, below the loading
 * progress. The atlas's map takes it over when the data is here; until then it only shows the
 * sea and, once their file has arrived, the countries.
 */
import { useEffect, useRef } from 'react';
import { releaseEarlyMap, startEarlyMap } from './early-map.ts';
import { useMapStrings } from '../ui/use-map-strings.ts';
import './atlas-map.css';

export function EarlyBasemap({ cooperative }: { cooperative?: 'embed' }) {
  const box = useRef<HTMLDivElement>(null);
  const uiStrings = useMapStrings();
  const start = useRef({ uiStrings, cooperative });
  useEffect(() => {
    if (!box.current) return undefined;
    const { uiStrings: strings, cooperative: mode } = start.current;
    startEarlyMap(box.current, { uiStrings: strings, ...(mode ? { cooperative: mode } : {}) });
    return releaseEarlyMap;
  }, []);
  return <div className="early-map" data-testid="early-map" aria-hidden="true"><div ref={box} className="atlas-map" /></div>;
}
