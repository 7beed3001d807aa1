import type { AssessmentResponse, Comparison, DataStatus, ScreeningResponse } from '@chokepoint/core';
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PORTFOLIO_COLUMNS, type PortfolioLine } from '../src/portfolio.js';
import { amendmentsDir, axeViolations, chooseOption, CSL_FIXTURE, nextAnswer, screenshot, startSession, streamText, type Session } from './support.js';

// The views over the routes added for data currency, portfolio changes, regimes' own codes, parties
// and owners, and the new screening lists: one server with an amendment file and an imported copy of
// the US Consolidated Screening List, one Chromium.
let s: Session;
let amendments: string;
const today = new Date().toISOString().slice(0, 10);
const DATA_WARNINGS = ['stale_data', 'stale_list', 'status_unverified'];

beforeAll(async () => {
  amendments = amendmentsDir();
  s = await startSession({ CHOKEPOINT_AMENDMENTS: amendments, CHOKEPOINT_RELOAD_SECONDS: '0' });
  const imported = await s.api<{ list: string }[]>('/v1/admin/lists', { method: 'POST', body: JSON.stringify({ content: readFileSync(CSL_FIXTURE, 'utf8'), asOf: today }) });
  expect(imported.map((l) => l.list)).toEqual(expect.arrayContaining(['us-denied-persons', 'us-ofac-sdn']));
});

afterAll(async () => {
  await s?.close();
  if (amendments) rmSync(amendments, { recursive: true, force: true });
});

const post = <T>(path: string, body: unknown) => s.api<T>(path, { method: 'POST', body: JSON.stringify(body) });
const auditRecord = (id: string) => s.api<{ request: unknown }>(`/v1/assessments/${id}`);

