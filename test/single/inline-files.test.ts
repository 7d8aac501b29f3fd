import { describe, expect, it, vi } from 'vitest';
import { installInlineFiles } from '../../src/single/inline-files.ts';

const BASE = 'file:///media/usb/health-silk-road-atlas.html?year=2020';

function setup() {
  const browserFetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => new Response('from the network'));
  const scope = { fetch: browserFetch as unknown as typeof fetch };
  installInlineFiles({ 'data/links.json': '[{"id":"a"}]', 'world/countries-50m.json': '{"type":"Topology"}' }, BASE, scope);
  return { scope, browserFetch };
}

describe('installInlineFiles', () => {
  it('answers a fetch of an inlined file, by its URL against the page, with the file as JSON', async () => {
    const { scope, browserFetch } = setup();
    const res = await scope.fetch(new URL('data/links.json', BASE).href);
    expect(res.ok).toBe(true);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(await res.json()).toEqual([{ id: 'a' }]);
    expect(await (await scope.fetch(new Request('file:///media/usb/world/countries-50m.json'))).text()).toBe('{"type":"Topology"}');
    expect(browserFetch).not.toHaveBeenCalled();
  });

  it('passes every other request to the browser, even a file of the same name elsewhere', async () => {
    const { scope, browserFetch } = setup();
    await scope.fetch('file:///media/usb/other/links.json');
    await scope.fetch('https://example.org/data/links.json');
    expect(browserFetch.mock.calls.map((c) => String(c[0]))).toEqual(['file:///media/usb/other/links.json', 'https://example.org/data/links.json']);
  });

  it('rejects as an abort when the caller has already aborted', async () => {
    const { scope } = setup();
    const ctl = new AbortController();
    ctl.abort();
    await expect(scope.fetch('data/links.json', { signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
