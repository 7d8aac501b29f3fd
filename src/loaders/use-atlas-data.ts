/** One query key and one hook for the bundled data (TanStack Query); it never goes stale. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { LOAD_FILE_COUNT, loadAtlasData, pageStallMs, type OnWorld } from './load-atlas-data.ts';

export const atlasDataKey = (dataPath: string) => ['atlas-data', dataPath] as const;

/** `onWorld`: the world's shapes have arrived, before the data may have (the early basemap draws them). */
export function useAtlasData(dataPath: string, onWorld?: OnWorld) {
  const [progress, setProgress] = useState<{ done: number; total: number; waiting: readonly string[] }>({ done: 0, total: LOAD_FILE_COUNT, waiting: [] });
  const query = useQuery({
    queryKey: atlasDataKey(dataPath),
    queryFn: ({ signal }) => loadAtlasData(dataPath, (done, total, waiting) => setProgress({ done, total, waiting }), signal, document.baseURI, pageStallMs(), onWorld),
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false, // a retry is the user's choice, from the error message
    refetchOnWindowFocus: false,
    // Loaded once and never changed: nothing to share with an earlier result, and a deep compare
    // would read every link of the array (which makes each link it reads).
    structuralSharing: false,
  });
  return { ...query, progress };
}
