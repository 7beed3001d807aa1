import { controlCodeFieldOf, loadPlugins, OFFICIAL_PLUGINS, portfolioChanges, ValidationError, type ItemRef, type PluginDefinition } from '@chokepoint/core';
import * as S from '@chokepoint/core/schema';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createServerEngine } from '../src/engine.js';
import type { RunningServer } from '../src/index.js';
import { json, ndjson, sqliteFixture, startTestServer, type StoreFixture } from './support.js';

// Core's answer schemas (the OpenAPI document's components, the JSON Schema files, the MCP tools'
// output schemas) against real answers of every default plugin: each answer must parse, and parsing
// must drop nothing (a field the schema does not describe fails). The requests are built from each
// plugin's own entries and listed parties, so they reach every regime and most verdicts.

const taxonomy = loadTaxonomy();
let plugins: PluginDefinition[];
let engine: Awaited<ReturnType<typeof createServerEngine>>;

beforeAll(async () => {
  plugins = await loadPlugins(OFFICIAL_PLUGINS, { importer: (s) => import(s) });
  engine = await createServerEngine({}, taxonomy);
});

/** Parses `value` as JSON clients receive it; the parse must succeed and keep every field. */
function expectShape(schema: z.ZodType, value: unknown, what: string): void {
  const wire = JSON.parse(JSON.stringify(value)) as unknown;
  const parsed = schema.safeParse(wire);
  if (!parsed.success) throw new Error(`${what} does not match its schema:\n${z.prettifyError(parsed.error)}\n${JSON.stringify(wire).slice(0, 400)}`);
  expect(parsed.data, `${what}: a field the schema does not describe`).toStrictEqual(wire);
}

/** Every `step`-th element, at most `max`. */
const spread = <T>(items: readonly T[], max: number): T[] => items.filter((_, i) => i % Math.max(1, Math.ceil(items.length / max)) === 0);

const TERRITORY: Record<string, string> = { CN: 'CN', US: 'US', EU: 'DE', JP: 'JP' };
const DESTINATIONS = ['US', 'CN', 'RU', 'IR', 'IN', 'AE', 'DE', 'JP', 'KP', 'VN'];
const DATES = ['2019-06-01', '2023-09-01', '2025-06-01', '2025-12-01', '2027-03-01'];
const TRANSFERS = ['goods', 'technology', 'software'] as const;
const END_USES = ['civil', 'military', 'unknown', 'wmd', 'military-intelligence'] as const;

/** An item naming what an entry covers, by taxonomy ID, HS code, the plugin's own control code or CAS number. */
function itemFor(plugin: PluginDefinition, covers: PluginDefinition['entries'][number]['covers'], n: number): ItemRef | undefined {
  const field = controlCodeFieldOf(plugin.manifest);
  const code = covers.controlCodes?.[0];
  const choices: (ItemRef | undefined)[] = [
    covers.ids?.[0] ? { id: covers.ids[0] } : undefined,
    covers.hs?.[0] ? { hs: covers.hs[0] } : undefined,
    code && field ? (field.startsWith('codes.') ? { codes: { [field.slice(6)]: code } } : { [field]: code }) : undefined,
    covers.cas?.[0] ? { cas: covers.cas[0] } : undefined,
  ];
  return choices[n % choices.length] ?? choices.find(Boolean);
}

function requestsFor(plugin: PluginDefinition): Record<string, unknown>[] {
  const from = TERRITORY[plugin.manifest.jurisdiction] ?? 'CN';
  const out: Record<string, unknown>[] = [];
  spread(plugin.entries, 120).forEach((entry, n) => {
    const item = itemFor(plugin, entry.covers, n);
    if (!item) return;
    out.push({
      id: `${entry.id}-${n}`, item, from, to: DESTINATIONS[n % DESTINATIONS.length], date: DATES[n % DATES.length],
      transfer: TRANSFERS[n % TRANSFERS.length], endUse: END_USES[n % END_USES.length],
      ...(n % 4 === 0 ? { endUser: { name: 'Example Trading Co.', country: DESTINATIONS[n % DESTINATIONS.length], type: 'commercial' } } : {}),
    });
  });
  spread(plugin.parties ?? [], 30).forEach((party, n) => {
    const to = party.country && party.country !== from ? party.country : 'AE';
    const who = n % 3 === 0 ? { endUser: { name: party.name, country: to } }
      : n % 3 === 1 ? { parties: [{ role: 'intermediate_consignee', name: party.aliases?.[0] ?? party.name }], endUser: { name: 'Example Co.', owners: [{ name: party.name, share: 0.6 }], ownersComplete: true } }
        : { endUser: { name: 'Example Co.', country: to, owners: [{ name: party.name, country: party.country, share: 0.5 }] } };
    out.push({ item: { id: 'gallium/metal' }, from, to, date: DATES[(n + 2) % DATES.length], ...who });
  });
  return out;
}