describe('data status', () => {
  test('lists each regime’s data vintage, each list with its entries and asOf (stale ones marked), and the amendments with their sha256', async () => {
    await s.open('#/data');
    await s.page.locator('table.data-lists tbody tr').first().waitFor();
    const status = await s.api<DataStatus>('/v1/data');
    const plugins = await s.page.locator('table.data-plugins tbody tr').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-plugin')} ${r.querySelector('.verified-through')!.textContent!.slice(0, 10)}`));
    expect(plugins).toEqual(status.plugins.map((p) => `${p.plugin} ${p.dataVerifiedThrough}`));
    const lists = await s.page.locator('table.data-lists tbody tr').evaluateAll((rs) => rs.map((r) => ({ id: r.getAttribute('data-list'), entries: Number(r.querySelector('.entries')!.textContent), asOf: r.querySelector('.as-of')!.textContent, stale: r.getAttribute('data-stale') === 'true' })));
    expect(lists).toEqual(status.lists.map((l) => ({ id: l.id, entries: l.entries, asOf: l.asOf, stale: l.stale })));
    // The imported CSL copy is dated by the file; the lists bundled with the plugins are older than the configured age.
    expect(lists.find((l) => l.id === 'us-denied-persons')!.asOf).toBe('2026-11-28');
    expect(lists.filter((l) => l.stale).length).toBeGreaterThan(0);
    expect(await s.page.locator('tr[data-stale="true"] .stale').first().textContent()).toContain(`more than ${status.listMaxAgeDays} days`);
    expect(status.amendments.length).toBe(1);
    const amendment = s.page.locator('table.data-amendments tr[data-amendment]');
    expect(await amendment.evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-amendment')} ${r.querySelector('code.hash')!.textContent}`))).toEqual(status.amendments.map((a) => `${a.id} ${a.sha256}`));
    expect(await amendment.locator('td').first().textContent()).toBe('@chokepoint/plugin-us-ear');
    // Names in Chinese and Japanese are marked with their language.
    expect(await s.page.locator('tr[data-list="cn-unreliable-entity-list"] span[lang="zh"]').textContent()).toBe('不可靠实体清单');
    expect(await s.page.locator('tr[data-list="jp-meti-end-user-list"] span[lang="ja"]').textContent()).toBe('外国ユーザーリスト');
    expect(await axeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'data');
  });

  test('an answer shows the data it rests on, and the stale-data warnings before the regimes', async () => {
    const request = { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2026-12-01' };
    await s.open(`#/assess?item=gallium%2Fmetal&from=CN&to=US&date=2026-12-01`);
    await s.page.locator('article.answer').waitFor();
    const answer = await post<AssessmentResponse>('/v1/assessments', request);
    const rows = await s.page.locator('table.data-used tbody tr').evaluateAll((rs) =>
      rs.map((r) => ({ plugin: r.getAttribute('data-plugin'), lists: r.getAttribute('data-lists'), amendments: [...r.querySelectorAll('li[data-amendment]')].map((a) => `${a.getAttribute('data-amendment')} ${a.querySelector('code.hash')!.textContent}`) })),
    );
    expect(rows).toEqual(answer.data.map((d) => ({ plugin: d.plugin, lists: d.lists.map((l) => `${l.id}@${l.asOf}`).join(' '), amendments: d.amendments.map((a) => `${a.id} ${a.sha256}`) })));
    expect(rows.find((r) => r.plugin === '@chokepoint/plugin-us-ear')!.amendments).toHaveLength(1);
    // The audit record keeps what the answer rested on, amendment hash included.
    const auditId = await s.page.locator('article.answer a[href^="#/audit"]').textContent();
    await s.open(`#/audit?id=${auditId}`);
    const amendment = answer.data.flatMap((d) => d.amendments)[0]!;
    await expect.poll(() => s.page.locator('.audit-data').textContent()).toContain(`amendment ${amendment.id} sha256 ${amendment.sha256}`);
    await s.open(`#/assess?item=gallium%2Fmetal&from=CN&to=US&date=2026-12-01`);
    await s.page.locator('article.answer').waitFor();
    const shown = await s.page.locator('.data-warnings li[data-code]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')).sort());
    const expected = answer.warnings.map((w) => w.code).filter((c) => DATA_WARNINGS.includes(c)).sort();
    expect(shown).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['stale_data', 'status_unverified']));
    // The warnings come before the first regime's findings.
    expect(await s.page.evaluate(() => !!(document.querySelector('.data-warnings')!.compareDocumentPosition(document.querySelector('.regime')!) & Node.DOCUMENT_POSITION_FOLLOWING))).toBe(true);
    expect(await axeViolations(s.page)).toEqual([]);
    await screenshot(s.page, 'assess-data');
  });

  test('every view carries the notice that answers are decision support, not legal advice', async () => {
    for (const view of ['assess', 'measures', 'changes', 'exposure', 'batch', 'portfolio', 'screen', 'audit', 'data']) {
      await s.open(`#/${view}`);
      await s.page.locator('main h1').waitFor();
      expect(await s.page.locator('footer').textContent(), view).toContain('Decision support, not legal advice');
    }
  });
});

