/**
 * The page's first paint, before any of the app's scripts has run: the header (title, subtitle,
 * the language buttons) and "Loading the atlas…" with a few words on what is loading, in the markup and classes the app renders
 * (Header.tsx, LoadingView in StatusViews.tsx), so that when React takes over nothing moves.
 * Without it the page stays blank until the whole bundle has been fetched and run, which on a
 * phone is seconds (Lighthouse's first contentful paint).
 *
 * One small inline script, run before the first paint, puts the shell in the URL's language
 * (`lang=`, with its direction) and leaves the header out where the app has none (embed and
 * presenter modes). The Content-Security-Policy allows it by its hash (`BOOT_SCRIPT_HASH`).
 *
 * Used by vite.config.ts at build and dev time; the strings come from the locale files, so a
 * translation changed there changes here.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGS = [
  { lang: 'en', label: 'English', html: 'en', dir: 'ltr' },
  { lang: 'zh', label: '中文', html: 'zh-Hans', dir: 'ltr' },
  { lang: 'ar', label: 'العربية', html: 'ar', dir: 'rtl' },
  { lang: 'ru', label: 'Русский', html: 'ru', dir: 'ltr' },
] as const;

interface ShellWords { title: string; subtitle: string; loading: string; intro: string; about: string; language: string; html: string; dir: string }

function words(localesDir: string): Record<string, ShellWords> {
  const out: Record<string, ShellWords> = {};
  for (const l of LANGS) {
    const t = JSON.parse(readFileSync(join(localesDir, `${l.lang}.json`), 'utf8')) as {
      app: { title: string; subtitle: string; language: string }; loading: { title: string; about: string }; about: { open: string };
    };
    out[l.lang] = { title: t.app.title, subtitle: t.app.subtitle, loading: t.loading.title, intro: t.loading.about, about: t.about.open, language: t.app.language, html: l.html, dir: l.dir };
  }
  return out;
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

/**
 * Picks the shell's language as parseViewState does (view-state.ts: en, zh, ar, ru, zh-*, ar-*,
 * ru-*), and drops the header for `embed=1` and `present=1` (also `true`).
 */
function scriptFor(all: Record<string, ShellWords>): string {
  return `(function(){var W=${JSON.stringify(all)};var q=new URLSearchParams(location.search);`
    + `var l=(q.get('lang')||'').toLowerCase();l=W[l]?l:/^zh/.test(l)?'zh':/^ar-/.test(l)?'ar':/^ru-/.test(l)?'ru':'en';`
    + `var w=W[l],d=document,e=d.documentElement;e.lang=w.html;e.dir=w.dir;`
    + `var on=function(k){var v=q.get(k);return v==='1'||v==='true'};`
    + `var h=d.getElementById('boot-header');if(!h)return;if(on('embed')||on('present')){h.remove();return}`
    + `d.querySelectorAll('[data-boot]').forEach(function(n){n.textContent=w[n.getAttribute('data-boot')]});`
    + `d.querySelectorAll('[data-boot-lang]').forEach(function(b){b.setAttribute('aria-pressed',String(b.getAttribute('data-boot-lang')===l))});`
    + `d.getElementById('boot-langs').setAttribute('aria-label',w.language)})();`;
}

/** The shell's markup (English until the script runs) and its script, and the script's CSP hash. */
export function bootShell(localesDir = join('src', 'i18n', 'locales')): { html: string; script: string; hash: string } {
  const all = words(localesDir);
  const en = all.en as ShellWords;
  const langButtons = LANGS.map((l) => `<button type="button" lang="${l.html}" aria-pressed="${l.lang === 'en'}" data-boot-lang="${l.lang}">${escapeHtml(l.label)}</button>`).join('');
  const html = `<div class="app">
      <header class="app-header" id="boot-header">
        <div class="titles"><h1 data-boot="title">${escapeHtml(en.title)}</h1><p class="subtitle" data-boot="subtitle">${escapeHtml(en.subtitle)}</p></div>
        <div class="search-slot"></div>
        <button type="button" class="about-button about-button--waiting" tabindex="-1" aria-hidden="true" data-boot="about">${escapeHtml(en.about)}</button>
        <div class="lang-switch" role="group" id="boot-langs" aria-label="${escapeHtml(en.language)}">${langButtons}</div>
      </header>
      <main class="main"><div class="status" role="status"><h2 data-boot="loading">${escapeHtml(en.loading)}</h2><p class="loading-about" data-boot="intro">${escapeHtml(en.intro)}</p><progress aria-hidden="true"></progress></div></main>
    </div>`;
  const script = scriptFor(all);
  const hash = `'sha256-${createHash('sha256').update(script).digest('base64')}'`;
  return { html, script, hash };
}
