import type { Command } from 'commander';
import { ValidationError } from '@chokepoint/core';
import type { CliContext } from '../context.js';
import { formatTable } from '../format/table.js';
import { validationToUsage } from '../usage.js';

const FLAGS = { jurisdiction: '--jurisdiction', asOf: '--as-of', itemId: '--item-id' };

/** `chokepoint measures`: every measure of the installed regimes with its status on a date. */
export function registerMeasures(program: Command, ctx: CliContext): void {
  program
    .command('measures')
    .summary('list measures and their status on a date')
    .description('List the measures of the installed regimes, each with its status on --as-of (default today) and its status timeline.')
    .option('--jurisdiction <code>', 'only this regime (CN, US, EU, …)')
    .option('--as-of <YYYY-MM-DD>', 'date the status is given for (default: today, UTC)')
    .option('--item-id <taxonomy-id>', 'only measures that cover this taxonomy item')
    .option('--json', 'print an array of measures as JSON')
    .action(async (o: { jurisdiction?: string; asOf?: string; itemId?: string; json?: boolean }) => {
      const engine = await ctx.engine();
      let measures;
      try {
        measures = engine.measures({
          ...(o.jurisdiction !== undefined ? { jurisdiction: o.jurisdiction } : {}),
          ...(o.asOf !== undefined ? { asOf: o.asOf } : {}),
          ...(o.itemId !== undefined ? { itemId: o.itemId } : {}),
        });
      } catch (err) {
        if (err instanceof ValidationError) throw validationToUsage(err, FLAGS);
        throw err;
      }
      if (o.json) {
        ctx.stdout.write(`${JSON.stringify(measures, null, 2)}\n`);
        return;
      }
      if (!measures.length) {
        ctx.stdout.write(engine.plugins.length ? 'No measure matches.\n' : 'No jurisdiction plugin is installed.\n');
        return;
      }
      const rows = measures.map((m) => [m.jurisdiction, m.id, m.status, `${m.effective.from} to ${m.effective.to ?? 'open'}`, m.reference]);
      ctx.stdout.write(formatTable(['JUR', 'ID', 'STATUS', 'EFFECTIVE', 'REFERENCE'], rows));
    });
}
