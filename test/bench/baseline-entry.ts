// The bare libraries the atlas is compared against: maplibre-gl (with its worker), react, react-dom.
import * as maplibregl from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

maplibregl.setWorkerUrl(workerUrl);
const el = document.getElementById('root');
if (el) {
  createRoot(el).render(createElement('div', null, 'baseline'));
  new maplibregl.Map({ container: el, style: { version: 8, sources: {}, layers: [] } });
}
