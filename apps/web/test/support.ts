import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

const root = new URL('../../../', import.meta.url).pathname;
export const SERVER_DIST = join(root, 'apps/server/dist');
export const CLI_BIN = join(root, 'packages/cli/dist/bin.js');
export const WEB_DIST = new URL('../dist/', import.meta.url).pathname;
export const OUTPUT = new URL('../test-output/', import.meta.url).pathname;
const run = promisify(execFile);

/** Debian's Chromium, as .ci/run installs it; CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A built server in a child process on a free port, with its own SQLite file and one admin key. */
export async function startServer(extraEnv: Record<string, string> = {}): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-web-e2e-'));
  const env = { ...process.env, CHOKEPOINT_SQLITE_PATH: join(dir, 'chokepoint.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...extraEnv };
  const { stdout } = await run(process.execPath, [join(SERVER_DIST, 'bin.js'), 'keys', 'create', '--name', 'web e2e', '--role', 'admin', '--json'], { env });
  const token = (JSON.parse(stdout) as { token: string }).token;
  const child: ChildProcess = spawn(process.execPath, [join(SERVER_DIST, 'main.js')], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const read = (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!.replace(/\/$/, ''));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    token,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Chromium with the flags the CI machine needs (no sandbox, no GPU, no network chatter). playwright's
 * `launch` gives every browser a fresh temporary profile and removes it on close.
 */
export async function launchBrowser(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM}; .ci/run installs it (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    browser,
    close: async () => {
      await browser.close();
    },
  };
}

/** The CLI's JSON answer for the same request, to compare the page with. */
export async function cliJson(args: string[], env: Record<string, string> = {}): Promise<unknown> {
  const { stdout } = await run(process.execPath, [CLI_BIN, ...args, '--json'], { env: { ...process.env, ...env } });
  return JSON.parse(stdout);
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.x A and AA violations axe-core finds on the page as it is now. */
export async function axeViolations(page: Page): Promise<{ id: string; help: string; nodes: string[] }[]> {
  // Evaluated over the DevTools protocol, which the page's Content-Security-Policy does not govern.
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ passes: unknown[]; violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    // An axe run that checked nothing would pass every page; it must have passed some rules.
    if (!r.passes.length) throw new Error('axe-core checked no rules');
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/** What `chokepoint assess --input FILE --output OUT.csv` writes for the same file, and its exit code. */
export async function cliBatchCsv(name: string, input: string): Promise<{ code: number; csv: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-web-batch-'));
  try {
    writeFileSync(join(dir, name), input);
    const code = await run(process.execPath, [CLI_BIN, 'assess', '--input', join(dir, name), '--output', join(dir, 'out.csv')]).then(
      () => 0,
      (err: { code?: number }) => err.code ?? -1,
    );
    return { code, csv: readFileSync(join(dir, 'out.csv'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** An amendment file (CONTRACT §10) in a new directory, as `CHOKEPOINT_AMENDMENTS` names it: a test fixture, not law. */
export function amendmentsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-web-amendments-'));
  writeFileSync(
    join(dir, 'stay.json'),
    JSON.stringify({
      id: 'web-e2e-stay-extended',
      plugin: 'US',
      source: { url: 'https://example.org/web-e2e', publisher: 'Test fixture', date: '2026-11-09' },
      statusEvents: [{ measure: 'us-ear-2025-affiliates-rule', event: 'suspension', from: '2025-11-10', to: '2027-01-10', by: 'Test notice' }],
    }),
  );
  return dir;
}

/** The US Consolidated Screening List fixture of @chokepoint/lists (a publisher JSON file with fictional parties beside real ones). */
export const CSL_FIXTURE = join(root, 'packages/lists/test/fixtures/csl.json');

/** Saves a full-page screenshot of a main view under test-output/ for a reviewer. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}

/** One server and one browser page for a test file, with the key entered for the page's tab. */
export interface Session {
  server: Awaited<ReturnType<typeof startServer>>;
  page: Page;
  /** Calls the server's API with the admin key, JSON in and out. */
  api: <T>(path: string, init?: RequestInit) => Promise<T>;
  /** Opens a view by its URL hash. */
  open: (hash: string) => Promise<void>;
  close: () => Promise<void>;
}

/** Starts a server (with `env`) and Chromium, and gives the page the API key so views load at once. */
export async function startSession(env: Record<string, string> = {}): Promise<Session> {
  const [server, chromium] = await Promise.all([startServer(env), launchBrowser()]);
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript((token: string) => sessionStorage.setItem('chokepoint.apiKey', token), server.token);
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error('page error:', err));
  return {
    server,
    page,
    api: async <T>(path: string, init: RequestInit = {}) => {
      const res = await fetch(`${server.url}${path}`, { ...init, headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json', ...(init.headers ?? {}) } });
      return (await res.json()) as T;
    },
    open: async (hash) => {
      await page.goto(`${server.url}/${hash}`);
    },
    close: async () => {
      await chromium.close();
      await server.stop();
    },
  };
}

/** The text of a download or any readable stream. */
export async function streamText(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += chunk.toString();
  return text;
}

/** Picks the item box's suggestion matching `name` with the arrow keys and Enter, as a keyboard user does. */
export async function chooseOption(page: Page, name: RegExp): Promise<void> {
  await page.getByRole('option', { name }).waitFor();
  for (let i = 0; i < 20; i++) {
    await page.keyboard.press('ArrowDown');
    if (name.test((await page.locator('[role="option"][aria-selected="true"]').textContent()) ?? '')) return page.keyboard.press('Enter');
  }
  throw new Error(`no suggestion matching ${name}`);
}

/**
 * Does `act` and waits for the answer it brings, returning its audit id. An answer to the page's last request
 * can still be shown for a moment after the URL has changed (the view re-renders after the hash change), so
 * waiting for "an answer" alone can read the old one. This waits for an answer to the query the URL now
 * holds (the article's data-query) with an audit id not shown before (each assessment has its own record).
 */
export async function nextAnswer(page: Page, act: () => Promise<unknown>): Promise<string> {
  const before = await page.evaluate(() => document.querySelector('article.answer a[href^="#/audit"]')?.textContent ?? null);
  await act();
  const fresh = await page.waitForFunction(
    (old) => {
      const article = document.querySelector('article.answer');
      const id = article?.querySelector('a[href^="#/audit"]')?.textContent;
      const query = location.hash.split('?')[1] ?? '';
      return id && id !== old && article!.getAttribute('data-query') === query ? id : null;
    },
    before,
    { timeout: 20_000 },
  ).catch(async (e: unknown) => {
    const seen = await page.evaluate(() => ({ hash: location.hash, query: document.querySelector('article.answer')?.getAttribute('data-query'), id: document.querySelector('article.answer a[href^="#/audit"]')?.textContent }));
    throw new Error(`no new answer to the URL's query (before: ${before}; shown: ${JSON.stringify(seen)})`, { cause: e });
  });
  return (await fresh.jsonValue()) as string;
}