describe('portfolio changes', () => {
  const csv = 'id,item.id,from,to\nga,gallium/metal,CN,US\nli,lithium/carbonate,CL,DE\nbad,gallium/metal,CN,USA\n';
  const ndjson = '{"id":"ga","item":{"id":"gallium/metal"},"from":"CN","to":"US"}\n{"id":"li","item":{"id":"lithium/carbonate"},"from":"CL","to":"DE"}\n{"id":"bad","item":{"id":"gallium/metal"},"from":"CN","to":"USA"}\n';

  test('uploads a CSV portfolio, shows per line the dates its answer changes, and downloads CSV and NDJSON', async () => {
    const { page } = s;
    await s.open('#/portfolio');
    // The file picker opened from the keyboard (Space on the focused file field).
    await page.getByLabel('Portfolio file (CSV or NDJSON)').focus();
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.keyboard.press('Space')]);
    await chooser.setFiles({ name: 'portfolio.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByLabel('Window from').focus();
    await page.keyboard.type('01012023');
    await page.getByLabel('Window to').focus();
    await page.keyboard.type('12312026');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#portfolio-status').textContent()).toContain('3 of 3 lines answered, 1 with errors. Done.');
    expect(page.url()).toContain('from=2023-01-01&to=2026-12-31');

    const res = await fetch(`${s.server.url}/v1/changes/portfolio?from=2023-01-01&to=2026-12-31`, { method: 'POST', headers: { authorization: `Bearer ${s.server.token}`, 'content-type': 'application/x-ndjson' }, body: ndjson });
    const expected = (await res.text()).trim().split('\n').map((l) => JSON.parse(l) as PortfolioLine);
    expect(expected[0]!.changes!.length).toBeGreaterThan(0);
    // Line 2 of the file is the first request: each change is a row with its date and regime.
    expect(await page.locator('tr[data-line="2"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-change')))).toEqual(expected[0]!.changes!.map((c) => `${c.date} ${c.jurisdiction}`));
    expect(await page.locator('tr[data-line="3"]').count()).toBe(Math.max(expected[1]!.changes!.length, 1));
    expect(await page.locator('tr[data-line="4"]').getAttribute('data-error')).toBe(expected[2]!.error!.code);
    const first = expected[0]!.changes![0]!;
    const cells = await page.locator('tr[data-line="2"]').first().locator('td').allTextContents();
    expect(cells.slice(3, 5)).toEqual([first.date, first.jurisdiction]);
    // A change after the regime's data was verified is marked so.
    const cn = (await s.api<{ jurisdiction: string; dataVerifiedThrough: string }[]>('/v1/plugins')).find((p) => p.jurisdiction === 'CN')!;
    expect(await page.locator('tr[data-line="2"]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-unverified')))).toEqual(expected[0]!.changes!.map((c) => (c.date > cn.dataVerifiedThrough ? cn.dataVerifiedThrough : null)));
    // By day: each change of the portfolio once per day and regime, with the lines it touches.
    expect(await page.locator('table.portfolio-days tbody tr').evaluateAll((rs) => rs.map((r) => `${r.getAttribute('data-day')} ${r.getAttribute('data-lines')}`))).toEqual(expected[0]!.changes!.map((c) => `${c.date} ${c.jurisdiction} 1`));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'portfolio');

    const [ndjsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download NDJSON' }).click()]);
    const lines = (await streamText(await ndjsonDownload.createReadStream())).trim().split('\n').map((l) => JSON.parse(l) as PortfolioLine);
    // The server numbers a bad line within what it was sent; the download names the file's line (the CSV header is line 1).
    expect(lines).toEqual([expected[0], expected[1], { ...expected[2], line: 4 }]);

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const rows = (await streamText(await csvDownload.createReadStream())).trim().split('\n');
    expect(rows[0]).toBe(PORTFOLIO_COLUMNS.join(','));
    const ga = rows.filter((r) => r.startsWith('ga,'));
    expect(ga).toHaveLength(expected[0]!.changes!.length);
    expect(ga.map((r) => r.split(',').at(-2))).toEqual(expected[0]!.changes!.map((c) => (c.date > cn.dataVerifiedThrough ? cn.dataVerifiedThrough : '')));
    expect(ga[0]!.split(',').slice(0, 9)).toEqual(['ga', '2', '2023-01-01', expected[0]!.on!, first.date, first.jurisdiction, first.before.verdict, first.before.licensePolicy ?? '', first.after.verdict]);
    expect(rows.at(-1)).toMatch(/^bad,4,.*invalid_request/);
  });

  test('sends a large portfolio in slices and shows progress as the answers stream back', async () => {
    const { page } = s;
    const n = 2500;
    const body = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `l${i + 1}`, item: { id: i % 2 ? 'antimony/metal' : 'gallium/metal' }, from: 'CN', to: i % 3 ? 'US' : 'DE' })).join('\n');
    await s.open('#/portfolio?from=2024-01-01&to=2026-12-31');
    // Record every progress text the page shows, and every POST it makes.
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { progress: string[] }).progress = []);
      new MutationObserver(() => {
        const t = document.getElementById('portfolio-status')?.textContent;
        if (t && seen.at(-1) !== t) seen.push(t);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    let posts = 0;
    page.on('request', (r) => r.url().includes('/v1/changes/portfolio') && r.method() === 'POST' && posts++);
    await page.getByLabel('Portfolio file (CSV or NDJSON)').setInputFiles({ name: 'large.ndjson', mimeType: 'application/x-ndjson', buffer: Buffer.from(body) });
    await page.getByRole('button', { name: 'Find changes' }).click();
    await expect.poll(() => page.locator('#portfolio-status').textContent(), { timeout: 60_000 }).toBe(`${n} of ${n} lines answered. Done.`);
    expect(posts).toBe(3);
    const progress = await page.evaluate(() => (window as unknown as { progress: string[] }).progress);
    const answered = progress.map((t) => Number(/^(\d+) of/.exec(t)?.[1])).filter((a) => a > 0 && a < n);
    // Answers were shown while later lines were still being read and sent.
    expect(answered.length).toBeGreaterThan(0);
    expect(await page.locator('table.portfolio caption').textContent()).toContain('500 rows at most');
    expect(await page.locator('table.portfolio tbody tr').count()).toBeLessThanOrEqual(500);
  }, 120_000);
});

