/**
 * The single-file build (`npm run build:single`) has no files beside it, and a page opened from
 * file:// may not fetch file: URLs anyway. The build inlines the data and the world shapes, and
 * this answers the app's own fetches of exactly those files from memory, as a server would. Any
 * other request goes to the browser's fetch, where the page's policy refuses it: another dataset
 * (`data=`) then fails with the app's usual message instead of silently showing the bundled one.
 */
export function installInlineFiles(files: Readonly<Record<string, string>>, base: string, scope: { fetch: typeof fetch } = globalThis): void {
  const byUrl = new Map(Object.entries(files).map(([path, text]) => [new URL(path, base).href, text]));
  const browserFetch = scope.fetch.bind(scope);
  scope.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const text = byUrl.get(new URL(url, base).href);
    if (text === undefined) return browserFetch(input, init);
    if (init?.signal?.aborted) return Promise.reject(new DOMException('The request was aborted', 'AbortError'));
    return Promise.resolve(new Response(text, { status: 200, headers: { 'Content-Type': 'application/json; charset=utf-8' } }));
  };
}
