import { describe, expect, it } from 'vitest';
import { atlasBase, embedUrl, fullAtlasUrl, iframeSnippet, resizeScript } from '../../src/embed/snippet.ts';
import { preferredMapHeight, wantedHeight } from '../../src/embed/frame-height.ts';
import { parseViewState } from '../../src/url/view-state.ts';

const HREF = 'https://atlas.example/hsr/?year=2019&country=PAK#x';

describe('embed snippet', () => {
  const view = parseViewState('?year=2019&country=PAK&sel=partner:PAK');

  it('frames the current view in embed mode, with a title, a height and the sandbox the atlas needs', () => {
    const html = iframeSnippet(view, HREF, 'Health Silk Road Atlas: Pakistan · Up to 2019 "quoted"');
    expect(html).toBe('<iframe src="https://atlas.example/hsr/?year=2019&amp;sel=partner%3APAK&amp;country=PAK&amp;embed=1"'
      + ' title="Health Silk Road Atlas: Pakistan · Up to 2019 &quot;quoted&quot;" width="100%" height="560"'
      + ' style="border:0;width:100%;max-width:100%;display:block" loading="lazy" referrerpolicy="no-referrer"'
      + ' sandbox="allow-scripts allow-same-origin allow-popups"></iframe>');
  });

  it('links the embed to the same view in the full atlas', () => {
    const embedded = parseViewState('?year=2019&embed=1&host=https://example.org');
    expect(fullAtlasUrl(embedded, HREF)).toBe('https://atlas.example/hsr/?year=2019');
    expect(embedUrl(parseViewState(''), HREF)).toBe('https://atlas.example/hsr/?embed=1');
    expect(atlasBase(HREF)).toBe('https://atlas.example/hsr/');
  });

  it('gives a one-line script that sizes only frames whose window sent the message, from the atlas origin', () => {
    const js = resizeScript(HREF);
    expect(js.startsWith('<script>') && js.endsWith('</script>')).toBe(true);
    expect(js).not.toContain('\n');
    expect(js).toContain('e.origin!=="https://atlas.example"');
    expect(js).toContain('f.contentWindow===e.source');
    // It runs: a fake page with two frames, and messages from the right and wrong origin and window.
    const listeners: ((e: unknown) => void)[] = [];
    const frames = [{ contentWindow: { id: 1 }, style: { height: '' } }, { contentWindow: { id: 2 }, style: { height: '' } }];
    const body = js.slice('<script>'.length, -'</script>'.length);
    new Function('addEventListener', 'document', body)((_: string, f: (e: unknown) => void) => listeners.push(f), { querySelectorAll: () => frames });
    const send = (e: unknown) => listeners.forEach((f) => f(e));
    send({ origin: 'https://evil.example', source: frames[0]!.contentWindow, data: { type: 'atlas:resize', height: 900 } });
    send({ origin: 'https://atlas.example', source: frames[1]!.contentWindow, data: { type: 'atlas:resize', height: 1e9 } });
    send({ origin: 'https://atlas.example', source: frames[1]!.contentWindow, data: { type: 'atlas:view', state: {} } });
    expect(frames.map((f) => f.style.height)).toEqual(['', '']);
    send({ origin: 'https://atlas.example', source: frames[1]!.contentWindow, data: { type: 'atlas:resize', height: 612.4 } });
    expect(frames.map((f) => f.style.height)).toEqual(['', '613px']);
  });
});

describe('the height an embed asks for', () => {
  it('gives the map 0.6 of the width, between 180 and 600 px', () => {
    expect(preferredMapHeight(320)).toBe(192);
    expect(preferredMapHeight(200)).toBe(180);
    expect(preferredMapHeight(800)).toBe(480);
    expect(preferredMapHeight(1600)).toBe(600);
  });

  it('swaps the map height it has for the one it wants, and keeps a note as tall as it is', () => {
    expect(wantedHeight({ content: 240, map: 96, width: 320, mapDrawn: true })).toBe(240 - 96 + 192);
    expect(wantedHeight({ content: 310.5, map: 0, width: 320, mapDrawn: false })).toBe(311);
  });
});
