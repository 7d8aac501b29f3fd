import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve as resolvePath } from 'node:path';
import { buildManifest, schemaDigest } from './src/cli/build-manifest.ts';
import { formatProblem } from './src/domain/validate.ts';
import { MANIFEST_FILE } from './src/domain/data-manifest.ts';
import { LINK_COLUMNS_FILE } from './src/domain/link-columns.ts';
import { DATA_FILE_NAMES, PROGRAMMES_FILE } from './src/domain/schema-values.ts';
import { ALIASES_FILE } from './src/domain/alias-values.ts';
import { WORLD_FILE } from './src/loaders/load-atlas-data.ts';
import { bootShell } from './src/cli/boot-shell.ts';
import { countryAnchors } from './src/domain/country-anchors.ts';
import { countryShapes } from './src/domain/world.ts';
import { readWorld } from './src/cli/read-world.ts';

const require = createRequire(import.meta.url);

/**
 * Serves the bundled data on the app's own origin: `data/*.json` at `/data/…` (and the review
 * log, `data/review/leads.json`, which the "About the data" dialog reads), and the
 * Natural Earth shapes at `/world/countries-50m.json`. They stay JSON files (not JS modules)
 * so the app fetches them at run time, and the JS bundle stays small.
 *
 * The build validates `data/` as data:check does (and fails on any problem), then writes
 * `data/manifest.json`: each file's length and SHA-256, and the digest of the rules it used. The
 * browser skips validating what matches it (src/domain/data-manifest.ts). The dev server writes no
 * manifest, so dev validates in the browser as any other dataset.
 */
/** URL path (relative to the page) → file on disk, for every JSON file the app may read. */
function bundledFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync('data')) if (f.endsWith('.json')) out[`data/${f}`] = join('data', f);
  if (existsSync(join('data', 'review'))) {
    for (const f of readdirSync(join('data', 'review'))) if (f.endsWith('.json')) out[`data/review/${f}`] = join('data', 'review', f);
  }
  out['world/countries-50m.json'] = require.resolve('world-atlas/countries-50m.json');
  return out;
}

/**
 * The manifest of `data/` (src/cli/build-manifest.ts); a dataset that does not validate fails the
 * build. With `compact`, also the compact links file it lists (link-columns.ts).
 */
function validatedManifest(fail: (message: string) => never, schema: string, compact = false): { text: string; compact?: Uint8Array } {
  const built = buildManifest('data', schema, { compact });
  if (!built.manifest) {
    const shown = built.problems.slice(0, 40).map((p) => `  data/${formatProblem(p)}`);
    fail(`data/ does not validate (${built.problems.length} problem(s); npm run data:check lists them all):\n${shown.join('\n')}`);
  }
  return { text: `${JSON.stringify(built.manifest, null, 1)}\n`, ...(built.compact ? { compact: built.compact } : {}) };
}

function bundledData(schema: string): Plugin {
  const files = bundledFiles;
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
      // The page reads the links from their compact form (the map and timeline need no JSON parse of every record).
      const { text, compact } = validatedManifest((m) => this.error(m), schema, true);
      this.emitFile({ type: 'asset', fileName: `data/${MANIFEST_FILE}`, source: text });
      if (compact) this.emitFile({ type: 'asset', fileName: `data/${LINK_COLUMNS_FILE}`, source: compact });
      for (const [fileName, file] of Object.entries(files())) {
        this.emitFile({ type: 'asset', fileName, source: readFileSync(file) });
      }
    },
  };
}

/** The first paint before any app script runs (src/cli/boot-shell.ts), at `<!--boot-shell-->` in index.html. */
const BOOT = bootShell();

function bootShellPage(): Plugin {
  return {
    name: 'atlas-boot-shell',
    transformIndexHtml(html) {
      if (!html.includes('<!--boot-shell-->')) throw new Error('index.html has no <!--boot-shell--> for the first paint');
      return html.replace('<!--boot-shell-->', `${BOOT.html}\n    <script>${BOOT.script}</script>`);
    },
  };
}

