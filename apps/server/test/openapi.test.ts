import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { sqliteFixture, startTestServer, type StoreFixture } from './support.js';

const run = promisify(execFile);
const REDOCLY = new URL('../node_modules/.bin/redocly', import.meta.url).pathname;

type Schema = { $ref?: string; example?: unknown };
type Parameter = { name: string; in: 'query' | 'path'; required?: boolean; schema?: Schema };
type Operation = { operationId?: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema?: Schema }> }> };
type Doc = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

describe('the OpenAPI document (#15.5, #10.13)', () => {
  let fixture: StoreFixture;
  let server: RunningServer;
  let doc: Doc;
  let text: string;
  beforeAll(async () => {
    fixture = sqliteFixture();
    server = await startTestServer(fixture);
    text = await (await fetch(`${server.url}/openapi.json`)).text();
    doc = JSON.parse(text) as Doc;
  });
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });

  it("docs/server.md's route table names every route (a path ending in … covers the paths under it)", () => {
    const md = readFileSync(new URL('../../../docs/server.md', import.meta.url), 'utf8');
    const table = md.slice(md.indexOf('| route | role |'), md.indexOf('## The web application'));
    const named = [...table.matchAll(/`(?:[A-Z]+ )?(\/[^`]*)`/g)].map((m) => m[1]!);
    const covered = (path: string) => named.some((n) => n === path || (n.endsWith('…') && path.startsWith(n.slice(0, -1))));
    expect(Object.keys(doc.paths).filter((p) => !covered(p))).toEqual([]);
  });

  it('describes every route, the operational ones too, each with an operationId and a response schema', () => {
    for (const p of ['/healthz', '/readyz', '/metrics', '/openapi.json', '/v1/audit/head', '/v1/assessments', '/v1/exposure']) expect(doc.paths, p).toHaveProperty([p]);
    const ids = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((o) => o.operationId));
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const ok = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
        expect(ok.length, `${method} ${path}`).toBeGreaterThan(0);
        for (const [, r] of ok) if (r.content) for (const c of Object.values(r.content)) expect(c.schema, `${method} ${path}`).toBeDefined();
      }
    }
  });

  it('every request body example is a request the server accepts', async () => {
    const resolve = (s: Schema): Schema => (s.$ref ? doc.components.schemas[s.$ref.split('/').at(-1)!]! : s);
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      const op = ops.post;
      if (!op?.requestBody || path.includes('{')) continue;
      for (const [type, { schema }] of Object.entries(op.requestBody.content)) {
        const example = resolve(schema).example;
        expect(example, `${path} ${type} has an example`).toBeDefined();
        const body = type === 'application/json' ? JSON.stringify(example) : `${JSON.stringify(example)}\n`;
        const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
        expect(res.status, `${path} ${type}: ${await res.clone().text()}`).toBeLessThan(300);
        if (type === 'application/x-ndjson' && path.endsWith('/batch')) expect(await res.text()).not.toContain('"error"');
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(3);
  });

  it('every parameter example, with the others of its route, is a request the server answers', async () => {
    // The path parameters that name a stored record (an audit ID, a job ID): their example is well
    // formed but names nothing in a fresh store, so the answer is the documented 404, not a 400.
    const stored = new Set(['auditId', 'jobId']);
    let tried = 0;
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const params = op.parameters ?? [];
        if (!params.length) continue;
        for (const p of params.filter((p) => p.required)) expect(p.schema?.example, `${method} ${path}: required ${p.name} has an example`).toBeDefined();
        const withExample = params.filter((p) => p.schema?.example !== undefined);
        const url = new URL(path.replace(/\{(\w+)\}/g, (_, name: string) => String(withExample.find((p) => p.name === name)!.schema!.example).split('/').map(encodeURIComponent).join('/')), server.url);
        for (const p of withExample.filter((p) => p.in === 'query')) url.searchParams.append(p.name, String(p.schema!.example));
        const res = await fetch(url, method === 'get' ? {} : { method: method.toUpperCase(), headers: { 'content-type': 'application/x-ndjson' }, body: `${JSON.stringify(doc.components.schemas.AssessmentRequest!.example)}\n` });
        const body = await res.text();
        if (params.some((p) => p.in === 'path' && stored.has(p.name))) expect([res.status, JSON.parse(body).type], `${method} ${url.pathname}${url.search}`).toEqual([404, 'https://chokepoint.dev/problems/not-found']);
        else expect(res.status, `${method} ${url.pathname}${url.search}: ${body.slice(0, 300)}`).toBe(200);
        tried++;
      }
    }
    expect(tried).toBeGreaterThanOrEqual(9);
  });

  it('every example in the document is valid under the schema it sits in', () => {
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    ajv.addSchema({ ...JSON.parse(text), $id: 'https://chokepoint.test/openapi.json' });
    const problems: string[] = [];
    let checked = 0;
    const walk = (node: unknown, pointer: string): void => {
      if (!node || typeof node !== 'object') return;
      const schema = node as Schema & { type?: unknown };
      if ('example' in schema && pointer.match(/\/(schemas\/\w+|schema|properties\/[^/]+|items)$/)) {
        const validate = ajv.getSchema(`https://chokepoint.test/openapi.json#${pointer}`)!;
        if (!validate(schema.example)) problems.push(`${pointer}: ${JSON.stringify(schema.example)} ${ajv.errorsText(validate.errors)}`);
        checked++;
      }
      for (const [key, value] of Object.entries(node)) if (key !== 'example') walk(value, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    };
    walk(JSON.parse(text), '');
    expect(problems).toEqual([]);
    expect(checked).toBeGreaterThan(50);
  });

  it('has no errors under @redocly/cli lint', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chokepoint-openapi-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, text);
      const result = await run(REDOCLY, ['lint', file, '--format=stylish'], { env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } }).then(
        (r) => ({ code: 0, out: r.stdout + r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
      );
      expect(result.out).not.toMatch(/\berror\b {2,}/);
      expect(result.code, result.out).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
