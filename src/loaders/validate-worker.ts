/**
 * The validator off the main thread: a dataset that did not come through the build (a data=
 * folder) is checked here with the schema, record by record, while the page stays responsive and
 * its basemap draws. It receives the files' bytes (transferred, not copied) and answers with the
 * verdict; when the data is valid, with the links in their compact form (link-columns.ts, as the
 * build writes them for a published dataset), transferred back: the page never parses links.json
 * nor keeps one object per link.
 */
import type { RawDataset } from '../domain/schema.ts';
import { validateFetched } from './validate-fetched.ts';
import { encodeLinkColumns } from '../domain/link-columns.ts';
import type { WorkerRequest, WorkerVerdict } from './validate-in-worker.ts';

const decode = (bytes: Uint8Array | undefined): unknown => (bytes === undefined ? undefined : JSON.parse(new TextDecoder().decode(bytes)));

self.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const { files, dataPath, aliasesFile } = e.data;
  let verdict: WorkerVerdict;
  try {
    const raw: RawDataset = {
      sources: decode(files.sources), institutions: decode(files.institutions), partners: decode(files.partners), links: decode(files.links),
      ...(files.programmes === undefined ? {} : { programmes: decode(files.programmes) }),
    };
    const result = validateFetched(raw, decode(files.aliases), dataPath, aliasesFile);
    if (result.ok) {
      const compact = encodeLinkColumns(result.dataset.links).buffer as ArrayBuffer;
      (self as unknown as Worker).postMessage({ ok: true, links: compact, programmes: result.dataset.programmes } satisfies WorkerVerdict, [compact]);
      return;
    }
    verdict = { ok: false, problems: result.problems };
  } catch (err) {
    // Not a verdict on the data (the page parsed the same bytes): the page validates them itself.
    verdict = { ok: null, error: err instanceof Error ? err.message : String(err) };
  }
  (self as unknown as Worker).postMessage(verdict);
};
