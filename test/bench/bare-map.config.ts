import { defineConfig } from 'vite';
import { resolve } from 'node:path';

/** Builds the bare MapLibre basemap page that Lighthouse compares the atlas with (lighthouse.ts). */
export default defineConfig({
  root: resolve(import.meta.dirname),
  base: './',
  logLevel: 'warn',
  build: {
    outDir: resolve(import.meta.dirname, '../../.bench/bare-map'),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: resolve(import.meta.dirname, 'bare-map.html') },
  },
});
