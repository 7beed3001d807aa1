import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { WEB_DIST } from './support.js';

// The first page must stay under 150 KB of JavaScript, gzip-compressed, counting every script the
// built index.html loads or preloads.
test('the first page loads less than 150 KB of compressed JavaScript', () => {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]!);
  expect(scripts.length).toBeGreaterThan(0);
  const bytes = scripts.reduce((sum, src) => sum + gzipSync(readFileSync(join(WEB_DIST, src))).length, 0);
  expect(bytes).toBeLessThan(150 * 1024);
});
