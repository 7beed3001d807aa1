import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssessmentRequestSchema } from '@chokepoint/core';
import * as S from '@chokepoint/core/schema';
import { createDefaultEngine } from '../src/engine.js';
import { loadTaxonomy } from '@chokepoint/taxonomy';

// The server as an assistant runs it: `chokepoint-mcp` over stdio, driven by the SDK's own client.
const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const client = new Client({ name: 'chokepoint-test', version: '0.0.0' });
const request = { item: { id: 'dysprosium/oxide' }, from: 'CN', to: 'US', date: '2025-06-01', endUse: 'civil' };

beforeAll(async () => {
  await client.connect(new StdioClientTransport({ command: process.execPath, args: [bin], stderr: 'pipe' }));
}, 60_000);
afterAll(() => client.close());

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}
function json(r: CallToolResult): unknown {
  const texts = r.content.filter((c) => c.type === 'text').map((c) => c.text);
  expect(texts).toHaveLength(2);
  return JSON.parse(texts[1]!);
}
function summary(r: CallToolResult): string {
  return (r.content[0] as { text: string }).text;
}

describe('chokepoint-mcp over stdio', () => {
  it('initializes as chokepoint and lists the seven tools of CONTRACT §12 with input schemas', async () => {
    expect(client.getServerVersion()?.name).toBe('chokepoint');
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['assess_transfer', 'data_status', 'list_changes', 'list_measures', 'plan_exposure', 'screen_party', 'search_items']);
    const assess = tools.find((t) => t.name === 'assess_transfer')!;
    expect(assess.inputSchema.required).toEqual(expect.arrayContaining(['item', 'from', 'to']));
    expect(Object.keys(assess.inputSchema.properties ?? {})).toEqual(expect.arrayContaining(['date', 'transfer', 'endUse', 'endUser', 'parties', 'jurisdictions']));
    for (const t of tools) expect(t.description?.length, t.name).toBeGreaterThan(30);
  });

  it('assess_transfer answers as the engine does, with a summary naming the verdict', async () => {
    const r = await call('assess_transfer', request);
    expect(r.isError).toBeFalsy();
    const expected = (await createDefaultEngine()).assess(request);
    expect(json(r)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(r.structuredContent).toEqual(json(r));
    expect(summary(r)).toContain(`CN → US on 2025-06-01, dysprosium/oxide: ${expected.verdict}`);
  });

  it('search_items finds an item by its Chinese name, with its kind and names in the JSON and in the summary', async () => {
    const r = await call('search_items', { text: '金属镓', limit: 3 });
    const hits = json(r) as { id: string; kind?: string; names?: { en: string; zh?: string } }[];
    expect(hits[0]?.id).toBe('gallium/metal');
    const node = loadTaxonomy().node('gallium/metal')!;
    expect(hits[0]).toMatchObject({ kind: node.kind, names: node.names });
    expect(summary(r)).toContain(`gallium/metal (${node.kind}: ${node.names.en} / ${node.names.zh})`);
  });

  it('list_measures and list_changes return the measures and events of a jurisdiction', async () => {
    const measures = json(await call('list_measures', { jurisdiction: 'CN', asOf: '2025-06-01' })) as { jurisdiction: string; status: string }[];
    expect(measures.length).toBeGreaterThan(5);
    expect(new Set(measures.map((m) => m.jurisdiction))).toEqual(new Set(['CN']));
    const changes = json(await call('list_changes', { from: '2025-01-01', to: '2025-12-31', jurisdiction: 'CN' })) as { date: string }[];
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.date >= '2025-01-01' && c.date <= '2025-12-31')).toBe(true);
  });

  it('plan_exposure, screen_party and data_status answer in the contract shapes', async () => {
    const plan = json(await call('plan_exposure', { name: 'magnets', site: 'US', date: '2025-06-01', chain: 'ndfeb-magnet-motors' })) as { site: string; inputs: unknown[]; chokepoints: unknown[] };
    expect(plan.site).toBe('US');
    expect(plan.inputs.length).toBeGreaterThan(0);
    const screening = json(await call('screen_party', { name: 'Huawei Technologies Co., Ltd.', country: 'CN' })) as { matches: { score: number }[]; lists: unknown[] };
    expect(screening.lists.length).toBeGreaterThan(0);
    expect(Array.isArray(screening.matches)).toBe(true);
    const status = json(await call('data_status')) as { plugins: { plugin: string }[] };
    expect(status.plugins.map((p) => p.plugin).sort()).toEqual(['@chokepoint/plugin-cn-mofcom', '@chokepoint/plugin-eu-dual-use', '@chokepoint/plugin-jp-meti', '@chokepoint/plugin-us-ear']);
  });

  it('screen_party: a listing due to expire after the copy was taken (PJSC Aeroflot, DPL copy of 2026-07-09, order to 2026-09-16) is a hit, and the summary says it may have been renewed', async () => {
    const r = await call('screen_party', { name: 'PJSC Aeroflot', lists: ['us-denied-persons'] });
    const screening = json(r) as { matches: { entry: { name: string }; warnings?: { code: string }[] }[] };
    expect(screening.matches[0]?.entry.name).toBe('PJSC AEROFLOT');
    expect(screening.matches[0]?.warnings?.map((w) => w.code)).toEqual(['listing_expiry_unverified']);
    expect(summary(r)).toMatch(/1 listing\(s\) were due to expire after the list copy was taken and may have been renewed \(listing_expiry_unverified\)/);
  });

  it('screen_party: an address given is compared with the match\'s listed addresses, in the answer and the summary', async () => {
    const r = await call('screen_party', { name: 'Henixio Aviation', address: 'Unit 1507E, 15/F, Eastcore, 398 Kwun Tong Road, Kowloon, Hong Kong', lists: ['us-unverified-list'] });
    const screening = json(r) as { matches: { address?: { shared: string[] } }[] };
    expect(screening.matches[0]?.address?.shared).toContain('eastcore');
    expect(summary(r)).toMatch(/The address given shares 9 word\(s\) with its listed address "Unit 1507E, 15\/F, Eastcore/);
    expect(summary(await call('screen_party', { name: 'Henixio Aviation', address: 'Via Roma 1, Milano', lists: ['us-unverified-list'] }))).toMatch(/shares no word with its listed addresses/);
  });

  it('screen_party: a first word given alone matches nothing at the threshold, and the summary names the closest names as not matches', async () => {
    const r = await call('screen_party', { name: 'Hytera' });
    const screening = json(r) as { matches: unknown[]; nearMatches?: { entry: { name: string }; score: number }[] };
    expect(screening.matches).toEqual([]);
    expect(screening.nearMatches?.length).toBeGreaterThan(0);
    expect(screening.nearMatches?.every((m) => m.entry.name.startsWith('Hytera') && m.score >= 0.6 && m.score < 0.85)).toBe(true);
    expect(summary(r)).toMatch(/^No match for "Hytera" on \d+ list\(s\)\. Closest names below the threshold, not matches, for review: Hytera /);
  });

  it('screen_party: a listed brand given alone matches the party it stands for and its group, and the summary says so', async () => {
    const r = await call('screen_party', { name: 'Huawei' });
    const screening = json(r) as { matches: { entry: { name: string }; brand?: string; score: number }[] };
    expect(screening.matches[0]).toMatchObject({ entry: { name: 'Huawei Technologies Co., Ltd.' }, brand: 'Huawei', score: 0.9 });
    expect(screening.matches.length).toBeGreaterThan(50);
    expect(summary(r)).toMatch(/match\(es\) for "Huawei"; best: Huawei Technologies Co\., Ltd\. \(the name carries its brand "Huawei": it may be that party or another of its group/);
  });

  it('a bad call is a tool error naming the field and what was expected', async () => {
    // Passes the schema's shape, fails the engine's check: the engine's message names the field.
    const unknownCountry = await call('assess_transfer', { ...request, to: 'ZZ' });
    expect(unknownCountry.isError).toBe(true);
    expect(summary(unknownCountry)).toMatch(/^assess_transfer: invalid arguments \(invalid_request\)\nto: .*"ZZ"/);
    // Fails core's request schema, which the SDK checks first: the error names the field too.
    for (const [args, field] of [[{ ...request, to: 'USA' }, 'to'], [{ item: { id: 'gallium/metal' }, to: 'US' }, 'from'], [{ ...request, endUse: 'peaceful' }, 'endUse']] as const) {
      const bad = await call('assess_transfer', args);
      expect(bad.isError, field).toBe(true);
      expect(summary(bad)).toMatch(new RegExp(`\\b${field}\\b`));
    }
    const badDate = await call('list_changes', { from: '2025-13-01', to: '2025-12-31' });
    expect(badDate.isError).toBe(true);
    expect(summary(badDate)).toMatch(/from/);
  });

  it('advertises core\'s request schema for assess_transfer', async () => {
    const { tools } = await client.listTools();
    const schema = tools.find((t) => t.name === 'assess_transfer')!.inputSchema as { properties: Record<string, unknown>; additionalProperties?: unknown };
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(AssessmentRequestSchema.shape).sort());
    expect(schema.additionalProperties).toBe(false);
  });

  it('advertises core\'s schemas as every tool\'s input and output schema', async () => {
    const { tools } = await client.listTools();
    const tool = (name: string) => tools.find((t) => t.name === name)!;
    const keys = (schema: { properties?: Record<string, unknown> } | undefined) => Object.keys(schema?.properties ?? {}).sort();
    const shapes: Record<string, { shape: object }> = { screen_party: S.ScreeningRequestSchema, list_measures: S.MeasuresQuerySchema, list_changes: S.ChangesQuerySchema, search_items: S.TaxonomySearchSchema, plan_exposure: S.ExposurePlanSchema };
    for (const [name, schema] of Object.entries(shapes)) expect(keys(tool(name).inputSchema), name).toEqual(Object.keys(schema.shape).sort());
    const answers: Record<string, { shape: object }> = { assess_transfer: S.AssessmentResponseSchema, plan_exposure: S.ExposureResponseSchema, screen_party: S.ScreeningResponseSchema, data_status: S.DataStatusSchema };
    for (const [name, schema] of Object.entries(answers)) expect(keys(tool(name).outputSchema), name).toEqual(Object.keys(schema.shape).sort());
    for (const name of ['search_items', 'list_measures', 'list_changes']) expect(keys(tool(name).outputSchema), name).toEqual(['items']);
    // The client checks every structured result against these schemas: the calls above passed that check.
  });

  it('a client that checks results against the output schemas accepts each tool\'s answer', async () => {
    await client.listTools();
    for (const [name, args] of [['assess_transfer', { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15', endUser: { name: 'Skydio Inc.' } }], ['list_measures', { jurisdiction: 'JP' }], ['search_items', { text: 'tungsten' }], ['screen_party', { name: 'Huawei Technologies Co., Ltd.' }], ['plan_exposure', { site: 'JP', chain: 'lfp-cells', from: 'CN' }]] as const) {
      const r = await call(name, args);
      expect(r.isError, name).toBeFalsy();
      expect(r.structuredContent, name).toBeDefined();
    }
  });
});
