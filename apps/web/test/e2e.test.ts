import type { AssessmentResponse } from '@chokepoint/core';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { axeViolations, chooseOption, cliBatchCsv, cliJson, launchBrowser, nextAnswer, screenshot, startServer, streamText } from './support.js';

// The web application in Debian's Chromium against the built server, with API keys configured.
let server: Awaited<ReturnType<typeof startServer>>;
let chromium: Awaited<ReturnType<typeof launchBrowser>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let auditId: string | undefined;

const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
  const res = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
  return (await res.json()) as T;
};

/** Opens a view by its URL, with the key already entered for this tab. */
async function open(hash: string): Promise<void> {
  await page.goto(`${server.url}/${hash}`);
}

/** Screens a name in the screening view; resolves with its answer once shown. */
async function screenName(name: string): Promise<Locator> {
  await open('#/screen');
  await page.getByLabel('Party name').fill(name);
  await page.getByRole('button', { name: 'Screen' }).click();
  const answer = page.locator('article[aria-labelledby="screen-answer"]');
  await answer.waitFor();
  return answer;
}

beforeAll(async () => {
  [server, chromium] = await Promise.all([startServer(), launchBrowser()]);
  browser = chromium.browser;
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
});

afterAll(async () => {
  await chromium?.close();
  await server?.stop();
});

