import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// Notes are read on any date: one that names a suspended measure dates the suspension
// ("suspended by No. 70 of 2025 from 2025-11-07 to 2026-11-10") rather than stating a present
// state ("(suspended)", "suspended until 2026-11-10") that is false once the suspension ends.
const notes = (file: string) => [...readFileSync(new URL(`../data/${file}`, import.meta.url), 'utf8').matchAll(/"note": "((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!);

describe('notes that name a suspension date it', () => {
  for (const file of ['nodes.json', 'chains.json']) {
    it(file, () => {
      const suspended = notes(file).filter((n) => /\bsuspen/i.test(n));
      expect(suspended.length).toBeGreaterThan(0);
      for (const n of suspended) {
        expect(n).toMatch(/suspended by No\. \d+ of \d{4} from \d{4}-\d{2}-\d{2} to \d{4}-\d{2}-\d{2}/);
        expect(n).not.toMatch(/\buntil\b|\bwould\b/i);
      }
    });
  }
});
