import type { Command } from 'commander';
import { isIsoDate } from '@chokepoint/core';
import { formatDiff, LIST_FORMATS, ListChoiceError, PUBLISHER_SOURCES, updateLists, type ListFormat } from '@chokepoint/lists';
import type { CliContext } from '../context.js';
import { sampleListsNote } from '../format/sample-lists.js';
import { formatTable } from '../format/table.js';
import { listStore } from '../plugins.js';
import { UsageError } from '../usage.js';

const FORMATS: readonly ListFormat[] = LIST_FORMATS;

/** `chokepoint data status` and `data update` (CONTRACT §10). */
export function registerData(program: Command, ctx: CliContext): void {
  const data = program.command('data').summary('what answers rest on: plugins, lists, amendments; update lists');
  data
    .command('status')
    .description('Each plugin with its data version and vintage, each list with its entries and asOf, and the amendments loaded.')
    .option('--json', 'print the status as JSON')
    .action(async (o: { json?: boolean }) => {
      const status = (await ctx.engine()).dataStatus();
      if (o.json) {
        ctx.stdout.write(`${JSON.stringify(status, null, 2)}\n`);
        return;
      }
      ctx.stdout.write(formatTable(['PLUGIN', 'VERSION', 'DATA VERIFIED THROUGH', 'AMENDMENTS'], status.plugins.map((p) => [p.plugin, p.version, p.dataVerifiedThrough, p.amendments.map((a) => a.id).join(', ') || '-'])));
      ctx.stdout.write('\n');
      ctx.stdout.write(formatTable(['LIST', 'JUR', 'ENTRIES', 'AS OF', 'ORIGIN', 'STALE'], status.lists.map((l) => [l.id, l.jurisdiction, l.entries.toLocaleString('en-US'), l.asOf, l.sample ? `${l.origin} SAMPLE` : l.origin, l.stale ? `yes (> ${status.listMaxAgeDays} days)` : 'no'])));
      const note = sampleListsNote(status);
      if (note) ctx.stdout.write(`\n${note}`);
      ctx.stdout.write(`\nLists are kept in ${listStore(ctx.env, ctx.cwd).dir}; run \`chokepoint data update\` for current copies.\n`);
    });
  data
    .command('update')
    .description(`Import lists from the publisher's own file (US Consolidated Screening List JSON or CSV, China's lists in the cn-lists.json form, Japan's METI End User List in its jp-end-user-list.json or CSV form), check every row, and put them in use together, keeping the previous copy. Without --from it downloads ${PUBLISHER_SOURCES.map((s) => `${s.key} (${s.env})`).join(' and ')}.`)
    .option('--list <id>', 'only this list')
    .option('--from <file-or-url>', 'a file or http(s) URL in a publisher format')
    .option('--format <format>', `force the format: ${FORMATS.join(', ')}`)
    .option('--as-of <YYYY-MM-DD>', 'date of the copy when the file does not carry one (default: today)')
    .action(async (o: { list?: string; from?: string; format?: string; asOf?: string }) => {
      if (o.format !== undefined && !FORMATS.includes(o.format as ListFormat)) throw new UsageError(`--format: expected one of ${FORMATS.join(', ')}, got "${o.format}"`);
      if (o.asOf !== undefined && !isIsoDate(o.asOf)) throw new UsageError(`--as-of: expected a calendar date YYYY-MM-DD, got "${o.asOf}"`);
      const from = o.from && !/^https?:\/\//i.test(o.from) ? (await import('node:path')).resolve(ctx.cwd, o.from) : o.from;
      const diffs = await updateLists({
        store: listStore(ctx.env, ctx.cwd), env: ctx.env,
        ...(from ? { from } : {}), ...(o.list ? { list: o.list } : {}), ...(o.format ? { format: o.format as ListFormat } : {}), ...(o.asOf ? { asOf: o.asOf } : {}),
      }).catch((err: unknown) => {
        // A list the source does not carry is a bad --list value: a usage error (exit 2), as CONTRACT §4 has it.
        throw err instanceof ListChoiceError ? new UsageError(err.message) : err;
      });
      for (const d of diffs) ctx.stdout.write(`${formatDiff(d)}\n`);
    });
}