/**
 * The built page carries a Content-Security-Policy that allows only its own origin, so the
 * browser itself blocks any request elsewhere (and the page's two inline scripts, by their
 * hashes). Dev mode has none: Vite injects inline scripts.
 *
 * No 'unsafe-eval' (zod runs jitless: schema.ts, load-review-log.ts) and no 'unsafe-inline' for
 * styles: the page's inline <style> (index.html's note shown if the app never starts) is allowed
 * by its hash, computed from the page as built. Nothing else needs more: React's `style={…}`
 * props and MapLibre's positioning set styles through the CSSOM (`el.style.x = …`), which CSP
 * does not govern; only `style="…"` in markup or `setAttribute('style', …)` would be refused
 * (style-src-attr), and the app writes neither. A server may send the same policy as a header
 * (test/e2e/loading-errors.spec.ts does, and counts violations: none).
 */
const cspFor = (inlineHashes: string[], html: string) => {
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1] ?? '').digest('base64')}'`);
  return [
    "default-src 'self'", `script-src 'self' ${inlineHashes.join(' ')}`, ["style-src 'self'", ...styles].join(' '), "img-src 'self' data: blob:",
    "connect-src 'self'", "worker-src 'self' blob:", "font-src 'self'", "object-src 'none'", "base-uri 'self'",
  ].join('; ');
};

/**
 * Preload hints for the files every load fetches, added by the page's inline script as soon as
 * the page is parsed: the world's shapes and the dataset's manifest and small files (for the
 * folder `data=` names, checked as parseViewState checks it, else `data/`), and for the bundled
 * data its compact links, which its manifest always lists. Without them the requests wait for the
 * app's scripts to arrive and run. `crossOrigin = 'anonymous'` is a same-origin fetch's mode, so
 * the loader's own fetch (load-atlas-data.ts) takes the preloaded reply. Nothing else is preloaded:
 * links.json is read only when the compact links are not there, and a hint the page never used
 * would be a console warning.
 */
function dataPreloads(): string {
  const files = [MANIFEST_FILE, ...Object.values(DATA_FILE_NAMES).filter((f) => f !== DATA_FILE_NAMES.links), PROGRAMMES_FILE, ALIASES_FILE];
  return `(function(){var q=new URLSearchParams(location.search),v=q.get('data'),p='data';`
    + "if(v&&/^[a-z0-9][a-z0-9_/-]{0,120}$/i.test(v)&&v.indexOf('..')<0&&v.indexOf('//')<0)p=v.replace(/\\/$/,'');"
    + `var f=${JSON.stringify(files)}.map(function(n){return p+'/'+n});f.unshift(${JSON.stringify(WORLD_FILE)});if(p==='data')f.push(${JSON.stringify(`data/${LINK_COLUMNS_FILE}`)});`
    + "f.forEach(function(h){var l=document.createElement('link');l.rel='preload';l.as='fetch';l.crossOrigin='anonymous';l.href=h;document.head.appendChild(l)})})();";
}

/**
 * The app's scripts start after the boot shell has painted. The built page would otherwise fetch,
 * compile and run the whole bundle before its first paint, so a phone shows a blank page for
 * seconds; here the page's head links only the styles, and one small inline script adds the
 * app's module scripts once the shell is on screen (or after 100 ms, for a page that is not
 * shown and may not paint soon). Then the policy, with both inline scripts' hashes.
 */
/**
 * Intl's first use in a page loads ICU's data: 22–27 ms here for the first NumberFormat, 4–5 ms more
 * for the first DateTimeFormat, whatever the locale. The app's first render needs both. Done once the
 * scripts are requested, while they download and compile and the main thread has nothing to do, it
 * is off the path to the first map; the app's own formatters are then made in a fraction of a millisecond.
 */
const WARM_INTL = "try{new Intl.NumberFormat('en-GB').format(1);new Intl.DateTimeFormat('en-GB',{year:'numeric',timeZone:'UTC'}).format(0)}catch(e){}";

