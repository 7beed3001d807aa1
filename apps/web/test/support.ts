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
export async function startServer(): Promise<{ url: string; token: string; stop: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'chokepoint-web-e2e-'));
  const env = { ...process.env, CHOKEPOINT_SQLITE_PATH: join(dir, 'chokepoint.db'), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn' };
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
export async function cliJson(args: string[]): Promise<unknown> {
  const { stdout } = await run(process.execPath, [CLI_BIN, ...args, '--json']);
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

/** Saves a full-page screenshot of a main view under test-output/ for a reviewer. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, `${name}.png`), fullPage: true });
}