describe('the web application', () => {
  test('asks for the API key when the server needs one, and works once it is given', async () => {
    await open('');
    const alert = page.getByRole('alert').filter({ hasText: 'needs an API key' });
    await alert.waitFor();
    await page.getByLabel('API key').fill(server.token);
    await page.getByRole('button', { name: 'Use key' }).click();
    await expect.poll(() => page.locator('#from option').count()).toBeGreaterThan(200);
    expect(await alert.count()).toBe(0);
  });

  test('assesses a transfer with the keyboard alone, then answers its question and assesses again', async () => {
    await open('#/assess');
    await page.getByLabel('Item').focus();
    await page.keyboard.type('gallium metal');
    // Arrow down to the taxonomy node and pick it with Enter.
    await chooseOption(page, /Gallium metal.*gallium\/metal/);
    await expect.poll(() => page.getByLabel('Item').inputValue()).toBe('Gallium metal');
    // Tab through the fields; a closed select picks an option by typing its name.
    const focused = () => page.evaluate(() => document.activeElement?.id);
    // Past the disclosure of more identifiers to From.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SUMMARY');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('from');
    // Options begin with the name people use: typing "China" picks China, not Chile; "United States" the United
    // States, not its Minor Outlying Islands (web review finding 1).
    await page.keyboard.type('China');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('to');
    await page.keyboard.type('United States');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('date');
    expect([await page.getByLabel('From').inputValue(), await page.getByLabel('To', { exact: true }).inputValue()]).toEqual(['CN', 'US']);
    await page.keyboard.type('01152025');
    expect(await page.getByLabel('Date').inputValue()).toBe('2025-01-15');
    await page.keyboard.press('Enter');

    const answer = page.locator('article.answer');
    await answer.waitFor();
    expect(page.url()).toContain('item=gallium%2Fmetal');
    expect(await answer.getAttribute('data-verdict')).toBe('license_required');
    await expect.poll(() => page.locator('h2.overall').textContent()).toBe('Overall: Licence required (presumption of denial)');
    expect(await page.locator('.regime[data-jurisdiction="CN"] .policy').textContent()).toBe('presumption of denial');
    // The answer says which route it is for, beside the verdict, and which regimes do not reach it.
    await expect.poll(() => answer.locator('.route').textContent()).toMatch(/goods from China \(CN\) to United States \(US\)/);
    expect(await answer.locator('p').first().textContent()).toMatch(/reach the transfer: CN licence required \(presumption of denial\)\. US, EU, JP do not reach it\./);
    // In force and not in force are shown apart.
    expect(await page.locator('table.findings caption').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('findings in force'), expect.stringContaining('not in force')]));
    expect(await page.locator('tr[data-measure="cn-mofcom-2023-23"]').getAttribute('data-status')).toBe('repealed');
    expect(await page.getByText('Decision support, not legal advice.').count()).toBeGreaterThan(0);
    const rendered = await page.evaluate(() => performance.measure('render', 'answer-received', 'answer-rendered').duration);
    expect(rendered).toBeLessThan(100);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess');

    // The answer asks about the end use; answering it asks the server again.
    const question = page.locator('form.questions select').first();
    await question.selectOption('military');
    auditId = await nextAnswer(page, () => page.getByRole('button', { name: 'Answer and assess again' }).click());
    expect(page.url()).toMatch(/endUse=military/);
    expect(await page.locator('article.answer').getAttribute('data-verdict')).not.toBe('license_required');
    await screenshot(page, 'assess-answered');
  });

  test('answers a regime\'s question on which listed entry the item is with the entry\'s code, and assesses again', async () => {
    await open('#/assess?item=magnets%2Fndfeb&from=CN&to=DE&date=2026-12-07');
    const answer = page.locator('article.answer');
    await answer.waitFor();
    expect(await answer.getAttribute('data-verdict')).toBe('needs_information');
    const entry = page.locator('form.questions select#q-item-CN');
    expect(await entry.locator('option').allTextContents()).toEqual(expect.arrayContaining([expect.stringMatching(/^1C904\.a Terbium metal/)]));
    await entry.selectOption('1C904.a');
    await nextAnswer(page, () => page.getByRole('button', { name: 'Answer and assess again' }).click());
    expect(page.url()).toMatch(/cnControlCode=1C904\.a/);
    expect(page.url()).not.toMatch(/param\.item/);
    expect(await page.locator('article.answer').getAttribute('data-verdict')).toBe('license_required');
  });

  test('answers an identifier question by replacing the identifier the item box holds', async () => {
    await open('#/assess?eccn=3A001&from=US&to=CN&date=2025-06-01');
    await page.locator('article.answer').waitFor();
    const eccn = page.locator('form.questions input#q-item-eccn');
    await eccn.fill('3A001.b.2');
    await nextAnswer(page, () => page.getByRole('button', { name: 'Answer and assess again' }).click());
    expect(page.url()).toMatch(/eccn=3A001\.b\.2/);
  });

  test('shows the same facts as the CLI for the same request', async () => {
    await open('#/assess?item=gallium%2Fmetal&from=CN&to=US&date=2025-01-15&endUse=military');
    await page.locator('article.answer').waitFor();
    const cli = (await cliJson(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--date', '2025-01-15', '--end-use', 'military'])) as AssessmentResponse;
    const facts = await page.evaluate(() => ({
      verdict: document.querySelector('article.answer')!.getAttribute('data-verdict'),
      regimes: [...document.querySelectorAll('.regime')].map((r) => ({
        jurisdiction: r.getAttribute('data-jurisdiction'),
        verdict: r.getAttribute('data-verdict'),
        findings: [...r.querySelectorAll('tr[data-measure]')].map((t) => `${t.getAttribute('data-measure')} ${t.getAttribute('data-status')}`).sort(),
      })),
      warnings: [...document.querySelectorAll('.warnings li')].map((l) => l.getAttribute('data-code')).sort(),
      questions: document.querySelectorAll('form.questions .field').length,
      data: [...document.querySelectorAll('tr[data-plugin]')].map((l) => `${l.getAttribute('data-plugin')} ${l.getAttribute('data-lists')}`),
    }));
    expect(facts).toEqual({
      verdict: cli.verdict,
      regimes: cli.jurisdictions.map((j) => ({ jurisdiction: j.jurisdiction, verdict: j.verdict, findings: j.findings.map((f) => `${f.measure.id} ${f.status}`).sort() })),
      warnings: cli.warnings.map((w) => w.code).sort(),
      questions: new Set(cli.questions.map((q) => q.parameter)).size,
      data: (cli as unknown as { data: { plugin: string; lists?: { id: string; asOf: string }[] }[] }).data.map((d) => `${d.plugin} ${(d.lists ?? []).map((l) => `${l.id}@${l.asOf}`).join(' ')}`),
    });
  });

  test('shows an API error as a readable message naming the field', async () => {
    await open('#/assess?hs=12&from=CN&to=US&date=2025-01-15');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('HTTP 400');
    expect(text).toContain('item.hs');
    // Each field's error once (web review finding 10: the detail repeated the list).
    const hsError = await alert.locator('li').first().textContent();
    expect(text!.split(hsError!.replace(/^item\.hs: /, '')).length - 1).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'assess-error');
  });

  test('browses measures with their status on a date and a timeline, and opens one', async () => {
    await open('#/measures?jurisdiction=CN&asOf=2025-06-01');
    await page.locator('table.measures tbody tr').first().waitFor();
    const measures = await api<{ id: string; status: string }[]>('/v1/measures?jurisdiction=CN&asOf=2025-06-01');
    expect(await page.locator('table.measures tbody tr').count()).toBe(measures.length);
    const row = page.locator('tr[data-measure="cn-mofcom-2023-23"]');
    expect(await row.locator('td.status').textContent()).toBe('repealed');
    expect(await row.locator('svg rect').evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).toEqual(['not_yet_in_force', 'in_force', 'repealed']);
    expect(await page.locator('svg.timeline rect[data-status="suspended"]').count()).toBeGreaterThan(0);
    await row.getByRole('link').click();
    const detail = page.locator('article.measure');
    await detail.waitFor();
    expect(await detail.locator('h2').textContent()).toContain('Announcement No. 23 of 2023');
    expect(await detail.getByRole('link', { name: 'Official text' }).getAttribute('href')).toMatch(/^https:\/\/www\.mofcom\.gov\.cn\//);
    // The measure's own list entries are listed, one item each, as the API gives them.
    const one = await api<{ entryList: { code?: string }[] }>('/v1/measures/cn-mofcom-2023-23');
    expect(one.entryList.length).toBeGreaterThan(0);
    expect(await detail.locator('h3:text("Entries") + ul > li').count()).toBe(one.entryList.length);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'measures');
  });

  test('keeps the measures form in step with the table after Back (web review finding 11)', async () => {
    await open('#/measures?jurisdiction=CN&asOf=2025-06-01');
    await page.locator('table.measures caption').filter({ hasText: 'of CN, status on 2025-06-01' }).waitFor();
    await page.getByLabel('Jurisdiction').selectOption('US');
    await page.getByLabel('Status on').fill('2024-01-01');
    await page.getByRole('button', { name: 'Show measures' }).click();
    await page.locator('table.measures caption').filter({ hasText: 'of US, status on 2024-01-01' }).waitFor();
    await page.goBack();
    await page.locator('table.measures caption').filter({ hasText: 'of CN, status on 2025-06-01' }).waitFor();
    await expect.poll(() => page.getByLabel('Jurisdiction').inputValue()).toBe('CN');
    expect(await page.getByLabel('Status on').inputValue()).toBe('2025-06-01');
  });

  test('reads the change feed for a window, filtered by jurisdiction', async () => {
    await open('#/changes?from=2025-01-01&to=2025-06-30&jurisdiction=CN');
    await page.locator('table.changes tbody tr').first().waitFor();
    const changes = await api<unknown[]>('/v1/changes?from=2025-01-01&to=2025-06-30&jurisdiction=CN');
    const rows = page.locator('table.changes tbody tr');
    expect(await rows.count()).toBe(changes.length);
    expect(new Set(await rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-jurisdiction'))))).toEqual(new Set(['CN']));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'changes');
  });

  test('marks a status or a change dated after the regime\'s data was verified as not verified (web review finding 4)', async () => {
    const through = (await api<{ jurisdiction: string; dataVerifiedThrough: string }[]>('/v1/plugins')).find((p) => p.jurisdiction === 'CN')!.dataVerifiedThrough;
    const asOf = '2026-12-07';
    const measures = await api<{ id: string; statusTimeline: { from: string | null; to: string | null }[] }[]>(`/v1/measures?jurisdiction=CN&asOf=${asOf}`);
    const began = (m: (typeof measures)[number]) => m.statusTimeline.find((i) => (i.from === null || i.from <= asOf) && (i.to === null || asOf <= i.to))?.from ?? null;
    const late = measures.filter((m) => (began(m) ?? '') > through);
    const settled = measures.filter((m) => !late.includes(m));
    expect(late.length).toBeGreaterThan(0);
    await open(`#/measures?jurisdiction=CN&asOf=${asOf}`);
    await page.locator('table.measures tbody tr').first().waitFor();
    await expect.poll(() => page.locator('table.measures td.status .unverified').count()).toBe(late.length);
    expect(await page.locator(`tr[data-measure="${late[0]!.id}"] .unverified`).getAttribute('data-unverified')).toBe(began(late[0]!));
    expect(await page.locator(`tr[data-measure="${settled[0]!.id}"] .unverified`).count()).toBe(0);

    await open(`#/changes?from=2026-01-01&to=${asOf}&jurisdiction=CN`);
    await page.locator('table.changes tbody tr').first().waitFor();
    const changes = await api<{ date: string }[]>(`/v1/changes?from=2026-01-01&to=${asOf}&jurisdiction=CN`);
    expect(changes.some((c) => c.date > through) && changes.some((c) => c.date <= through)).toBe(true);
    await expect.poll(() => page.locator('table.changes .unverified').count()).toBe(changes.filter((c) => c.date > through).length);
  });

  test('shows each entry\'s own suspension and status on the date on a measure\'s page (No. 46 of 2024, clause 2; web review finding 5)', async () => {
    await open('#/measures?jurisdiction=CN&asOf=2026-01-15&id=cn-mofcom-2024-46');
    const detail = page.locator('article.measure');
    await detail.waitFor();
    const entries = await api<{ id: string; suspensions?: unknown[] }[]>('/v1/measures/cn-mofcom-2024-46').then((m) => (m as unknown as { entryList: { id: string; suspensions?: unknown[] }[] }).entryList);
    const suspended = entries.filter((e) => e.suspensions?.length).length;
    expect(suspended).toBeGreaterThan(0);
    await expect.poll(() => detail.locator('li[data-status="suspended"]').count()).toBe(suspended);
    expect(await detail.locator('li[data-entry="cn-2024-46-cl1-us-military"]').getAttribute('data-status')).toBeNull();
    expect(await detail.locator('li[data-status="suspended"]').first().textContent()).toMatch(/suspended on 2026-01-15.*suspended 2025-11-09 – 2026-11-27 by .*No\. 72 of 2025/);
  });

  test('plans an exposure and draws the chain with chokepoints first', async () => {
    await open('#/exposure');
    await page.getByLabel('Site').selectOption('US');
    await page.getByLabel('Date').fill('2025-06-01');
    await page.getByLabel('Value chain').selectOption('ndfeb-magnet-motors');
    await page.getByLabel('Magnet manufacturing', { exact: false }).first().check();
    await page.getByRole('button', { name: 'Plan' }).click();
    const picture = page.locator('svg.chain');
    await picture.waitFor();
    const expected = await api<{ inputs: unknown[]; chokepoints: unknown[]; notAssessed: unknown[] }>('/v1/exposure', { method: 'POST', body: JSON.stringify({ site: 'US', date: '2025-06-01', chain: 'ndfeb-magnet-motors', stages: ['magnet-manufacturing'] }) });
    const drawn = await picture.locator('g.input').evaluateAll((gs) => gs.map((g) => ({ chokepoint: g.getAttribute('data-chokepoint'), verdict: g.getAttribute('data-verdict') })));
    // Every input, those whose origin nothing names too, drawn last as not assessed (web review finding 7).
    expect(expected.notAssessed.length).toBeGreaterThan(0);
    expect(drawn).toHaveLength(expected.inputs.length + expected.notAssessed.length);
    expect(drawn.slice(-expected.notAssessed.length).every((d) => d.verdict === 'not_assessed')).toBe(true);
    // Among the chokepoints, the most severe first.
    const order = ['prohibited', 'license_required', 'needs_information', 'authorization_available', 'no_license_required', 'not_controlled'];
    const chokepointRanks = drawn.filter((d) => d.chokepoint === 'true').map((d) => order.indexOf(d.verdict!));
    expect(chokepointRanks).toEqual([...chokepointRanks].sort((x, y) => x - y));
    expect(drawn.filter((d) => d.chokepoint === 'true')).toHaveLength(expected.chokepoints.length);
    // Chokepoints come first.
    // (findIndex is -1 when every input is a chokepoint: then nothing follows them.)
    const firstOther = drawn.findIndex((d) => d.chokepoint !== 'true');
    const afterChokepoints = firstOther === -1 ? [] : drawn.slice(firstOther);
    expect(afterChokepoints.every((d) => d.chokepoint !== 'true')).toBe(true);
    expect(await page.locator('ol.chokepoints li').count()).toBe(expected.chokepoints.length);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'exposure');
  });

  test('runs a CSV batch with progress and downloads the answers as CSV and NDJSON', async () => {
    await open('#/batch');
    const csv = 'id,item.id,from,to,date,param.purity\nga,gallium/metal,CN,US,2025-01-15,\nli,lithium/carbonate,CL,DE,2025-01-15,\nbad,gallium/metal,CN,USA,2025-01-15,\n';
    await page.getByLabel('Batch file (CSV or NDJSON)').setInputFiles({ name: 'lines.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect.poll(() => page.locator('#batch-status').textContent()).toContain('3 of 3 lines answered, 1 with errors. Done.');
    expect(await page.locator('#batch-progress').getAttribute('value')).toBe('3');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'batch');

    const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
    const csvText = await streamText(await csvDownload.createReadStream());
    const rows = csvText.trim().split(/\r?\n/);
    expect(rows[0]).toMatch(/^id,line,verdict,CN\.verdict,CN\.licensePolicy,/);
    expect(rows.slice(1).map((r) => r.split(',')[0])).toEqual(['ga', 'li', 'bad']);
    expect(rows[1]).toContain('license_required');
    // The same file through the CLI gives the same CSV, byte for byte (it exits 1: one line failed).
    expect(await cliBatchCsv('lines.csv', csv)).toEqual({ code: 1, csv: csvText });

    const [ndjsonDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download NDJSON' }).click()]);
    const lines = (await streamText(await ndjsonDownload.createReadStream())).trim().split('\n').map((l) => JSON.parse(l) as { id?: string; verdict?: string; error?: unknown });
    expect(lines.map((l) => l.id)).toEqual(['ga', 'li', 'bad']);
    expect(lines[0]!.verdict).toBe('license_required');
    expect(lines[2]!.error).toBeDefined();
  });

  test('screens a party against the loaded lists', async () => {
    const answer = await screenName('Huawei Technologies Co., Ltd.');
    const expected = await api<{ matches: { list: string }[] }>('/v1/screenings', { method: 'POST', body: JSON.stringify({ name: 'Huawei Technologies Co., Ltd.' }) });
    expect(expected.matches.length).toBeGreaterThan(0);
    expect(await answer.locator('ol.matches li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-list')))).toEqual(expected.matches.map((m) => m.list));
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'screen');
  });

  test('a first word given alone has no match, and the closest names show below the threshold as not matches', async () => {
    const answer = await screenName('Hytera');
    expect(await answer.locator('h2').textContent()).toMatch(/^0 matches for/);
    const expected = await api<{ nearMatches?: { list: string }[] }>('/v1/screenings', { method: 'POST', body: JSON.stringify({ name: 'Hytera' }) });
    expect(expected.nearMatches?.length).toBeGreaterThan(0);
    const near = answer.locator('section.near-matches');
    expect(await near.locator('h3').textContent()).toMatch(/not matches/);
    expect(await near.locator('li').evaluateAll((ls) => ls.map((l) => l.getAttribute('data-list')))).toEqual(expected.nearMatches!.map((m) => m.list));
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a listed brand given alone matches the party it stands for first, each match saying why', async () => {
    const answer = await screenName('Huawei');
    const expected = await api<{ matches: { entry: { name: string } }[] }>('/v1/screenings', { method: 'POST', body: JSON.stringify({ name: 'Huawei' }) });
    expect(await answer.locator('h2').textContent()).toMatch(new RegExp(`^${expected.matches.length} matches for`));
    const note = answer.locator('p.brand-note[data-brand="Huawei"]');
    expect(await note.textContent()).toMatch(new RegExp(`^“Huawei” carries “Huawei”, a brand of Huawei Technologies Co\\., Ltd\\. on the Entity List .*: ${expected.matches.length} listed entries carry it, each\\s+shown below at 0\\.90\\.`));
    const first = answer.locator('ol.matches > li').first();
    expect(await first.locator('strong').first().textContent()).toBe('Huawei Technologies Co., Ltd.');
    expect(await first.locator('dd.explanation').textContent()).toMatch(/“Huawei”: the name carries "Huawei", a brand of the listed Huawei Technologies Co\., Ltd\./);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('an address given is compared with the listed addresses (Henixio Aviation, Unverified List)', async () => {
    await open('#/screen');
    await page.getByLabel('Party name').fill('Henixio Aviation');
    await page.getByLabel(/^Address/).fill('Unit 1507E, 15/F, Eastcore, 398 Kwun Tong Road, Kowloon, Hong Kong');
    await page.getByRole('button', { name: 'Screen' }).click();
    const answer = page.locator('article[aria-labelledby="screen-answer"]');
    await answer.waitFor();
    const shown = answer.locator('ol.matches li[data-list="us-unverified-list"] dd.address-comparison').first();
    expect(await shown.textContent()).toMatch(/^shares 1507e, 15, eastcore, 398, kwun, tong, kowloon, hong, kong with “Unit 1507E/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('a listing due to expire after the list copy was taken shows its warning (PJSC Aeroflot, Denied Persons List copy of 2026-07-09)', async () => {
    const answer = await screenName('PJSC Aeroflot');
    const warning = answer.locator('ol.matches li[data-list="us-denied-persons"] li[data-code="listing_expiry_unverified"]').first();
    expect(await warning.textContent()).toMatch(/was due to expire on 2026-09-16, after this copy of the list \(dated 2026-07-09\) was taken/);
    expect(await axeViolations(page)).toEqual([]);
  });

  test('looks up an audit record by its ID', async () => {
    expect(auditId).toMatch(/^[0-9a-f-]{36}$/);
    await open(`#/audit?id=${auditId}`);
    const record = page.locator('article[aria-labelledby="audit-record"]');
    await record.waitFor();
    expect(await record.textContent()).toContain(auditId);
    const stored = await api<{ hash: string }>(`/v1/assessments/${auditId}`);
    expect(await record.locator('code').first().textContent()).toBe(stored.hash);
    expect(await page.getByRole('status').textContent()).toContain('Hash verified');
    // What was asked and answered, in words (web review finding 6): the record is the keyboard test's military answer.
    const asked = record.locator('section.audit-asked');
    expect(await asked.locator('p').first().textContent()).toMatch(/taxonomy ID gallium\/metal \(read as gallium\/metal\): goods from CN to US on 2025-01-15, military end use/);
    expect(await asked.locator('li[data-jurisdiction="CN"]').textContent()).toMatch(/^CN: prohibited.*resting on .*Announcement No\. 46 of 2024/);
    expect(await asked.locator('li[data-jurisdiction="US"]').textContent()).toBe('US: does not reach the transfer');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'audit');
    // Opened in Assess, the same request is asked again.
    await nextAnswer(page, () => asked.getByRole('link', { name: 'Open this request in Assess' }).click());
    expect(page.url()).toMatch(/item=gallium%2Fmetal.*from=CN&to=US&date=2025-01-15&endUse=military/);
  });
});

