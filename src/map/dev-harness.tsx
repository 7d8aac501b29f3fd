/**
 * Dev-only page (test/harness/map.html) that shows <AtlasMap> full-window on the real data, to look at
 * it and screenshot it. Query: ?year=2015…2025 (window "up to" the year; ?mode=in for that year
 * alone; ?from=YYYY for a range from that year; ?undated=1 and ?planned=1 draw undated and
 * planned links), ?lang=zh, ?sel=inst:ID |
 * partner:KEY | arc:N, ?motion=0 for reduced motion, ?data=FOLDER (same-origin, e.g. a synthetic
 * set). From a test, `window.atlasHarness.setYear(y)` steps the timeline and `setLang` switches
 * the language. Not part of the production build.
 */
import { StrictMode, useCallback, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import { DATA_FILES, type RawDataset } from '../domain/schema.ts';
import { validateDataset } from '../domain/validate.ts';
import { indexDataset } from '../domain/dataset-index.ts';
import { aggregate, type YearWindow } from '../domain/aggregate.ts';
import { countryBorders, countryShapes, type WorldTopology } from '../domain/world.ts';
import { countryAnchors } from '../domain/country-anchors.ts';
import { AtlasMap, type MapItem } from './AtlasMap.tsx';

declare global {
  interface Window {
    atlasHarness?: { setYear: (year: number) => void; setLang: (lang: 'en' | 'zh') => void; events: string[] };
  }
}

const params = new URLSearchParams(location.search);
const initialYear = Math.min(2025, Math.max(2015, Number(params.get('year') ?? '2025') || 2025));
const events: string[] = [];
const fromParam = params.get('from');
const fromYear = fromParam === null ? null : Math.min(2025, Math.max(2015, Number(fromParam) || 2015));
const inYear = params.get('mode') === 'in';
const includeUndated = params.get('undated') === '1';
const includePlanned = params.get('planned') === '1';
const dataDir = /^[\w./-]+$/.test(params.get('data') ?? '') && !(params.get('data') ?? '').includes('..') ? params.get('data') as string : 'data';

function parseSel(s: string | null): MapItem | null {
  if (!s) return null;
  const [kind, rest = ''] = s.split(/:(.*)/s);
  if (kind === 'inst') return { kind: 'inst', id: rest };
  if (kind === 'partner') return { kind: 'partner', key: rest };
  if (kind === 'arc') return { kind: 'arc', pair: Number(rest) };
  return null;
}

async function load() {
  const get = async (url: string) => {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res.json() as Promise<unknown>;
  };
  const entries = Object.entries(DATA_FILES);
  const [world, ...files] = await Promise.all([get('/world/countries-50m.json'), ...entries.map(([, f]) => get(`/${dataDir}/${f.file}`))]);
  const raw = Object.fromEntries(entries.map(([k], i) => [k, files[i]])) as unknown as RawDataset;
  const result = validateDataset(raw);
  if (!result.ok) throw new Error(`${result.problems.length} data problems`);
  const topology = world as WorldTopology;
  const shapes = countryShapes(topology);
  const index = indexDataset(result.dataset, countryAnchors(shapes));
  return { index, aggregates: aggregate(index), world: shapes, borders: countryBorders(topology) };
}

type Loaded = Awaited<ReturnType<typeof load>>;

function Harness({ data }: { data: Loaded }) {
  const [year, setYear] = useState(initialYear);
  const [lang, setLang] = useState<'en' | 'zh'>(params.get('lang') === 'zh' ? 'zh' : 'en');
  const [selection, setSelection] = useState<MapItem | null>(parseSel(params.get('sel')));
  const [hover, setHover] = useState<{ item: MapItem; x: number; y: number } | null>(null);
  // "Up to" the year (from −Infinity), the year alone (?mode=in), or from ?from=YYYY (the year itself when later).
  const win = useMemo((): YearWindow => ({
    from: inYear ? year : fromYear === null ? Number.NEGATIVE_INFINITY : Math.min(year, fromYear), to: year, includeUndated, includePlanned,
  }), [year]);
  useEffect(() => {
    window.atlasHarness = { setYear, setLang, events };
  }, []);
  const onReady = useCallback(() => {
    events.push('ready');
    performance.mark('atlas:ready');
  }, []);
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <AtlasMap
        world={data.world} borders={data.borders} index={data.index} aggregates={data.aggregates} counts={data.aggregates}
        camera={null} fit={null} onCamera={() => undefined}
        window={win} lang={lang} reducedMotion={params.get('motion') === '0'} selection={selection}
        onHover={(item, p) => setHover(item ? { item, ...p } : null)}
        onSelect={(item) => { events.push(`select ${JSON.stringify(item)}`); setSelection(item); }}
        onReady={onReady}
        onError={(m) => events.push(`error ${m}`)}
      />
      <div style={{ position: 'absolute', left: 8, top: 8, background: '#fffd', padding: '2px 6px', font: '12px sans-serif', zIndex: 3 }}>
        <input type="range" min={2015} max={2025} value={year} onChange={(e) => setYear(Number(e.target.value))} aria-label="Year" /> {year}
      </div>
      {hover && (
        <div data-testid="hover" style={{ position: 'absolute', left: hover.x + 12, top: hover.y + 12, background: '#fff', border: '1px solid #999', padding: '2px 5px', font: '12px sans-serif', zIndex: 3, pointerEvents: 'none' }}>
          {JSON.stringify(hover.item)}
        </div>
      )}
    </div>
  );
}

const root = document.getElementById('root');
if (root) {
  load().then(
    (data) => createRoot(root).render(<StrictMode><Harness data={data} /></StrictMode>),
    (e: unknown) => { root.textContent = `failed: ${e instanceof Error ? e.message : String(e)}`; },
  );
}
