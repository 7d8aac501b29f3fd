/**
 * The review that made every link an event or a tie (data/review/time-migration.json): every link
 * was reviewed, no date was widened or moved outside what it meant before, and every change says why.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readDataDir } from '../../src/cli/read-data-dir.ts';
import { validateDataset } from '../../src/domain/validate.ts';
import { linkSpan, yearBounds } from '../../src/domain/link-time.ts';
import type { DateSpec } from '../../src/domain/schema.ts';

const result = validateDataset(readDataDir('data').raw);
if (!result.ok) throw new Error('data/ is invalid: run npm run data:check');
const links = result.dataset.links;
const log = JSON.parse(readFileSync('data/review/time-migration.json', 'utf8')) as {
  links: Record<string, { kind: string; status: string; changed: string[]; dateBefore?: DateSpec; widened?: string; why: string }>;
};

describe('the events-and-ties review', () => {
  it('reviewed every link, and the log matches the data', () => {
    expect(links.filter((l) => !log.links[l.id]).map((l) => l.id)).toEqual([]);
    for (const l of links) {
      const entry = log.links[l.id]!;
      expect([entry.kind, entry.status], l.id).toEqual([l.kind, l.status]);
      expect(entry.why.trim().length, l.id).toBeGreaterThan(10);
    }
  });

  it('never widened a date or moved it outside what it meant before, unless it corrects what the old date dated, and says so', () => {
    const widened: string[] = [];
    for (const [id, entry] of Object.entries(log.links)) {
      if (!entry.dateBefore) continue;
      expect(entry.changed, id).toContain('date');
      const link = links.find((l) => l.id === id)!;
      const before = yearBounds(entry.dateBefore);
      const now = linkSpan(link);
      const inside = now.startFirst >= before.first && now.startLast <= before.last;
      if (!inside) widened.push(id);
      expect(inside || (entry.widened ?? '').length > 20, id).toBe(true);
      // A correction only opens a bound the sources do not give; it never moves a date later.
      expect(now.startLast, id).toBeLessThanOrEqual(before.last);
    }
    expect(widened.sort()).toEqual(Object.entries(log.links).filter(([, e]) => e.widened).map(([id]) => id).sort());
  });

  it('tells a tie "since 2019, still running" as a tie from 2019 on, not a range ending on the report', () => {
    const b041 = links.find((l) => l.id === 'b04-1')!;
    expect(b041).toMatchObject({ kind: 'tie', status: 'active', date: { precision: 'year', value: '2019' } });
    expect(b041.ongoingAsOf?.date).toBe('2023-02-25');
  });

  it('keeps an inferred tie marked as inferred, with its reason in both languages', () => {
    for (const id of ['b03-4', 'x-yinchuan-benin-1']) {
      const l = links.find((x) => x.id === id)!;
      expect(l.inferred?.en, id).toBeTruthy();
      expect(l.inferred?.zh, id).toBeTruthy();
    }
  });

  it('counts as activities only what took place: a pairing\'s plans are its scope', () => {
    for (const id of ['x-zjtcm-walvisbay-1', 'b34-1']) {
      const l = links.find((x) => x.id === id)!;
      expect(l.scope?.length, id).toBeGreaterThan(0);
      for (const t of l.scope ?? []) expect(l.types, id).not.toContain(t);
    }
  });
});
