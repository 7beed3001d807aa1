import { existsSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { webRoot } from '../src/web.js';
import { sqliteFixture, startTestServer, type StoreFixture } from './support.js';

// The built web application (apps/web) is part of the server's build: these fail when its files are missing.
describe('the web application at /', () => {
  let fixture: StoreFixture;
  let server: RunningServer;

  beforeAll(async () => {
    fixture = sqliteFixture();
    server = await startTestServer(fixture);
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  it('is built into dist/web', () => {
    const root = webRoot();
    expect(root, 'dist/web/index.html is missing: run pnpm build').toBeDefined();
    expect(root!.endsWith('/dist/web/')).toBe(true);
    expect(existsSync(`${root}assets`)).toBe(true);
  });

  it('serves index.html at / with no-cache, naming hashed assets that are immutable', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = await res.text();
    expect(html).toContain('<div id="app"></div>');
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) {
      expect(asset).toMatch(/-[\w-]{8,}\.(js|css)$/);
      const a = await fetch(`${server.url}${asset}`);
      expect(a.status, asset).toBe(200);
      expect(a.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect(readdirSync(`${webRoot()}assets`).length).toBeGreaterThanOrEqual(assets.length);
  });

  it('answers a missing asset with a problem document, not the page', async () => {
    const res = await fetch(`${server.url}/assets/nothing-here-00000000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
