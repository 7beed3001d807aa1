import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../src/index.js';

let server: Server;
let url: string;

beforeAll(async () => {
  ({ server, url } = await startServer({ port: 0, host: '127.0.0.1' }));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('reference server over HTTP', () => {
  it('GET /healthz', async () => {
    const res = await fetch(`${url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
  it('GET / explains the service, links /docs and says it is not legal advice', async () => {
    const res = await fetch(url);
    const html = await res.text();
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(html).toContain('href="/docs"');
    expect(html).toContain('not legal advice');
  });
  it('POST /v1/assessments answers a valid request', async () => {
    const res = await fetch(`${url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: 'x', item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15' }) });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ id: 'x', date: '2025-01-15', item: { resolved: ['gallium/metal'] } });
  });
  it('400 problem+json naming the field', async () => {
    const res = await fetch(`${url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ item: { hs: 'abc' }, from: 'CN', to: 'US' }) });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({ status: 400, title: 'Invalid request', errors: [{ path: 'item.hs' }] });
  });
  it('400 for malformed JSON, 413 for an oversized body, 404 for an unknown route', async () => {
    const bad = await fetch(`${url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"item":' });
    expect(bad.status).toBe(400);
    const big = await fetch(`${url}/v1/assessments`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(1_100_000) }) });
    expect(big.status).toBe(413);
    const missing = await fetch(`${url}/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).status).toBe(404);
  });
});
