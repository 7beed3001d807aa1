import { createServer, type Server } from 'node:http';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { detectFormat, entityListRequirement, FileListStore, ImportError, importText, parseCnLists, parseCslCsv, parseCslJson, parseJpEndUserList, parseJpEndUserListCsv, splitEulName, updateLists } from '../src/index.js';

const fixture = (name: string) => join(import.meta.dirname, 'fixtures', name);
const text = (name: string) => readFile(fixture(name), 'utf8');
const byId = <T extends { id: string }>(xs: T[]) => Object.fromEntries(xs.map((x) => [x.id, x]));

describe('CSL JSON and CSV', () => {
  it('split the consolidated list into its lists with aliases, addresses, dates and licence terms', async () => {
    for (const parsed of [parseCslJson(await text('csl.json'), '2026-12-01'), parseCslCsv(await text('csl.csv'), '2026-11-28')]) {
      expect(parsed.problems).toEqual([]);
      const lists = byId(parsed.lists);
      expect(Object.keys(lists).sort()).toEqual(['us-denied-persons', 'us-entity-list', 'us-meu-list', 'us-ofac-sdn', 'us-unverified-list']);
      const huawei = lists['us-entity-list']!.entries[0]!;
      expect(huawei).toMatchObject({ name: 'Huawei Technologies Co., Ltd.', aliases: ['Huawei', '华为技术有限公司'], country: 'CN', listedOn: '2019-05-16', licensePolicy: 'presumption_of_denial', footnotes: [1], notice: '84 FR 22961, 5/21/19' });
      expect(lists['us-entity-list']!.entries[1]!.licensePolicy).toBe('case_by_case');
      expect(lists['us-denied-persons']!.entries[0]).toMatchObject({ removedOn: '2033-06-01', country: 'RU' });
      expect(lists['us-denied-persons']!.consequence.requirement).toBe('prohibited');
      expect(lists['us-unverified-list']!.consequence.requirement).toBe('needs_information');
      expect(lists['us-meu-list']!.consequence).toMatchObject({ requirement: 'license_required', licensePolicy: 'presumption_of_denial' });
      expect(lists['us-ofac-sdn']!.entries[0]!.programs).toEqual(['RUSSIA-EO14024']);
    }
  });
  it('read an Entity List entry whose licence requirement covers only some items or uses as needing information, as the bundled copy does', async () => {
    expect(entityListRequirement('For all items subject to the EAR (see § 734.9(e)(1)(ii) of the EAR; footnote 1).')).toBe('license_required');
    expect(entityListRequirement('For all items subject to the EAR when used in projects specified in § 746.8(a)(4) of the EAR')).toBe('needs_information');
    expect(entityListRequirement('For items on the CCL and EAR99 items listed in supplement no. 7 to part 746 of the EAR.')).toBe('needs_information');
    expect(entityListRequirement('All items subject to the EAR except for crude oil')).toBe('needs_information');
    const record = JSON.parse(await text('csl.json')).results[0];
    const narrow = { ...record, id: 'n1', name: 'Narrow Trade Ltd', license_requirement: 'For all items subject to the EAR when used in projects specified in § 746.8(a)(4) of the EAR' };
    const parsed = parseCslJson(JSON.stringify({ results: [record, narrow] }), '2026-12-01');
    expect(parsed.lists[0]!.entries.map((e) => e.requirement)).toEqual([undefined, 'needs_information']);
  });
  it('take asOf from the JSON sources_used date, else the import date', async () => {
    expect(parseCslJson(await text('csl.json'), '2026-12-01').lists[0]!.asOf).toBe('2026-11-28');
    expect(parseCslCsv(await text('csl.csv'), '2026-12-01').lists[0]!.asOf).toBe('2026-12-01');
  });
  it('report each bad row by line and field and import nothing', async () => {
    const parsed = parseCslCsv(await text('csl-bad.csv'), '2026-12-01');
    expect(parsed.problems).toEqual([
      { at: 'line 3', field: 'start_date', message: 'expected YYYY-MM-DD, got "03/01/2024"' },
      { at: 'line 4', field: 'name', message: 'required' },
    ]);
    const bad = await text('csl-bad.csv');
    expect(() => importText(bad, 'csl-bad.csv', 'csl-csv', '2026-12-01')).toThrow(/csl-bad\.csv: 2 problems; nothing was imported\n {2}line 3 start_date/);
  });
  it('say a cut-short JSON file is not valid JSON', async () => {
    const full = await text('csl.json');
    expect(() => importText(full.slice(0, full.length / 2), 'half.json', 'csl-json', '2026-12-01')).toThrow(/not valid JSON.*cut short/);
  });
});