function startAfterFirstPaint(): Plugin {
  return {
    name: 'atlas-start-after-first-paint',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const tag = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
        const srcs = [...html.matchAll(tag)].map((m) => m[1] as string);
        if (!srcs.length) throw new Error('index.html: no module script to start after the first paint');
        const loader = `${dataPreloads()}(function(){var s=${JSON.stringify(srcs)},d=0;function go(){if(d)return;d=1;s.forEach(function(u){var e=document.createElement('script');e.type='module';e.crossOrigin='';e.src=u;document.head.appendChild(e)});${WARM_INTL}}`
          + 'var t=setTimeout(go,100);requestAnimationFrame(function(){setTimeout(function(){clearTimeout(t);go()},0)})})();';
        const hash = `'sha256-${createHash('sha256').update(loader).digest('base64')}'`;
        const out = html.replace(tag, '').replace('</body>', `  <script>${loader}</script>\n  </body>`)
          .replace(/(<meta charset="UTF-8" \/>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${cspFor([BOOT.hash, hash], html)}" />`);
        if (!out.includes('Content-Security-Policy')) throw new Error('index.html: no place for the policy after <meta charset>');
        return out;
      },
    },
  };
}

/** The single-file build's one output, in `dist-single/` (`npm run build:single`). */
export const SINGLE_FILE = 'health-silk-road-atlas.html';
const INLINE_FILES = 'virtual:atlas-inline-files';
const WORKER_URL = 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
const WORKER_BLOB = 'virtual:atlas-worker-blob';

/**
 * What makes the single file self-contained (mode `single` only, so the normal build does not
 * change): the entry becomes src/single/main.ts, which answers the app's fetches of its data from
 * the JSON inlined here (a page opened from file:// can fetch no file); and the MapLibre worker,
 * otherwise a file beside the page, is built from its inlined source as a blob: URL.
 */
function singleFileSources(schema: string): Plugin {
  return {
    name: 'atlas-single-file-sources',
    enforce: 'pre',
    apply: 'build',
    transformIndexHtml: { order: 'pre', handler: (html) => html.replace('/src/main.tsx', '/src/single/main.ts') },
    resolveId(id) {
      if (id === INLINE_FILES) return `\0${INLINE_FILES}`;
      if (id === WORKER_URL) return `\0${WORKER_BLOB}`;
      return null;
    },
    load(id) {
      if (id === `\0${INLINE_FILES}`) {
        // With the manifest, as the normal build writes it: the single file, too, skips validating its own data.
        const texts: Record<string, string> = { [`data/${MANIFEST_FILE}`]: validatedManifest((m) => this.error(m), schema).text };
        for (const [path, file] of Object.entries(bundledFiles())) texts[path] = readFileSync(file, 'utf8');
        const entries = Object.entries(texts).map(([path, text]) => `${JSON.stringify(path)}: ${JSON.stringify(text)}`);
        return `export default {\n${entries.join(',\n')}\n};`;
      }
      if (id === `\0${WORKER_BLOB}`) {
        return "import code from 'maplibre-gl/dist/maplibre-gl-worker.mjs?raw';\n"
          + "export default URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));";
      }
      return null;
    },
  };
}

/**
 * The single file's policy: its inline scripts (the app and the boot shell's) by hash, inline styles, and for the rest only
 * data: and blob: (the hatch pattern, the downloads, the map worker, which MapLibre on an origin
 * of `null` fetches from its blob: URL and starts from a data: URL). No origin at all is allowed,
 * not even the file's own: there is nothing beside it to load.
 */
