import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { isMissingModule } from '@chokepoint/core';
import { cliImporter } from '../plugins.js';
import { InvalidArgumentError } from 'commander';
import { parsePort, UsageError } from '../usage.js';

const SERVER_PACKAGE = '@chokepoint/server';

/** What the CLI expects `@chokepoint/server` to export. */
type StartServer = (options: { port: number; host: string }) => unknown;

function portFromEnv(value: string | undefined): number {
  if (!value) return 8080;
  try {
    return parsePort(value);
  } catch (err) {
    if (err instanceof InvalidArgumentError) throw new UsageError(`PORT: ${err.message}`);
    throw err;
  }
}

/**
 * `chokepoint serve`: starts the reference server. The server is a separate package so that the
 * CLI stays small; it is loaded only when asked for.
 */
export function registerServe(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .summary('start the reference HTTP server')
    .description(`Start the reference HTTP server (needs ${SERVER_PACKAGE}). Listens on 127.0.0.1:8080 unless --host/--port or HOST/PORT say otherwise.`)
    .option('--port <n>', 'TCP port (default: $PORT or 8080)', parsePort)
    .option('--host <host>', 'interface to listen on (default: $HOST or 127.0.0.1)')
    .action(async (o: { port?: number; host?: string }) => {
      const port = o.port ?? portFromEnv(ctx.env.PORT);
      const host = o.host ?? ctx.env.HOST ?? '127.0.0.1';
      const mod = (await cliImporter(ctx.cwd)(SERVER_PACKAGE).catch((err: unknown) => {
        if (isMissingModule(err, SERVER_PACKAGE)) throw new Error(`serve needs ${SERVER_PACKAGE}, which is not installed; install it with \`npm install -g ${SERVER_PACKAGE}\` or add it to this project`, { cause: err });
        throw err;
      })) as Record<string, unknown>;
      if (typeof mod.startServer !== 'function') throw new Error(`${SERVER_PACKAGE} does not export startServer({ port, host })`);
      await (mod.startServer as StartServer)({ port, host });
    });
}