/** Requests that reach what entries alone do not: questions, content rules, unresolved names, HS headings. */
const EDGE_REQUESTS: Record<string, unknown>[] = [
  { item: { name: 'gallium' }, from: 'CN', to: 'US', date: '2025-06-01' },
  { item: { name: 'something nobody lists' }, from: 'CN', to: 'US', date: '2025-06-01' },
  { item: { hs: '8112' }, from: 'CN', to: 'US', date: '2025-06-01' },
  { item: { hs: '0101.21' }, from: 'CN', to: 'US' },
  { item: { id: 'tungsten/powder' }, from: 'CN', to: 'US', date: '2025-06-01' },
  { item: { id: 'gallium/metal', parameters: { purity: 0.99999 } }, from: 'CN', to: 'US', date: '2023-09-01', endUse: 'civil' },
  { item: { eccn: '3A001', valueUsd: 1000, content: [{ item: { eccn: '3A001' }, origin: 'US', valueShare: 0.3 }] }, from: 'DE', to: 'CN', date: '2025-06-01' },
  { item: { euCode: '1C226' }, from: 'DE', to: 'US', date: '2025-06-01' },
  { item: { euCode: '3C005.a' }, from: 'DE', to: 'NO', date: '2025-06-01' },
  { item: { id: 'rare-earths' }, from: 'CN', to: 'US', date: '2025-10-15', transfer: 'technology' },
  { item: { id: 'gallium/metal' }, from: 'US', to: 'US', date: '2025-06-01', transfer: 'technology', endUser: { name: 'A Person', nationalities: ['CN'], type: 'individual' } },
  { id: 7, item: { cnCode: '8112929010' }, from: 'CN', to: 'US', date: '2025-01-15', endUse: 'civil', jurisdictions: ['CN'] },
  // EU hook findings not in force on the date (CONTRACT §3): a national control before its first day (no entry),
  // a sanctions listing that ended (repealed), an Annex I ban and an Annex XXIII listing not yet in force.
  { item: { hs: '848620' }, from: 'NL', to: 'CN', date: '2023-08-31' },
  { item: { hs: '847180' }, from: 'DE', to: 'RU', date: '2024-01-01' },
  { item: { euCode: '3C005' }, from: 'DE', to: 'RU', date: '2022-02-25' },
  { item: { hs: '810297' }, from: 'DE', to: 'RU', date: '2022-04-08' },
];

