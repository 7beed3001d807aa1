import { Command, CommanderError } from 'commander';
import type { Engine } from '@chokepoint/core';
import { registerAssess } from './commands/assess.js';
import { registerChanges } from './commands/changes.js';
import { registerData } from './commands/data.js';
import { registerExposure } from './commands/exposure.js';
import { registerMeasures } from './commands/measures.js';
import { registerScreen } from './commands/screen.js';
import { registerServe } from './commands/serve.js';
import { registerTaxonomy } from './commands/taxonomy.js';
import { createContext, processIo, type CliContext, type CliIo } from './context.js';
import { UsageError } from './usage.js';
import { CLI_VERSION } from './version.js';

/**
 * Builds the command tree. `exitOverride` makes commander throw instead of exiting, so every
 * usage error, its own or ours, leaves through {@link runCli} with exit code 2.
 */
export function buildProgram(ctx: CliContext): Command {
  const program = new Command('chokepoint')
    .description('Export controls on critical minerals (China MOFCOM, US EAR, EU 2021/821, Japan METI, and any plugin in CHOKEPOINT_PLUGINS): assess transfers, list measures and changes.')
    .version(CLI_VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
    })
    .showHelpAfterError('(add --help for usage)')
    .option('--amendments <dir>', 'amendment files to apply (default: CHOKEPOINT_AMENDMENTS)')
    .hook('preAction', (cmd) => {
      const dir = cmd.opts<{ amendments?: string }>().amendments;
      if (dir !== undefined) ctx.env.CHOKEPOINT_AMENDMENTS = dir;
    })
    .addHelpText('after', '\nExit codes: 0 success; 1 some input failed; 2 usage error.\nAnswers are decision support, not legal advice.');
  registerAssess(program, ctx);
  registerTaxonomy(program, ctx);
  registerMeasures(program, ctx);
  registerChanges(program, ctx);
  registerExposure(program, ctx);
  registerScreen(program, ctx);
  registerData(program, ctx);
  registerServe(program, ctx);
  return program;
}

/**
 * Runs the CLI on `argv` (without the node and script paths) and resolves to the exit code:
 * 0 success, 1 some input failed, 2 usage error (CONTRACT §4). It never calls `process.exit`, so
 * pending output is flushed and `serve` keeps running.
 */
export async function runCli(argv: readonly string[], io: CliIo = processIo(), engine?: () => Promise<Engine>): Promise<number> {
  const ctx = createContext(io, engine);
  const program = buildProgram(ctx);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    // Commander has already printed its message (or the help) through configureOutput.
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr.write(`chokepoint: ${message.replace(/\n/g, '\nchokepoint: ')}\n`);
    if (err instanceof UsageError) {
      ctx.stderr.write('(add --help for usage)\n');
      return 2;
    }
    if (io.env.CHOKEPOINT_DEBUG && err instanceof Error && err.stack) ctx.stderr.write(`${err.stack}\n`);
    return 1;
  }
}
