import { describe, expect, it } from 'vitest';
import { synthesize } from '../../src/domain/synth.ts';
import { validateDataset } from '../../src/domain/validate.ts';

const materialize = (links: number, seed: number) => {
  const d = synthesize({ links, seed });
  return { sources: d.sources, institutions: d.institutions, partners: d.partners, links: [...d.links()] };
};

describe('synthetic datasets', () => {
  it('pass the same validation as the real data', () => {
    const r = validateDataset(materialize(2000, 3), '2026-11-23');
    expect(r.problems).toEqual([]);
  });

  it('are the same for the same seed and differ for another', () => {
    expect(JSON.stringify(materialize(200, 5))).toBe(JSON.stringify(materialize(200, 5)));
    expect(JSON.stringify(materialize(200, 5).links)).not.toBe(JSON.stringify(materialize(200, 6).links));
  });

  it('say they are synthetic in every name', () => {
    const d = materialize(50, 1);
    for (const i of d.institutions) expect(i.name.en).toMatch(/^Synthetic/);
    for (const l of d.links) expect(l.summary.en).toMatch(/^Synthetic/);
  });
});
