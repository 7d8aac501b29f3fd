import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/** Builds the bare libraries alone (maplibre-gl with its worker, react, react-dom) for size comparison. */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../.bench/baseline'),
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: { input: resolve(import.meta.dirname, 'baseline.html') },
  },
});
