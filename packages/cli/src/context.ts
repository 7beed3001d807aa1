import type { Engine } from '@chokepoint/core';
import { loadTaxonomy, type Taxonomy } from '@chokepoint/taxonomy';
import { createDefaultEngine } from './plugins.js';

/** The process-facing side of the CLI, injectable so commands can be tested in-process. */
export interface CliIo {
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** What every command receives: the streams, and the engine and taxonomy built on first use. */
export interface CliContext extends CliIo {
  engine(): Promise<Engine>;
  taxonomy(): Taxonomy;
  /** Set by a command that ran but had input fail (exit code 1). */
  exitCode: number;
}

/** The real process streams. */
export function processIo(): CliIo {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() };
}

/**
 * Builds the context. The engine is created lazily because loading plugins costs time that
 * `taxonomy` and `--help` should not pay.
 */
export function createContext(io: CliIo, engineFactory?: () => Promise<Engine>): CliContext {
  let engine: Promise<Engine> | undefined;
  return {
    ...io,
    engine: () => (engine ??= engineFactory ? engineFactory() : createDefaultEngine({ env: io.env, cwd: io.cwd })),
    taxonomy: () => loadTaxonomy(),
    exitCode: 0,
  };
}
