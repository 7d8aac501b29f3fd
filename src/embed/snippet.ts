/**
 * What the "Embed" dialog gives a web editor: an `<iframe>` for the current view, and one line of
 * script that sizes the frame to the height the atlas reports (`atlas:resize`). Also the address
 * of the full atlas for the same view, which the embed links to. Pure: the page address is passed in.
 */
import { serializeViewState, type ViewState } from '../url/view-state.ts';

/** The frame's height before the atlas reports its own: what a 640 px wide column needs, near enough. */
export const DEFAULT_FRAME_HEIGHT = 560;
/** What the frame allows: scripts, its own origin (its assets and data are fetched from it), and the "full atlas" link's new tab. */
export const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-popups';

/** The page's address without query or hash: where the atlas lives. */
export function atlasBase(href: string): string {
  const u = new URL(href);
  return `${u.origin}${u.pathname}`;
}

const withQuery = (base: string, v: ViewState) => {
  const q = serializeViewState(v);
  return q ? `${base}?${q}` : base;
};

/** The same view in the full atlas (not embedded, no host origins). */
export function fullAtlasUrl(view: ViewState, href: string): string {
  return withQuery(atlasBase(href), { ...view, embed: false, hosts: [] });
}

/** The same view, embedded. */
export function embedUrl(view: ViewState, href: string): string {
  return withQuery(atlasBase(href), { ...view, embed: true });
}

const escapeAttr = (s: string) => s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

/** The `<iframe>` element, on one line. `title` names the frame for screen readers (WCAG 4.1.2). */
export function iframeSnippet(view: ViewState, href: string, title: string, height = DEFAULT_FRAME_HEIGHT): string {
  return `<iframe src="${escapeAttr(embedUrl(view, href))}" title="${escapeAttr(title)}" width="100%" height="${Math.round(height)}"`
    + ` style="border:0;width:100%;max-width:100%;display:block" loading="lazy" referrerpolicy="no-referrer"`
    + ` sandbox="${FRAME_SANDBOX}"></iframe>`;
}

/**
 * One `<script>` line for the host page: the frame whose window sent an `atlas:resize` takes that
 * height. It acts only on messages from the atlas's own origin, from one of the page's frames, and
 * on a finite, bounded height; several atlases on one page each size their own frame.
 */
export function resizeScript(href: string): string {
  const origin = new URL(href).origin;
  const js = `addEventListener("message",function(e){var d=e.data;if(e.origin!==${JSON.stringify(origin)}||!d||d.type!=="atlas:resize"||!(d.height>0&&d.height<10000))return;`
    + `document.querySelectorAll("iframe").forEach(function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(d.height)+"px"})})`;
  // "</" would end the script element early wherever it appears in a string.
  return `<script>${js.replaceAll('</', '<\\/')}</script>`;
}