function singleFileCsp(): Plugin {
  return {
    name: 'atlas-single-file-csp',
    enforce: 'post',
    apply: 'build',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const asset of Object.values(bundle)) {
          if (asset.type !== 'asset' || !asset.fileName.endsWith('.html')) continue;
          let html = String(asset.source).replace('<script type="module" crossorigin>', '<script type="module">');
          const scripts = [...html.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');
          if (scripts.length !== 1 || /<script[^>]* src=|<link[^>]* href="(?!data:)/.test(html)) {
            this.error(`${asset.fileName}: expected one inline script and no linked file after inlining`);
          }
          const hashes = [...scripts.map((code) => `'sha256-${createHash('sha256').update(code).digest('base64')}'`), BOOT.hash];
          const csp = [
            "default-src 'none'", `script-src ${hashes.join(' ')}`, "style-src 'unsafe-inline'", 'img-src data: blob:',
            'connect-src blob:', 'worker-src blob: data:', "object-src 'none'", "base-uri 'none'", "form-action 'none'",
          ].join('; ');
          // After the charset, which must come first; before the script, which it governs.
          html = html.replace(/(<meta charset="UTF-8" \/>)/i, `$1\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
          if (!html.includes('Content-Security-Policy')) this.error(`${asset.fileName}: no place for the policy after <meta charset>`);
          asset.source = html;
        }
      },
    },
  };
}

/**
 * Modules loaded only on demand (views, dialogs, the details panel, the story, embed, downloads,
 * search, every language but English with its words and country names, and the validator with
 * zod, which the bundled dataset does without: see bundledData).
 */
const ON_DEMAND = /papaparse|[\\/]node_modules[\\/]zod[\\/]|[\\/]src[\\/]ui[\\/](downloads|table|sources)[\\/]|[\\/]src[\\/]ui[\\/]story[\\/](StoryPanel\.tsx|story\.css)|[\\/]src[\\/]embed[\\/](EmbedAtlas\.tsx|use-resize-report\.ts|frame-height\.ts|wheel-after-click\.ts)|[\\/]src[\\/]ui[\\/](SearchBox|AboutDialog|FilterPanel|DetailsPanel|PanelTable|PanelFacts|LinkCard|SourceCitation|LinkList|Locator)\.tsx|[\\/]src[\\/]domain[\\/](search|fold|link-rows|source-rows|sort-order|panel-rows|csv-import|story|file-names|antimeridian|csv|export-formats|review-log|dataset-stats|validate|schema|aliases)\.ts|[\\/]src[\\/]loaders[\\/](load-review-log|load-story|validate-fetched|validate-in-worker)\.ts|locales[\\/](zh|ar|ru|about\.en)\.json|[\\/]src[\\/]domain[\\/](link-words-ar|link-words-ru|locator-words|locator-words-intl)\.ts|i18n-iso-countries[\\/]langs[\\/](ar|ru)\.json/;

const SCHEMA = schemaDigest();
/**
 * Every country's anchor (country-anchors.ts), worked out here once from the world file the
 * page fetches, so the page does not search for them at every load.
 */
const ANCHORS = JSON.stringify(Object.fromEntries(countryAnchors(countryShapes(readWorld()))));

export default defineConfig(({ mode }) => (mode === 'single' ? {
  base: './',
  plugins: [react(), bootShellPage(), singleFileSources(SCHEMA), viteSingleFile({ outputFileName: SINGLE_FILE }), singleFileCsp()],
  // No validator worker: it would be a second file, which a page opened from a file cannot start anyway.
  resolve: { alias: [{ find: /^\.\/validate-in-worker\.ts$/, replacement: resolvePath(import.meta.dirname, 'src/single/validate-in-worker-none.ts') }] },
  define: { __ATLAS_SCHEMA__: JSON.stringify(SCHEMA), __ATLAS_COUNTRY_ANCHORS__: ANCHORS },
  build: { target: 'es2022', outDir: 'dist-single', sourcemap: false },
} : {
  base: './',
  plugins: [react(), bootShellPage(), bundledData(SCHEMA), startAfterFirstPaint()],
  // The rules digest the bundle checks a manifest against (src/domain/data-manifest.ts).
  define: { __ATLAS_SCHEMA__: JSON.stringify(SCHEMA), __ATLAS_COUNTRY_ANCHORS__: ANCHORS },
  build: {
    // Source maps beside the files (never loaded unless devtools ask), so that anyone can read the
    // shipped code; Lighthouse counts their absence against best practices.
    target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 2000,
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
}));