describe('the assess form', () => {
  test('assesses by a regime’s own control code typed in the item box (Japan’s 2(24))', async () => {
    const { page } = s;
    await s.open('#/assess?from=JP&to=CN&date=2026-06-01');
    await page.getByLabel('Item').focus();
    await page.keyboard.type('2(24)');
    await chooseOption(page, /use as Japan control code/);
    const id = await nextAnswer(page, () => page.getByRole('button', { name: 'Assess', exact: true }).press('Enter'));
    expect(page.url()).toMatch(/codes\.JP=2%2824%29/);
    const request = { item: { codes: { JP: '2(24)' } }, from: 'JP', to: 'CN', date: '2026-06-01' };
    expect((await auditRecord(id)).request).toEqual(request);
    const answer = await post<AssessmentResponse>('/v1/assessments', request);
    const jp = answer.jurisdictions.find((j) => j.jurisdiction === 'JP')!;
    expect(jp.findings.some((f) => f.entry?.code === '2(24)')).toBe(true);
    expect(await page.locator('.regime[data-jurisdiction="JP"]').getAttribute('data-verdict')).toBe(jp.verdict);
    expect(await page.locator('.regime[data-jurisdiction="JP"] tr[data-measure]').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-measure')).sort())).toEqual(jp.findings.map((f) => f.measure.id).sort());
  });

  test('offers the parameters the item’s entries turn on, and sends what is typed in them', async () => {
    const { page } = s;
    await s.open('#/assess?item=graphite%2Fartificial&label=Artificial%20graphite&from=JP&to=CN&date=2026-06-01');
    await page.locator('#suggested-parameters').waitFor();
    const compare = await s.api<Comparison>('/v1/compare?id=graphite/artificial&date=2026-06-01');
    const names = [...new Set(compare.regimes.flatMap((r) => r.entries.flatMap((e) => (e.parameters ?? []).map((p) => p.name))))];
    expect(names).toEqual(expect.arrayContaining(['massKg', 'boronEquivalentPpm', 'densityGPerCm3', 'purity']));
    await expect.poll(() => page.locator('#suggested-parameters [data-parameter]').evaluateAll((ds) => ds.map((d) => d.getAttribute('data-parameter')))).toEqual(names);
    // Each field says which entry turns on it and the plugin's question.
    expect(await page.locator('#param-boronEquivalentPpm-hint').textContent()).toContain('JP 2(4)');
    await page.getByLabel('massKg', { exact: true }).focus();
    await page.keyboard.type('2');
    await page.getByLabel('boronEquivalentPpm', { exact: true }).focus();
    await page.keyboard.type('1');
    await page.getByLabel('densityGPerCm3', { exact: true }).focus();
    await page.keyboard.type('1.8');
    const id = await nextAnswer(page, () => page.keyboard.press('Enter'));
    expect(page.url()).toMatch(/param\.massKg=2/);
    const request = { item: { id: 'graphite/artificial', parameters: { massKg: 2, boronEquivalentPpm: 1, densityGPerCm3: 1.8 } }, from: 'JP', to: 'CN', date: '2026-06-01' };
    expect((await auditRecord(id)).request).toEqual(request);
    const answer = await post<AssessmentResponse>('/v1/assessments', request);
    expect(await page.locator('article.answer').getAttribute('data-verdict')).toBe(answer.verdict);
    expect(answer.questions.map((q) => q.parameter)).not.toContain('massKg');
    expect(await page.locator('form.questions [for="q-massKg"]').count()).toBe(0);
    // Japanese quoted in a Japanese finding's reason (where the data quotes it) is marked as Japanese.
    const quoted = answer.jurisdictions.find((j) => j.jurisdiction === 'JP')!.findings.filter((f) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(f.reason)).length;
    expect(await page.locator('.regime[data-jurisdiction="JP"] td span[lang="ja"]').count()).toBeGreaterThanOrEqual(quoted);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-parameters');
  });

  test('names other parties and the end user’s owners, and sends them as the contract’s request', async () => {
    const { page } = s;
    await s.open('#/assess?item=gallium%2Fmetal&label=Gallium%20metal&from=CN&to=US&date=2025-01-15');
    await page.getByLabel('End user name').fill('Acme Trading');
    await page.getByRole('button', { name: 'Add a party' }).focus();
    await page.keyboard.press('Enter');
    // The new row's first field takes the focus.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('party-role-0');
    await page.keyboard.type('intermediate');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Skydio Inc.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('United States');
    await page.getByRole('button', { name: 'Add an owner' }).press('Enter');
    await page.getByLabel('Owner 1 name').fill('Huawei Technologies Co., Ltd.');
    await page.getByLabel('Owner 1 country').selectOption('CN');
    await page.getByLabel('Owner 1 share (0–1)').fill('0.6');
    await page.getByLabel(/These are all the owners/).check();
    const id = await nextAnswer(page, () => page.getByRole('button', { name: 'Assess', exact: true }).click());
    expect(page.url()).toMatch(/party\.0\.name=Skydio/);
    const request = {
      item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15',
      endUser: { name: 'Acme Trading', owners: [{ name: 'Huawei Technologies Co., Ltd.', country: 'CN', share: 0.6 }], ownersComplete: true },
      parties: [{ role: 'intermediate_consignee', name: 'Skydio Inc.', country: 'US' }],
    };
    expect((await auditRecord(id)).request).toEqual(request);
    const answer = await post<AssessmentResponse>('/v1/assessments', request);
    expect(await page.locator('article.answer').getAttribute('data-verdict')).toBe(answer.verdict);
    expect(await page.locator('.warnings li[data-code]').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')).sort())).toEqual(answer.warnings.map((w) => w.code).sort());
    // The parties were screened against lists older than the configured age: that warning comes first.
    expect(answer.warnings.some((w) => w.code === 'stale_list')).toBe(true);
    expect(await page.locator('.data-warnings li[data-code="stale_list"]').count()).toBe(answer.warnings.filter((w) => w.code === 'stale_list').length);
    // The URL holds the parties and owners: reopened, the form has them.
    await page.reload();
    await page.locator('article.answer').waitFor();
    expect([await page.getByLabel('Party 1 name').inputValue(), await page.getByLabel('Owner 1 share (0–1)').inputValue(), await page.getByLabel(/These are all the owners/).isChecked()]).toEqual(['Skydio Inc.', '0.6', true]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-parties');
  });
});

describe('questions answered in the form', () => {
  test('a question about the end user’s owners leads to the owners fields; given, the question goes', async () => {
    const { page } = s;
    // After the affiliates rule's stay (extended to 2027-01-10 by this server's amendment), the EAR asks who owns the end user.
    await s.open('#/assess?eccn=1C226&from=US&to=CN&date=2027-02-01&endUser.name=Acme%20Trading&endUser.country=CN');
    const question = page.locator('form.questions [data-parameter="endUser.owners"]');
    await question.waitFor();
    await question.getByRole('button').press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('owners');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('owner-name-0');
    await page.keyboard.type('Lee Holdings');
    await page.keyboard.press('Tab');
    await page.keyboard.type('China');
    await page.keyboard.press('Tab');
    await page.keyboard.type('0.3');
    await page.getByLabel(/These are all the owners/).check();
    const id = await nextAnswer(page, () => page.getByRole('button', { name: 'Assess', exact: true }).click());
    expect(page.url()).toMatch(/owner\.0\.share=0\.3/);
    const request = { item: { eccn: '1C226' }, from: 'US', to: 'CN', date: '2027-02-01', endUser: { name: 'Acme Trading', country: 'CN', owners: [{ name: 'Lee Holdings', country: 'CN', share: 0.3 }], ownersComplete: true } };
    expect((await auditRecord(id)).request).toEqual(request);
    const answer = await post<AssessmentResponse>('/v1/assessments', request);
    expect(answer.questions.map((q) => q.parameter)).not.toContain('endUser.owners');
    expect(await page.locator('form.questions [data-parameter="endUser.owners"]').count()).toBe(0);
    expect(await page.locator('article.answer').getAttribute('data-verdict')).toBe(answer.verdict);
  });
});

describe('screening', () => {
  test.each([
    ['Petrov Ivan Sergeyevich', 'us-denied-persons'],
    ['Skydio Inc.', 'cn-unreliable-entity-list'],
    ['Korea Mining Development Trading Corporation', 'jp-meti-end-user-list'],
  ])('screens %s and shows the %s hit with its consequence, explanation and the list’s asOf', async (name, list) => {
    const { page } = s;
    await s.open('#/screen');
    await page.getByLabel('Party name').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    const article = page.locator('article[aria-labelledby="screen-answer"]');
    await article.waitFor();
    const expected = await post<ScreeningResponse>('/v1/screenings', { name });
    expect(expected.matches.map((m) => m.list)).toContain(list);
    const shown = await article.locator('ol.matches > li').evaluateAll((ls) =>
      ls.map((l) => ({ list: l.getAttribute('data-list'), consequence: l.getAttribute('data-consequence'), explanation: l.querySelector('.explanation')!.textContent, asOf: l.querySelector('.list-as-of')?.textContent, meaning: l.querySelector('.meaning')?.textContent })),
    );
    expect(shown).toHaveLength(expected.matches.length);
    expected.matches.forEach((m, i) => {
      expect(shown[i]!.list).toBe(m.list);
      expect(shown[i]!.consequence).toBe(m.consequence);
      expect(shown[i]!.explanation).toContain(m.explanation);
      const screened = expected.lists.find((l) => l.id === m.list)!;
      expect(shown[i]!.asOf).toContain(screened.asOf);
      // What a hit on that list means, as the list's binding says it.
      expect(shown[i]!.meaning).toBe(screened.consequence.summary);
    });
    expect(await article.locator('table.screened-lists tbody tr').count()).toBe(expected.lists.length);
    if (list === 'jp-meti-end-user-list') {
      expect(await article.locator(`li[data-list="${list}"] span[lang="ja"]`).first().textContent()).toBe('外国ユーザーリスト');
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, 'screen-lists');
    }
  });

  test('screens against the lists ticked only', async () => {
    const { page } = s;
    await s.open('#/screen');
    const status = await s.api<DataStatus>('/v1/data');
    await page.locator('fieldset.lists input[type="checkbox"]').first().waitFor();
    expect(await page.locator('fieldset.lists input[type="checkbox"]').count()).toBe(status.lists.length);
    await page.getByLabel('Party name').fill('Huawei Technologies Co., Ltd.');
    await page.locator('fieldset.lists input[value="us-entity-list"]').check();
    await page.getByRole('button', { name: 'Screen' }).click();
    await page.waitForURL(/list=us-entity-list/);
    const article = page.locator('article[aria-labelledby="screen-answer"]');
    await article.waitFor();
    expect(new Set(await article.locator('ol.matches > li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-list'))))).toEqual(new Set(['us-entity-list']));
    expect(await article.locator('table.screened-lists tbody tr').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-list')))).toEqual(['us-entity-list']);
    // The answer's warnings on the lists searched are shown, and name only the list ticked.
    const expected = await post<ScreeningResponse>('/v1/screenings', { name: 'Huawei Technologies Co., Ltd.', lists: ['us-entity-list'] });
    const warned = article.locator('section.answer-warnings li');
    expect(await warned.evaluateAll((ls) => ls.map((l) => l.getAttribute('data-code')))).toEqual((expected.warnings ?? []).map((w) => w.code));
    if (expected.warnings?.length) expect(await warned.first().textContent()).toContain('us-entity-list');
  });
});