describe('China lists (cn-lists.json form)', () => {
  it('map list codes, stopped and suspended entries, and asOf', async () => {
    const parsed = parseCnLists(await text('cn-lists.json'), '2026-12-01');
    expect(parsed.problems).toEqual([]);
    const lists = byId(parsed.lists);
    expect(Object.keys(lists).sort()).toEqual(['cn-anti-foreign-sanctions-list', 'cn-export-control-list', 'cn-export-control-watch-list', 'cn-unreliable-entity-list']);
    expect(lists['cn-export-control-list']!.asOf).toBe('2026-08-05');
    expect(lists['cn-export-control-list']!.entries[1]).toMatchObject({ name: 'Skydio, Inc.', removedOn: '2025-11-09' });
    expect(lists['cn-unreliable-entity-list']!.entries[0]!.suspensions).toEqual([{ from: '2025-11-10', to: '2026-11-10', by: expect.stringContaining('suspended') }]);
    expect(lists['cn-export-control-watch-list']!.consequence.requirement).toBe('license_required');
  });
  it('names the entry and field of a bad record', () => {
    const bad = JSON.stringify({ stamps: [], entries: [{ id: 'x', list: 'CN-ECL', name: 'X', countries: ['USA'] }] });
    expect(parseCnLists(bad, '2026-12-01').problems).toEqual([{ at: 'entries[0]', field: 'countries[0]', message: 'expected ISO 3166-1 alpha-2, got "USA"' }]);
  });
});

describe('Japan End User List (EyeWarnYou JSON and CSV forms)', () => {
  it('read the same entities from both forms: list number, names split from their Japanese or Chinese form, country, concerns', async () => {
    const json = parseJpEndUserList(await text('jp-end-user-list.json'), '2026-12-01');
    const csv = parseJpEndUserListCsv(await text('jp-end-user-list.csv'), '2025-09-29');
    for (const parsed of [json, csv]) {
      expect(parsed.problems).toEqual([]);
      const list = parsed.lists[0]!;
      expect(list).toMatchObject({ id: 'jp-meti-end-user-list', jurisdiction: 'JP', asOf: '2025-09-29', consequence: { requirement: 'license_required', licensePolicy: 'case_by_case' } });
      expect(list.entries.map((e) => e.id)).toEqual(['1', '4', '297', '312', '503', '518']);
      const e = byId(list.entries);
      expect(e['297']).toMatchObject({ name: '4.27 Co. Pyongyang Branch', aliases: ['4.27貿易会社平壌支社', '4.27 Corporation'], country: 'KP', programs: ['Biological', 'Chemical', 'Missile', 'Nuclear'] });
      expect(e['518']).toMatchObject({ name: 'China North Industries Group Corporation Limited', aliases: ['中国兵器工業集団有限公司', 'China North Industries Corporation (NORINCO)', '中国北方工業公司'], programs: ['Chemical', 'Missile', 'Conventional weapons'] });
      expect(e['4']).toMatchObject({ country: 'AE', aliases: ['Candid Trading LLC'], programs: ['Missile'] });
      expect(e['312']!.programs).toEqual(['Conventional weapons']);
    }
    expect(json.lists[0]!.source).toMatchObject({ url: 'https://www.meti.go.jp/policy/anpo/20250929_4.xlsx', publisher: 'Ministry of Economy, Trade and Industry (METI)', date: '2025-09-29' });
    const withoutUrl = (es: typeof json.lists[0]['entries']) => es.map((x) => ({ ...x, sourceUrl: undefined }));
    expect(withoutUrl(json.lists[0]!.entries)).toEqual(withoutUrl(csv.lists[0]!.entries));
  });
  it('keep a name whose parentheses hold no Japanese or Chinese, and fold line breaks', () => {
    expect(splitEulName('Nanjing University of Science and Technology(NUST)(南京理工大学)')).toEqual({ name: 'Nanjing University of Science and Technology(NUST)', alias: '南京理工大学' });
    expect(splitEulName('Beijing Alite Technologies Co., Ltd. (ALCO)')).toEqual({ name: 'Beijing Alite Technologies Co., Ltd. (ALCO)' });
    expect(splitEulName('JOINT STOCK COMPANY RESEARCH AND\nPRODUCTION CORPORATION')).toEqual({ name: 'JOINT STOCK COMPANY RESEARCH AND PRODUCTION CORPORATION' });
  });
  it('name the line and field of each bad row, and import nothing', async () => {
    const bad = await text('jp-end-user-list-bad.csv');
    expect(parseJpEndUserListCsv(bad, '2026-12-01').problems).toEqual([
      { at: 'line 3', field: 'no', message: 'expected the list number, got "x8"' },
      { at: 'line 4', field: 'country', message: 'expected ISO 3166-1 alpha-2 or a country name METI\'s list uses, got "Atlantis"' },
      { at: 'line 5', field: 'concern', message: 'unknown type of concern "Q"; expected B, C, M, N or CW' },
    ]);
    expect(() => importText(bad, 'jp-end-user-list-bad.csv', detectFormat('jp-end-user-list-bad.csv', bad), '2026-12-01')).toThrow(/3 problems; nothing was imported/);
  });
  it('are told apart from the CSL and China forms by their content', async () => {
    expect(detectFormat('x.json', await text('jp-end-user-list.json'))).toBe('jp-eul-json');
    expect(detectFormat('eul.csv', await text('jp-end-user-list.csv'))).toBe('jp-eul-csv');
    expect(detectFormat('x.json', await text('cn-lists.json'))).toBe('cn-lists');
    expect(detectFormat('x.csv', await text('csl.csv'))).toBe('csl-csv');
  });
});

