import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { packageVersion } from './version.js';

describe('packageVersion', () => {
  const root = mkdtempSync(join(tmpdir(), 'chokepoint-version-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: '@acme/plugin-xx', version: '2.3.4' }));
  mkdirSync(join(root, 'dist', 'esm'), { recursive: true });
  writeFileSync(join(root, 'dist', 'package.json'), JSON.stringify({ type: 'module' }));
  const at = (...parts: string[]) => pathToFileURL(join(root, ...parts)).href;

  it('finds the package root from the root itself, from src/, and from a deeper build folder past a version-less package.json', () => {
    expect(packageVersion(at('index.js'))).toBe('2.3.4');
    expect(packageVersion(at('src', 'index.ts'))).toBe('2.3.4');
    expect(packageVersion(at('dist', 'esm', 'index.js'))).toBe('2.3.4');
  });
});
