/** Hands a file to the browser's downloads: a Blob behind an object URL and a temporary <a download>. */

/**
 * How long the object URL outlives the click. Revoking at once can cancel the download in some
 * browsers (the save starts asynchronously); FileSaver.js waits 40 s for the same reason.
 */
const REVOKE_AFTER_MS = 40_000;

/** Saves `blob` as `fileName`; the URL is revoked once the browser has had time to read it. */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