describe('updateLists', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    const json = await text('csl.json');
    const eul = await text('jp-end-user-list.json');
    server = createServer((req, res) => {
      if (req.url === '/consolidated.json') res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      else if (req.url === '/jp-end-user-list.json') res.writeHead(200, { 'content-type': 'application/json' }).end(eul);
      else if (req.url === '/half.json') {
        // Announce the whole file, send half, then hang up: a download cut short.
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(json)) });
        res.write(json.slice(0, 500));
        setTimeout(() => res.socket?.destroy(), 20);
      } else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('imports from a file, prints what changed, keeps the previous copy and swaps atomically', async () => {
    const store = new FileListStore(await mkdtemp(join(tmpdir(), 'lists-')));
    const first = await updateLists({ store, from: fixture('csl.csv'), asOf: '2026-11-01' });
    expect(first.find((d) => d.list === 'us-entity-list')).toMatchObject({ added: ['Huawei Technologies Co., Ltd.', 'Northstar Precision Instruments Ltd.'], removed: [], entries: 2 });
    const second = await updateLists({ store, from: fixture('csl.json') });
    const el = second.find((d) => d.list === 'us-entity-list')!;
    expect(el).toMatchObject({ asOf: '2026-11-28', previousAsOf: '2026-11-01', added: [], removed: [] });
    expect(el.changed).toEqual([]); // same records in both forms
    const files = (await readdir(store.dir)).sort();
    expect(files).toContain('us-entity-list.previous.json');
    expect(files.some((f) => f.endsWith('.tmp'))).toBe(false);
    expect((await store.load()).map((l) => l.asOf)).toEqual(['2026-11-28', '2026-11-28', '2026-11-28', '2026-11-28', '2026-11-28']);
  });
  it('downloads from the publisher URL (configurable) and imports only the list asked for', async () => {
    const store = new FileListStore(await mkdtemp(join(tmpdir(), 'lists-')));
    const diffs = await updateLists({ store, list: 'us-entity-list', env: { CHOKEPOINT_LIST_URL_US_CSL: `${base}/consolidated.json` } });
    expect(diffs.map((d) => d.list)).toEqual(['us-entity-list']);
    expect((await store.load()).map((l) => l.id)).toEqual(['us-entity-list']);
  });
  it('downloads Japan\'s End User List from its URL (--list jp-meti-end-user-list) and reports what changed', async () => {
    const store = new FileListStore(await mkdtemp(join(tmpdir(), 'lists-')));
    const first = await updateLists({ store, list: 'jp-meti-end-user-list', env: { CHOKEPOINT_LIST_URL_JP_EUL: `${base}/jp-end-user-list.json` } });
    expect(first).toEqual([expect.objectContaining({ list: 'jp-meti-end-user-list', asOf: '2025-09-29', entries: 6, added: expect.arrayContaining(['DEPARTMENT 53 OF THE MINISTRY OF THE PEOPLE\'S ARMED FORCES']) })]);
    const again = await updateLists({ store, list: 'jp-meti-end-user-list', from: `${base}/jp-end-user-list.json` });
    expect(again[0]).toMatchObject({ added: [], changed: [], removed: [] });
    expect((await store.load()).map((l) => l.id)).toEqual(['jp-meti-end-user-list']);
  });
  it('leaves the lists in use when the URL is unreachable, answers an error, or the download is cut short', async () => {
    const store = new FileListStore(await mkdtemp(join(tmpdir(), 'lists-')));
    await updateLists({ store, from: fixture('csl.csv'), asOf: '2026-11-01' });
    const before = JSON.stringify(await store.load());
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    await expect(updateLists({ store, from: `http://127.0.0.1:${deadPort}/x.json` })).rejects.toThrow(/unreachable.*lists in use are unchanged/);
    await expect(updateLists({ store, from: `${base}/missing.json` })).rejects.toThrow(/HTTP 404/);
    await expect(updateLists({ store, from: `${base}/half.json` })).rejects.toThrow(/broke off|incomplete|not valid JSON/);
    await expect(updateLists({ store, from: fixture('csl-bad.csv') })).rejects.toBeInstanceOf(ImportError);
    expect(JSON.stringify(await store.load())).toBe(before);
  });
});
