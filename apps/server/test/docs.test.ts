import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from '../src/config.js';

describe('docs/server.md', () => {
  const doc = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');
  it('documents every environment setting in its table', () => {
    for (const name of SETTINGS) expect(doc, name).toMatch(new RegExp(`^\\| \`${name}\` \\|`, 'm'));
    const documented = [...doc.matchAll(/^\| `([A-Z_]+)` \|/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual([...SETTINGS].sort());
  });
  it('every setting named in the table is read by readConfig', () => {
    const source = readFileSync(new URL('../src/config.ts', import.meta.url), 'utf8');
    for (const name of SETTINGS) expect(source, name).toMatch(new RegExp(`env(\\.${name}\\b|, '${name}')`));
  });
});
