import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Serves the bundled data on the app's own origin: `data/*.json` at `/data/…` (and the review
 * log, `data/review/leads.json`, which the "About the data" dialog reads), and the
 * Natural Earth shapes at `/world/countries-50m.json`. They stay JSON files (not JS modules)
 * so the app fetches and validates them at run time, and the JS bundle stays small.
 */
function bundledData(): Plugin {
  const files = (): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const f of readdirSync('data')) if (f.endsWith('.json')) out[`data/${f}`] = join('data', f);
    if (existsSync(join('data', 'review'))) {
      for (const f of readdirSync(join('data', 'review'))) if (f.endsWith('.json')) out[`data/review/${f}`] = join('data', 'review', f);
    }
    out['world/countries-50m.json'] = require.resolve('world-atlas/countries-50m.json');
    return out;
  };
  return {
    name: 'atlas-bundled-data',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '').replace(/^\//, '');
        const file = files()[path];
        if (!file) return next();
        res.setHeader('Content-Type', 'application/json; charset=utf-8');
        res.end(readFileSync(file));
      });
    },
    generateBundle() {
      for (const [fileName, file] of Object.entries(files())) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

/**
 * The built page carries a Content-Security-Policy that allows only its own origin, so the
 * browser itself blocks any request elsewhere. Dev mode has none: Vite injects inline scripts.
 */
const CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "worker-src 'self' blob:", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'atlas-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }],
  };
}

/** Modules loaded only on demand (views, dialogs, downloads, search, every language but English with its words and country names). */
const ON_DEMAND = /papaparse|[\\/]src[\\/]ui[\\/](downloads|table|sources)[\\/]|[\\/]src[\\/]ui[\\/](SearchBox|AboutDialog|FilterPanel)\.tsx|[\\/]src[\\/]domain[\\/](search|fold|link-rows|source-rows|sort-order|file-names|antimeridian|csv|export-formats|review-log|dataset-stats)\.ts|[\\/]src[\\/]loaders[\\/]load-review-log\.ts|locales[\\/](zh|ar|ru|about\.en)\.json|[\\/]src[\\/]domain[\\/](link-words-ar|link-words-ru|locator-words-intl)\.ts|i18n-iso-countries[\\/]langs[\\/](ar|ru)\.json/;

export default defineConfig({
  base: './',
  plugins: [react(), bundledData(), contentSecurityPolicy()],
  build: {
    target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Code the first view needs stays in one chunk: left alone, the bundler splits every module
        // that a lazy view shares with it into a chunk of its own, and twenty small files compress
        // worse than one. What only the on-demand views use (ON_DEMAND) is left to their chunks.
        codeSplitting: { groups: [{ name: 'core', test: (id: string) => !ON_DEMAND.test(id) }] },
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
