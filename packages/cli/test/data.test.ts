import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins } from '../src/test-support/run.js';

const fixtures = join(import.meta.dirname, '../../lists/test/fixtures');

/** Runs the CLI with the installed official plugins and a data directory of its own. */
const run = (argv: string[], env: Record<string, string>) => runWithOfficialPlugins(argv, { env });

describe('data update, screen and assess with imported lists', { timeout: 60_000 }, () => {
  it('imports the CSL, screens under aliases and scripts, and answers with the list consequence', async () => {
    const env = { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-data-')) };
    const update = await run(['data', 'update', '--from', join(fixtures, 'csl.csv'), '--as-of', '2026-12-01'], env);
    expect(update.code).toBe(0);
    expect(update.stdout).toMatch(/us-entity-list \(asOf 2026-12-01, first import\): 2 added, 0 changed, 0 removed; 2 entries/);
    expect(update.stdout).toMatch(/us-denied-persons .*1 added/);

    const cyrillic = JSON.parse((await run(['screen', 'Иван Сергеевич Петров', '--json'], env)).stdout);
    expect(cyrillic.matches[0]).toMatchObject({ list: 'us-denied-persons', consequence: 'prohibited', matchedName: 'Иван Сергеевич Петров' });
    const reordered = JSON.parse((await run(['screen', 'Ivan Sergeyevich Petrov', '--json'], env)).stdout);
    expect(reordered.matches[0].entry.name).toBe('Petrov, Ivan Sergeyevich');
    const alias = JSON.parse((await run(['screen', 'Northstar Instruments Limited', '--country', 'HK', '--json'], env)).stdout);
    expect(alias.matches[0]).toMatchObject({ list: 'us-entity-list', licensePolicy: 'case_by_case' });
    expect(alias.lists.find((l: { id: string }) => l.id === 'us-entity-list')).toMatchObject({ entries: 2, asOf: '2026-12-01' });

    const assess = async (endUser: string) => JSON.parse((await run(['assess', '--id', 'gallium/metal', '--from', 'US', '--to', 'HK', '--date', '2026-12-01', '--end-user', endUser, '--json'], env)).stdout);
    const el = await assess('Northstar Precision Instruments');
    const us = el.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'US');
    expect(us.verdict).toBe('license_required');
    expect(us.licensePolicy).toBe('case_by_case');
    expect(el.data.find((d: { plugin: string }) => d.plugin === '@chokepoint/plugin-us-ear').lists).toContainEqual({ id: 'us-entity-list', asOf: '2026-12-01', entries: 2, origin: 'imported' });
    expect((await assess('IVAN SERGEYEVICH PETROV')).jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'US').verdict).toBe('prohibited');
    // Named without his patronymic, the denied person is still found inside the assessment.
    const shortName = (await assess('Ivan Petrov')).jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'US');
    expect(shortName.verdict).toBe('prohibited');
    expect(shortName.findings.find((f: { party?: unknown }) => f.party).matchedOn[0]).toMatch(/patronymic "sergeyevich" not given/);

    const status = JSON.parse((await run(['data', 'status', '--json'], env)).stdout);
    expect(status.lists.find((l: { id: string }) => l.id === 'us-meu-list')).toMatchObject({ origin: 'imported', entries: 1 });
  });

  it('a bad file is refused with line and field, and the lists in use stay', async () => {
    const env = { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-data-')) };
    await run(['data', 'update', '--from', join(fixtures, 'cn-lists.json')], env);
    const bad = await run(['data', 'update', '--from', join(fixtures, 'csl-bad.csv')], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/line 3 start_date: expected YYYY-MM-DD, got "03\/01\/2024"/);
    const screened = JSON.parse((await run(['screen', '斯巴鲁', '--json'], env)).stdout);
    expect(screened.matches[0]).toMatchObject({ list: 'cn-export-control-watch-list', consequence: 'license_required' });
  });

  it('a --list the file does not carry is a usage error (exit 2) naming the flag and the lists it has; nothing is imported', async () => {
    const env = { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-data-')) };
    const r = await run(['data', 'update', '--list', 'nolist', '--from', join(fixtures, 'csl.csv')], env);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--list nolist: not in the file; it has .*us-entity-list/);
    const status = JSON.parse((await run(['data', 'status', '--json'], env)).stdout);
    expect(status.lists.filter((l: { origin: string }) => l.origin === 'imported')).toEqual([]);
  });

  it('an amendment that extends a suspension changes the status after the old end and names itself; a wrong field is refused', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-amend-'));
    const env = { CHOKEPOINT_DATA_DIR: dir, CHOKEPOINT_AMENDMENTS: join(dir, 'amendments') };
    await mkdir(env.CHOKEPOINT_AMENDMENTS);
    const measures = JSON.parse((await run(['measures', '--jurisdiction', 'US', '--json'], env)).stdout) as { id: string; suspensions?: unknown }[];
    expect(measures.some((m) => m.id === 'us-ear-2025-affiliates-rule')).toBe(true);
    const amendment = {
      id: 'affiliates-stay-extended', plugin: 'US', description: 'Test: the stay of the affiliates rule extended to 2027-01-10.',
      source: { url: 'https://example.org/test-notice', publisher: 'Test fixture (not a real notice)', date: '2026-11-09' },
      statusEvents: [{ measure: 'us-ear-2025-affiliates-rule', event: 'suspension', from: '2025-11-10', to: '2027-01-10', by: 'Test notice' }],
    };
    await writeFile(join(env.CHOKEPOINT_AMENDMENTS, 'affiliates.json'), JSON.stringify(amendment));
    const status = (date: string) => run(['measures', '--jurisdiction', 'US', '--as-of', date, '--json'], env).then((r) => (JSON.parse(r.stdout) as { id: string; status: string }[]).find((m) => m.id === 'us-ear-2025-affiliates-rule')!.status);
    expect(await status('2026-12-01')).toBe('suspended');
    const withAmendment = JSON.parse((await run(['assess', '--id', 'gallium/metal', '--from', 'US', '--to', 'CN', '--date', '2026-12-01', '--json'], env)).stdout);
    expect(withAmendment.data.find((d: { plugin: string }) => d.plugin === '@chokepoint/plugin-us-ear').amendments).toEqual([{ id: 'affiliates-stay-extended', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), file: 'affiliates.json' }]);
    expect(await run(['measures', '--jurisdiction', 'US', '--as-of', '2026-12-01', '--json'], { CHOKEPOINT_DATA_DIR: dir }).then((r) => (JSON.parse(r.stdout) as { id: string; status: string }[]).find((m) => m.id === 'us-ear-2025-affiliates-rule')!.status)).toBe('in_force');

    await writeFile(join(env.CHOKEPOINT_AMENDMENTS, 'affiliates.json'), JSON.stringify({ ...amendment, statusEvents: [{ ...amendment.statusEvents[0], to: '10 January 2027' }] }));
    const refused = await run(['measures', '--json'], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/amendment affiliates-stay-extended \(affiliates\.json\): statusEvents\[0\]\.to: expected YYYY-MM-DD/);
  });
});

