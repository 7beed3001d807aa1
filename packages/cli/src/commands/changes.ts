import type { Command } from 'commander';
import { portfolioChanges, ValidationError } from '@chokepoint/core';
import { mapNdjsonLines } from '../batch/ndjson-map.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../format/table.js';
import { validationToUsage } from '../usage.js';

const FLAGS = { from: '--from', to: '--to', jurisdiction: '--jurisdiction' };

/** `chokepoint changes`: what was published, came into force, was suspended, resumed or repealed in a window. */
export function registerChanges(program: Command, ctx: CliContext): void {
  program
    .command('changes')
    .summary('list dated changes to measures in a window')
    .description('List the events (published, in_force, suspended, resumed, repealed) of the installed regimes between two dates, oldest first.')
    .requiredOption('--from <YYYY-MM-DD>', 'first day of the window')
    .requiredOption('--to <YYYY-MM-DD>', 'last day of the window (inclusive)')
    .option('--jurisdiction <code>', 'only this regime (CN, US, EU, …)')
    .option('--input <file>', 'NDJSON of assessment requests (a portfolio; - for stdin): for each line, the dates in the window on which its answer changes')
    .option('--output <file>', 'with --input: write the NDJSON here')
    .option('--json', 'print an array of {date, jurisdiction, measure, event, …} as JSON')
    .action(async (o: { from: string; to: string; jurisdiction?: string; input?: string; output?: string; json?: boolean }) => {
      const engine = await ctx.engine();
      if (o.input !== undefined) {
        let changes;
        try {
          changes = portfolioChanges(engine, { from: o.from, to: o.to });
        } catch (err) {
          if (err instanceof ValidationError) throw validationToUsage(err, FLAGS);
          throw err;
        }
        await mapNdjsonLines(ctx, o.input, o.output, changes);
        return;
      }
      let changes;
      try {
        changes = engine.changes({ from: o.from, to: o.to, ...(o.jurisdiction !== undefined ? { jurisdiction: o.jurisdiction } : {}) });
      } catch (err) {
        if (err instanceof ValidationError) throw validationToUsage(err, FLAGS);
        throw err;
      }
      if (o.json) {
        ctx.stdout.write(`${JSON.stringify(changes, null, 2)}\n`);
        return;
      }
      if (!changes.length) {
        ctx.stdout.write(`No change between ${o.from} and ${o.to}.\n`);
        return;
      }
      const rows = changes.map((c) => [c.date, c.jurisdiction, c.event, c.measure, c.scope ? `${c.reference} (${c.scope})` : c.reference]);
      ctx.stdout.write(formatTable(['DATE', 'JUR', 'EVENT', 'MEASURE', 'REFERENCE'], rows));
    });
}
