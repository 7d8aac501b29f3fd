/**
 * The single file's stand-in for validate-in-worker.ts: a page opened from a file (origin `null`)
 * cannot start a worker from a file of its own, and the single file carries no second file. A
 * data= folder is validated on the main thread there, with the same rules and messages.
 */
import type { WorkerRequest } from '../loaders/validate-in-worker.ts';

export function validateInWorker(_request: WorkerRequest, _signal?: AbortSignal): Promise<null> {
  return Promise.resolve(null);
}