describe('changes --input (portfolio)', { timeout: 120_000 }, () => {
  it('streams one line per request, finds a change date, and handles 100,000 lines', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cp-port-'));
    const input = join(dir, 'portfolio.ndjson');
    const lines = ['{"id":"ga","item":{"id":"gallium/metal"},"from":"CN","to":"US"}', '{"id":"bad","item":{}}', 'not json'];
    await writeFile(input, `${lines.join('\n')}\n`);
    const r = await run(['changes', '--from', '2024-01-01', '--to', '2025-12-31', '--input', input], {});
    expect(r.code).toBe(1);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; changes?: { date: string; jurisdiction: string; measures: string[] }[]; error?: unknown });
    expect(out.map((o) => o.id)).toEqual(['ga', 'bad', null]);
    expect(out[0]!.changes!.some((c) => c.jurisdiction === 'CN' && c.measures.length > 0)).toBe(true);

    const big = join(dir, 'big.ndjson');
    const skus = ['gallium/metal', 'germanium/metal', 'graphite/natural-flake', 'antimony/metal', 'tungsten/metal'];
    await writeFile(big, Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ id: `sku-${i}`, item: { id: skus[i % skus.length] }, from: 'CN', to: i % 2 ? 'US' : 'DE' })).join('\n'));
    const output = join(dir, 'out.ndjson');
    const started = Date.now();
    const all = await run(['changes', '--from', '2025-01-01', '--to', '2025-12-31', '--input', big, '--output', output], {});
    expect(all.code).toBe(0);
    const written = (await readFile(output, 'utf8')).trim().split('\n');
    expect(written).toHaveLength(100_000);
    expect(JSON.parse(written[99_999]!).id).toBe('sku-99999');
    expect(Date.now() - started).toBeLessThan(110_000);
  });
});

