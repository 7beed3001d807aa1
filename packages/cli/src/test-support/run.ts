import { PassThrough, Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Engine } from '@chokepoint/core';
import { runCli } from '../cli.js';
import { createDefaultEngine } from '../plugins.js';

/** The test plugin (jurisdiction TEST) that the CLI tests load through CHOKEPOINT_PLUGINS. */
export const TEST_PLUGIN = fileURLToPath(new URL('../../test/fixtures/test-plugin.mjs', import.meta.url));

let shared: Promise<Engine> | undefined;

/** One engine with only the test plugin, shared by a test file: it is pure, so sharing is safe. */
export function testEngine(): Promise<Engine> {
  return (shared ??= createDefaultEngine({ env: { CHOKEPOINT_PLUGINS: TEST_PLUGIN }, defaultPlugins: false }));
}

function collect(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
  return () => Buffer.concat(chunks).toString('utf8');
}

/** Runs the CLI in-process against the test engine and returns its exit code and output. */
export async function runInProcess(argv: string[], options: { stdin?: string; cwd?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const code = await runCli(
    argv,
    { stdin: Readable.from([Buffer.from(options.stdin ?? '')]), stdout, stderr, env: {}, cwd: options.cwd ?? process.cwd() },
    testEngine,
  );
  return { code, stdout: out(), stderr: err() };
}

/**
 * Runs the CLI in-process as a user's shell would, with the official plugins that are installed (and
 * none from the caller's CHOKEPOINT_PLUGINS), and returns its exit code and output.
 */
export async function runWithOfficialPlugins(argv: string[], options: { env?: Record<string, string>; cwd?: string; stdin?: string } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out = collect(stdout);
  const err = collect(stderr);
  const env = { ...process.env, CHOKEPOINT_PLUGINS: '', ...options.env };
  const code = await runCli(argv, { stdin: Readable.from([Buffer.from(options.stdin ?? '')]), stdout, stderr, env, cwd: options.cwd ?? process.cwd() });
  return { code, stdout: out(), stderr: err() };
}

/** The shell lines of a Markdown text's ```sh blocks, continuation lines joined and comments dropped. */
export function shellLines(text: string): string[] {
  return [...text.matchAll(/```sh\n([\s\S]*?)```/g)]
    .flatMap((m) => m[1]!.replace(/\\\n\s*/g, ' ').split('\n'))
    .map((l) => l.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}