describe('answer schemas against real answers of every default plugin (#15.3)', () => {
  it('assessments: every answer parses against AssessmentResponse, dropping nothing', () => {
    expect(plugins.map((p) => p.manifest.jurisdiction).sort()).toEqual(['CN', 'EU', 'JP', 'US']);
    const seen = { verdicts: new Set<string>(), reaching: new Set<string>(), findingsWithParty: 0, authorizations: 0, questions: 0, advisories: 0, warnings: 0, candidates: 0, hsHeading: 0 };
    let answered = 0;
    for (const request of [...plugins.flatMap(requestsFor), ...EDGE_REQUESTS]) {
      let answer;
      try {
        answer = engine.assess(request);
      } catch (err) {
        if (err instanceof ValidationError) continue;
        throw err;
      }
      answered++;
      expectShape(S.AssessmentResponseSchema, answer, `assessment of ${JSON.stringify(request)}`);
      seen.verdicts.add(answer.verdict);
      for (const j of answer.jurisdictions) {
        if (j.reaches) seen.reaching.add(j.jurisdiction);
        seen.findingsWithParty += j.findings.filter((f) => f.party).length;
        seen.authorizations += j.authorizations.length;
      }
      seen.questions += answer.questions.length;
      seen.advisories += answer.advisories.length;
      seen.warnings += answer.warnings.length;
      if (answer.item.candidates) seen.candidates++;
      if (answer.item.hsHeading) seen.hsHeading++;
    }
    // The spread is wide enough to mean something: every regime reached, most verdicts, every optional part.
    expect(answered).toBeGreaterThan(300);
    expect(seen.reaching).toEqual(new Set(['CN', 'EU', 'JP', 'US']));
    expect(seen.verdicts.size).toBeGreaterThanOrEqual(5);
    for (const [part, count] of Object.entries(seen)) if (typeof count === 'number') expect(count, part).toBeGreaterThan(0);
  });

  it('exposure plans, screenings, data status and portfolio changes parse against their schemas', () => {
    for (const chain of taxonomy.chains()) {
      expectShape(S.ExposureResponseSchema, engine.exposure({ name: chain.id, site: 'US', chain: chain.id, date: '2025-06-01' }), `exposure of ${chain.id}`);
      expectShape(S.ExposureResponseSchema, engine.exposure({ site: 'DE', chain: chain.id, from: 'CN', endUse: 'military', date: '2026-01-15' }), `exposure of ${chain.id} from CN`);
    }
    expectShape(S.ExposureResponseSchema, engine.exposure({ site: 'US', inputs: [{ item: { id: 'dysprosium/oxide' }, from: 'CN' }, { item: { id: 'tech/rare-earths/magnet-manufacturing' }, from: 'CN', transfer: 'technology' }] }), 'exposure by hand');
    let matched = 0;
    for (const plugin of plugins) {
      for (const party of spread(plugin.parties ?? [], 15)) {
        const answer = engine.screen({ id: party.id, name: party.aliases?.[0] ?? party.name, ...(party.country ? { country: party.country } : {}), minScore: 0.5 });
        matched += answer.matches.length;
        expectShape(S.ScreeningResponseSchema, answer, `screening of ${party.name}`);
      }
    }
    expect(matched).toBeGreaterThan(20);
    expectShape(S.ScreeningResponseSchema, engine.screen({ id: 3, name: 'Nobody In Particular GmbH' }), 'screening without a match');
    expectShape(S.DataStatusSchema, engine.dataStatus(), 'data status');
    const changes = portfolioChanges(engine, { from: '2023-01-01', to: '2026-12-31' });
    let changed = 0;
    for (const line of [{ id: 'sku-1', item: { id: 'gallium/metal' }, from: 'CN', to: 'US' }, { item: { id: 'antimony' }, from: 'CN', to: 'US' }, { item: { eccn: '3A090' }, from: 'US', to: 'CN' }]) {
      const answer = changes(line);
      changed += answer.changes.length;
      expectShape(S.PortfolioLineChangesSchema, answer, `portfolio changes of ${JSON.stringify(line)}`);
    }
    expect(changed).toBeGreaterThan(0);
  });

  it('measures, measure entries, changes, taxonomy nodes, search hits and plugins parse against their schemas', () => {
    for (const asOf of ['2020-01-01', '2025-06-01']) expectShape(z.array(S.MeasureViewSchema), engine.measures({ asOf }), `measures as of ${asOf}`);
    for (const m of engine.measures()) expectShape(S.MeasureDetailSchema, { ...m, entryList: engine.measureEntries(m.id) }, `measure ${m.id}`);
    expectShape(z.array(S.ChangeViewSchema), engine.changes({ from: '2000-01-01', to: '2027-12-31' }), 'changes');
    for (const node of taxonomy.nodes()) expectShape(S.TaxonomyNodeDetailsSchema, taxonomy.details(node.id), `taxonomy node ${node.id}`);
    for (const text of ['gallium', '金属镓', '8112', '7440-55-3', 'magnet']) expectShape(z.array(S.TaxonomyHitSchema), taxonomy.search(text, 20), `search for ${text}`);
    expectShape(S.JurisdictionsSchema, { countries: taxonomy.countries(), groups: taxonomy.groups() }, 'jurisdictions');
    expectShape(z.array(S.PluginInfoSchema), engine.plugins, 'plugins');
  });
});

type Operation = { responses: Record<string, { content?: Record<string, { schema: object }> }> };

