/**
 * Runs the validator in a worker (validate-worker.ts) and waits for its verdict (with the valid
 * links in compact form). Null when no
 * worker could do it (a page opened from a file, a policy without workers, a worker that failed
 * to start): the caller then validates on the main thread, with the same rules and messages.
 */
import type { Problem } from '../domain/validate.ts';
import type { Programme } from '../domain/schema.ts';

/** The files as fetched (bytes of JSON), by their place in the dataset; absent optional files undefined. */
export interface WorkerRequest {
  files: { sources?: Uint8Array; institutions?: Uint8Array; partners?: Uint8Array; links?: Uint8Array; programmes?: Uint8Array; aliases?: Uint8Array };
  dataPath: string;
  aliasesFile: string;
}

/**
 * Valid: the links in their compact form (link-columns.ts; the buffer is transferred) and the
 * programme records the validator resolved. Invalid: the problems. `ok: null`: no verdict (the
 * worker failed), so the page validates.
 */
export type WorkerVerdict = { ok: true; links: ArrayBuffer; programmes: Programme[] } | { ok: false; problems: Problem[] } | { ok: null; error: string };

export function validateInWorker(request: WorkerRequest, signal?: AbortSignal): Promise<Exclude<WorkerVerdict, { ok: null }> | null> {
  let worker: Worker;
  try {
    worker = new Worker(new URL('./validate-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
    };
    const abort = () => {
      done();
      reject(signal?.reason ?? new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    worker.onmessage = (e: MessageEvent<WorkerVerdict>) => {
      done();
      const v = e.data;
      resolve(v.ok === null ? null : v);
    };
    worker.onerror = (e) => {
      e.preventDefault();
      done();
      resolve(null);
    };
    // The bytes move to the worker, not copied: the page has parsed the small files, and gets the links back in compact form.
    const buffers = Object.values(request.files).filter((b): b is Uint8Array => b !== undefined).map((b) => b.buffer as ArrayBuffer);
    worker.postMessage(request, [...new Set(buffers)]);
  });
}
