/**
 * The atlas stores nothing in the reader's browser (an embed must not, and the full atlas keeps
 * its state in the URL): no source file reaches for cookies or any storage API. The e2e embed
 * test checks the same in the browser after using the page.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const STORAGE = /\b(localStorage|sessionStorage|indexedDB|cookieStore)\b|document\.cookie|caches\.open/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}

describe('no storage', () => {
  it('no source file under src/ uses cookies or browser storage', () => {
    const offenders = files('src').filter((f) => STORAGE.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
