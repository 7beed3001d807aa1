import { describe, expect, it } from 'vitest';
import { contractIds } from '@chokepoint/taxonomy';
import { runInProcess } from '../test-support/run.js';

describe('taxonomy', { timeout: 30_000 }, () => {
  it('search --json lists node hits with names, score and matchedBy, and HS hits', async () => {
    const r = await runInProcess(['taxonomy', 'search', 'gallium', '--json', '--limit', '5']);
    expect(r.code).toBe(0);
    const result = JSON.parse(r.stdout) as { query: string; nodes: { id: string; kind: string; names: { en: string }; score: number; matchedBy: string }[]; hs: { code: string }[] };
    expect(result.query).toBe('gallium');
    expect(result.nodes.length).toBeGreaterThan(0);
    expect(result.nodes.length).toBeLessThanOrEqual(5);
    expect(result.nodes.map((n) => n.id)).toContain('gallium/metal');
    expect(result.nodes[0]).toEqual(expect.objectContaining({ kind: expect.any(String), score: expect.any(Number), matchedBy: expect.any(String) }));
    expect(result.hs.map((h) => h.code)).toContain('811292');
  });

  it('search prints a table by default', async () => {
    const r = await runInProcess(['taxonomy', 'search', '8112.92']);
    expect(r.stdout).toMatch(/^ID\s+KIND\s+SCORE\s+MATCHED BY\s+NAME/);
    expect(r.stdout).toContain('gallium/metal');
    expect(r.stdout).toContain('HS 2022');
  });

  it('show --json prints the node with its children and facts', async () => {
    const r = await runInProcess(['taxonomy', 'show', 'gallium/metal', '--json']);
    expect(r.code).toBe(0);
    const node = JSON.parse(r.stdout);
    expect(node).toMatchObject({ id: 'gallium/metal', kind: 'material', names: { en: 'Gallium metal', zh: '金属镓' }, parents: ['gallium'] });
    expect(node.identifiers.cnCode).toContain('8112929010');
    expect(node.facts).toEqual(expect.objectContaining({ supply: expect.any(Array), criticalLists: expect.any(Array) }));
  });

  it('show prints names, parents and identifiers', async () => {
    const r = await runInProcess(['taxonomy', 'show', 'gallium/metal']);
    expect(r.stdout).toContain('gallium/metal (material)');
    expect(r.stdout).toContain('Gallium metal / 金属镓');
    expect(r.stdout).toContain('China customs codes: 8112929010');
  });

  it('show exits 2 for an unknown ID, an invalid value (CONTRACT §4), and suggests candidates', async () => {
    const r = await runInProcess(['taxonomy', 'show', 'galium/metal']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/<id>: unknown taxonomy ID "galium\/metal"; did you mean: .*gallium\/metal/);
  });

  it('exits 2 for a bad --limit', async () => {
    const r = await runInProcess(['taxonomy', 'search', 'gallium', '--limit', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--limit <n>' argument '0' is invalid");
  });

  it('show --json resolves every taxonomy ID of CONTRACT §5', async () => {
    const failures: string[] = [];
    for (const id of contractIds()) {
      const r = await runInProcess(['taxonomy', 'show', id, '--json']);
      if (r.code !== 0 || JSON.parse(r.stdout).id !== id) failures.push(id);
    }
    expect(failures).toEqual([]);
    expect(contractIds()).toHaveLength(145);
  });
});
