import { describe, expect, it, vi } from 'vitest';
import { knowsWebGL2, mapErrorHandler } from '../../src/ui/webgl.ts';
import { NO_WEBGL2 } from '../../src/map/map-options.ts';

describe('the map\'s WebGL check', () => {
  it('asks only whether the browser has WebGL 2 (Node has not)', () => {
    expect(knowsWebGL2()).toBe(false);
    vi.stubGlobal('WebGL2RenderingContext', function WebGL2RenderingContext() {});
    expect(knowsWebGL2()).toBe(true);
    vi.unstubAllGlobals();
  });

  it('turns the map\'s "no WebGL 2 context" into the needs-WebGL view, and any other failure into an error', () => {
    const noWebGL = vi.fn(), failed = vi.fn();
    const handle = mapErrorHandler(noWebGL, failed);
    handle(NO_WEBGL2);
    expect(noWebGL).toHaveBeenCalledOnce();
    expect(failed).not.toHaveBeenCalled();
    handle('the WebGL context was lost');
    expect(failed).toHaveBeenCalledWith('the WebGL context was lost');
    expect(noWebGL).toHaveBeenCalledOnce();
  });
});