describe("China's lists as importable bindings of the CN plugin", { timeout: 60_000 }, () => {
  it('data update --list downloads the cn-lists.json file from the configured URL, and assessments use the imported copy', async () => {
    const file = JSON.parse(await readFile(join(fixtures, 'cn-lists.json'), 'utf8')) as { entries: object[] };
    // An invented listing by an announcement the plugin's data does not describe (test data only).
    file.entries.push({ id: 'CN-UEL:UEL-2027-1:1', list: 'CN-UEL', name: 'Testfall Sensorik GmbH', altNames: [], type: 'Entity', countries: ['DE'], addresses: [], programs: ['test announcement'], startDate: '2026-09-01', sourceUrl: 'https://example.org/test-announcement', cnStatus: 'active' });
    const body = JSON.stringify(file);
    const server = createServer((req, res) => {
      if (req.url === '/cn-lists.json') res.writeHead(200, { 'content-type': 'application/json' }).end(body);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const env = { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-data-')), CHOKEPOINT_LIST_URL_CN_LISTS: `http://127.0.0.1:${(server.address() as AddressInfo).port}/cn-lists.json` };
      const update = await run(['data', 'update', '--list', 'cn-unreliable-entity-list'], env);
      expect(update.code).toBe(0);
      expect(update.stdout).toMatch(/cn-unreliable-entity-list \(asOf 2026-08-05, first import\): 2 added, 0 changed, 0 removed; 2 entries/);

      const assess = async (endUser: string, date: string) => {
        const answer = JSON.parse((await run(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--date', date, '--end-user', endUser, '--json'], env)).stdout);
        return { answer, cn: answer.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'CN') };
      };
      // Insitu: Announcement No. 7 of 2025, suspended from 2025-11-10 to 2026-11-10 (the imported entry says so).
      const after = await assess('Insitu, Inc.', '2026-12-01');
      const finding = after.cn.findings.find((f: { party?: { list: string } }) => f.party?.list === 'cn-unreliable-entity-list');
      expect(finding).toMatchObject({ measure: { id: 'cn-uel-2025-04-04' }, requirement: 'prohibited', party: { id: 'cn-unreliable-entity-list-cn-uel-uel-2025-7-11' } });
      expect(after.cn.verdict).toBe('prohibited');
      expect(after.answer.data.find((d: { plugin: string }) => d.plugin === '@chokepoint/plugin-cn-mofcom').lists).toContainEqual({ id: 'cn-unreliable-entity-list', asOf: '2026-08-05', entries: 2, origin: 'imported' });
      const during = await assess('英斯图公司', '2026-06-01');
      expect(during.cn.verdict).not.toBe('prohibited');
      // A listing whose announcement the data lacks is cited under the list's legal basis, at low confidence.
      const unknown = await assess('Testfall Sensorik GmbH', '2026-12-01');
      const basis = unknown.cn.findings.find((f: { party?: { list: string } }) => f.party?.list === 'cn-unreliable-entity-list');
      expect(basis).toMatchObject({ measure: { id: 'cn-uel-provisions-2020' }, requirement: 'prohibited', confidence: 'low' });
      // The bundled parties of that list are replaced by the import; the other three lists stay bundled.
      expect((await assess('Skydio, Inc.', '2026-12-01')).cn.findings.some((f: { party?: { list: string } }) => f.party?.list === 'cn-unreliable-entity-list')).toBe(false);
      const status = JSON.parse((await run(['data', 'status', '--json'], env)).stdout);
      expect(status.lists.find((l: { id: string }) => l.id === 'cn-export-control-list')).toMatchObject({ origin: 'bundled' });

      const all = await run(['data', 'update', '--list', 'cn-export-control-list'], env);
      expect(all.stdout).toMatch(/cn-export-control-list \(asOf 2026-08-05, first import\): 2 added/);
      const gd = await assess('通用动力公司', '2026-12-01');
      expect(gd.cn.findings.find((f: { party?: { list: string } }) => f.party?.list === 'cn-export-control-list')).toMatchObject({ measure: { id: 'cn-mofcom-2025-1' } });
    } finally {
      server.close();
    }
  });

  it('data update --list jp-meti-end-user-list --from URL imports Japan\'s End User List (EyeWarnYou JSON and CSV forms), and assessments use it by type of concern', async () => {
    const json = await readFile(join(fixtures, 'jp-end-user-list.json'), 'utf8');
    const csv = await readFile(join(fixtures, 'jp-end-user-list.csv'), 'utf8');
    const server = createServer((req, res) => {
      if (req.url === '/jp-end-user-list.json') res.writeHead(200, { 'content-type': 'application/json' }).end(json);
      else if (req.url === '/eul.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const env = { CHOKEPOINT_DATA_DIR: await mkdtemp(join(tmpdir(), 'cp-data-')) };
      const update = await run(['data', 'update', '--list', 'jp-meti-end-user-list', '--from', `${base}/jp-end-user-list.json`], env);
      expect(update.code).toBe(0);
      expect(update.stdout).toMatch(/jp-meti-end-user-list \(asOf 2025-09-29, first import\): 6 added, 0 changed, 0 removed; 6 entries/);
      const assess = async (endUser: string, to: string, extra: string[] = []) => {
        const answer = JSON.parse((await run(['assess', '--id', 'gallium/metal', '--from', 'JP', '--to', to, '--date', '2026-01-15', '--end-use', 'civil', '--end-user', endUser, '--json', ...extra], env)).stdout);
        return answer.jurisdictions.find((j: { jurisdiction: string }) => j.jurisdiction === 'JP');
      };
      // NORINCO is listed for chemical weapons and missiles (and conventional weapons): a WMD listing reaches every row-16 item.
      const norinco = await assess('中国兵器工業集団有限公司', 'CN');
      expect(norinco.verdict).toBe('license_required');
      expect(norinco.findings.find((f: { party?: { list: string } }) => f.party?.list === 'jp-meti-end-user-list')).toMatchObject({ measure: { id: 'jp-meti-end-user-list' }, party: { id: 'jp-eul-518' } });
      // CETC Chip Technology is listed for conventional weapons only: outside the embargoed regions it reaches
      // 16(1) items, and gallium (HS 8112.92) is not one by its tariff code, so nothing is asked; the exporter's answer wins.
      const cetc = await assess('CETC Chip Technology Co., Ltd', 'CN');
      expect(cetc.verdict).toBe('not_controlled');
      expect(cetc.questions ?? []).toEqual([]);
      expect((await assess('CETC Chip Technology Co., Ltd', 'CN', ['--param', 'jpRow16Item1=1'])).verdict).toBe('license_required');
      // The import replaced the bundled edition: an entity it does not carry is no longer a hit.
      expect((await assess('Khan Research Laboratories', 'PK')).verdict).toBe('not_controlled');
      // The CSV form reads the same entities.
      const again = await run(['data', 'update', '--list', 'jp-meti-end-user-list', '--from', `${base}/eul.csv`, '--as-of', '2025-09-29'], env);
      expect(again.stdout).toMatch(/jp-meti-end-user-list \(asOf 2025-09-29, was 2025-09-29\): 0 added, \d changed, 0 removed; 6 entries/);
    } finally {
      server.close();
    }
  });
});