describe('the server\'s answers against the schemas its OpenAPI document names', () => {
  let fixture: StoreFixture;
  let server: RunningServer;
  let doc: { paths: Record<string, Record<string, Operation>>; components: object };
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  beforeAll(async () => {
    fixture = sqliteFixture();
    // A small batch limit, so that a streamed batch can be cut and its last line checked.
    server = await startTestServer(fixture, { CHOKEPOINT_BATCH_LIMIT: '8kb' });
    doc = (await (await fetch(`${server.url}/openapi.json`)).json()) as typeof doc;
    ajv.addSchema({ $id: 'https://chokepoint.test/openapi.json', components: doc.components });
  });

  /**
   * Checks a body (or each NDJSON line) against the schema the served document gives for the route's
   * answer with this status: the document, not only core's zod schemas, must describe what is sent.
   */
  function expectDocumented(method: string, route: string, status: number, bodies: unknown[]): void {
    const content = doc.paths[route]?.[method]?.responses[String(status)]?.content ?? {};
    const schema = Object.values(content)[0]?.schema;
    expect(schema, `${method} ${route} ${status} has a schema`).toBeDefined();
    // The route's schema refers to the components as `#/components/...`; resolve them in the document.
    const validate = ajv.compile({ ...JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"https://chokepoint.test/openapi.json#/components/')) });
    for (const body of bodies) expect(validate(body) ? [] : validate.errors, `${method} ${route} ${status}: ${JSON.stringify(body).slice(0, 200)}`).toEqual([]);
  }
  afterAll(async () => {
    await server?.close();
    await fixture?.dispose();
  });
  const get = async (path: string) => {
    const res = await fetch(`${server.url}${path}`);
    expect(res.status, path).toBe(200);
    return res.json() as Promise<unknown>;
  };
  const lines = async (res: Response) => (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as unknown);
  const audited = S.AssessmentResponseSchema.extend({ auditId: z.uuid() });

  it('each route\'s answer matches the schema the served OpenAPI document names for it', async () => {
    const request = { id: 'line-1', item: { cnCode: '8112929010' }, from: 'CN', to: 'US', date: '2025-01-15' };
    const post = async (path: string, init: RequestInit) => {
      const res = await fetch(`${server.url}${path}`, init);
      return { status: res.status, text: await res.text() };
    };
    const ndjsonLines = (text: string) => text.trim().split('\n').map((l) => JSON.parse(l) as unknown);
    const checks: [string, string, string, RequestInit | undefined, boolean][] = [
      ['post', '/v1/assessments', '/v1/assessments', json(request), false],
      ['post', '/v1/assessments/batch', '/v1/assessments/batch', ndjson([request, { item: {}, from: 'CN', to: 'US' }, 'not json']), true],
      ['post', '/v1/screenings', '/v1/screenings', json({ name: 'Huawei Technologies Co., Ltd.', country: 'CN' }), false],
      ['post', '/v1/screenings/batch', '/v1/screenings/batch', ndjson([{ id: 'p1', name: 'Huawei Technologies Co., Ltd.' }, { name: '' }]), true],
      ['post', '/v1/changes/portfolio', '/v1/changes/portfolio?from=2023-01-01&to=2025-12-31', ndjson([{ id: 'sku-1', item: { id: 'gallium/metal' }, from: 'CN', to: 'US' }, { from: 'CN' }]), true],
      ['post', '/v1/exposure', '/v1/exposure', json({ site: 'US', chain: 'ndfeb-magnet-motors', date: '2025-06-01' }), false],
      ['get', '/v1/data', '/v1/data', undefined, false],
      ['get', '/v1/taxonomy', '/v1/taxonomy?q=gallium', undefined, false],
      ['get', '/v1/taxonomy/{id}', '/v1/taxonomy/magnets/ndfeb-dy-tb', undefined, false],
      ['get', '/v1/jurisdictions', '/v1/jurisdictions', undefined, false],
      ['get', '/v1/measures', '/v1/measures?asOf=2025-06-01', undefined, false],
      ['get', '/v1/measures/{id}', '/v1/measures/cn-mofcom-2023-23', undefined, false],
      ['get', '/v1/changes', '/v1/changes?from=2020-01-01&to=2026-12-31', undefined, false],
      ['get', '/v1/plugins', '/v1/plugins', undefined, false],
    ];
    for (const [method, route, path, init, lines] of checks) {
      const { status, text } = await post(path, init ?? {});
      expect(status, `${method} ${path}: ${text.slice(0, 200)}`).toBe(200);
      expectDocumented(method, route, 200, lines ? ndjsonLines(text) : [JSON.parse(text)]);
    }
    // A streamed batch (no Content-Length) larger than the limit: the lines read are answered, then one
    // line says the stream was cut.
    const body = ndjson(Array.from({ length: 200 }, (_, i) => ({ ...request, id: `line-${i}` }))).body as string;
    const stream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(body)); c.close(); } });
    const cut = await post('/v1/assessments/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: stream, duplex: 'half' } as RequestInit);
    const cutLines = ndjsonLines(cut.text);
    // The last line says how many input lines were answered: every line above it, and only those (contract review, note E).
    expect(cutLines.at(-1)).toMatchObject({ error: { code: 'payload_too_large', answered: cutLines.length - 1 } });
    expect(cutLines.slice(0, -1).map((l) => (l as { id: string }).id)).toEqual(Array.from({ length: cutLines.length - 1 }, (_, i) => `line-${i}`));
    expectDocumented('post', '/v1/assessments/batch', 200, cutLines);
    // The screening batch ends the same way, from the same helper.
    const names = ndjson(Array.from({ length: 2000 }, (_, i) => ({ id: `p-${i}`, name: `Acme Metals GmbH ${i}` }))).body as string;
    const nameStream = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(names)); c.close(); } });
    const cutScreens = ndjsonLines((await post('/v1/screenings/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body: nameStream, duplex: 'half' } as RequestInit)).text);
    expect(cutScreens.at(-1)).toMatchObject({ error: { code: 'payload_too_large', answered: cutScreens.length - 1 } });
    expectDocumented('post', '/v1/screenings/batch', 200, cutScreens);
    // Problem documents, for a bad body, an unknown measure and a bad query.
    for (const [method, route, path, init, status] of [['post', '/v1/assessments', '/v1/assessments', json({ item: { hs: 'x' }, from: 'CN' }), 400], ['get', '/v1/measures/{id}', '/v1/measures/nope', undefined, 404], ['get', '/v1/changes', '/v1/changes?from=2025-13-01', undefined, 400]] as const) {
      const res = await post(path, init ?? {});
      expect(res.status, path).toBe(status);
      expectDocumented(method, route, status, [JSON.parse(res.text)]);
    }
  });

  it('each route answers in its schema, batch lines and problem documents included', async () => {
    const request = { id: 'line-1', item: { cnCode: '8112929010' }, from: 'CN', to: 'US', date: '2025-01-15' };
    expectShape(audited, await (await fetch(`${server.url}/v1/assessments`, json(request))).json(), 'POST /v1/assessments');
    const batch = await lines(await fetch(`${server.url}/v1/assessments/batch`, ndjson([request, { item: {}, from: 'CN', to: 'US' }, 'not json'])));
    expectShape(audited, batch[0], 'batch answer line');
    expectShape(S.BatchLineErrorSchema, batch[1], 'batch invalid line');
    expectShape(S.BatchLineErrorSchema, batch[2], 'batch unreadable line');
    const screenings = await lines(await fetch(`${server.url}/v1/screenings/batch`, ndjson([{ id: 'p1', name: 'Huawei Technologies Co., Ltd.' }, { name: '' }])));
    expectShape(S.ScreeningResponseSchema, screenings[0], 'screening batch line');
    expectShape(S.BatchLineErrorSchema, screenings[1], 'screening batch invalid line');
    const portfolio = await lines(await fetch(`${server.url}/v1/changes/portfolio?from=2023-01-01&to=2025-12-31`, ndjson([{ id: 'sku-1', item: { id: 'gallium/metal' }, from: 'CN', to: 'US' }, { from: 'CN' }])));
    expectShape(S.PortfolioLineChangesSchema, portfolio[0], 'portfolio line');
    expectShape(S.BatchLineErrorSchema, portfolio[1], 'portfolio invalid line');
    expectShape(S.ScreeningResponseSchema, await (await fetch(`${server.url}/v1/screenings`, json({ name: 'Huawei Technologies Co., Ltd.', country: 'CN' }))).json(), 'POST /v1/screenings');
    expectShape(S.ExposureResponseSchema, await (await fetch(`${server.url}/v1/exposure`, json({ site: 'US', chain: 'lfp-cells', date: '2025-06-01' }))).json(), 'POST /v1/exposure');
    expectShape(S.DataStatusSchema, await get('/v1/data'), 'GET /v1/data');
    expectShape(z.array(S.TaxonomySearchHitSchema), await get('/v1/taxonomy?q=gallium'), 'GET /v1/taxonomy');
    expectShape(S.TaxonomyNodeDetailsSchema, await get('/v1/taxonomy/gallium/metal'), 'GET /v1/taxonomy/{id}');
    expectShape(S.JurisdictionsSchema, await get('/v1/jurisdictions'), 'GET /v1/jurisdictions');
    expectShape(z.array(S.MeasureViewSchema), await get('/v1/measures?jurisdiction=CN&asOf=2025-06-01'), 'GET /v1/measures');
    expectShape(S.MeasureDetailSchema, await get('/v1/measures/cn-mofcom-2023-23'), 'GET /v1/measures/{id}');
    expectShape(z.array(S.ChangeViewSchema), await get('/v1/changes?from=2025-01-01&to=2025-12-31'), 'GET /v1/changes');
    expectShape(z.array(S.PluginInfoSchema), await get('/v1/plugins'), 'GET /v1/plugins');
    for (const [path, init] of [['/v1/assessments', json({ item: { hs: 'x' }, from: 'CN' })], ['/v1/measures/nope', undefined], ['/v1/changes?from=2025-13-01', undefined]] as const) {
      const res = await fetch(`${server.url}${path}`, init);
      expect(res.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
      expectShape(S.ProblemSchema, await res.json(), `problem of ${path}`);
    }
  });
});
