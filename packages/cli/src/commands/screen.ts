import type { Command } from 'commander';
import { DEFAULT_MIN_SCORE, NEAR_MISS_SCORE, ValidationError, type ScreeningResponse } from '@chokepoint/core';
import { mapNdjsonLines } from '../batch/ndjson-map.js';
import type { CliContext } from '../context.js';
import { formatTable } from '../format/table.js';
import { UsageError, validationToUsage } from '../usage.js';

const FLAGS = { name: 'NAME', country: '--country', address: '--address', lists: '--list', minScore: '--min-score' };

function printMatches(ctx: CliContext, r: ScreeningResponse): void {
  const screened = r.lists.map((l) => `${l.id} (${l.entries.toLocaleString('en-US')} ${l.entries === 1 ? 'entry' : 'entries'}, as of ${l.asOf})`).join(', ');
  if (!r.matches.length) {
    ctx.stdout.write(`No match for "${r.query.name}" at a score of ${(r.query.minScore ?? DEFAULT_MIN_SCORE).toFixed(2)} or more.\n`);
    // A name given short ("Hytera" for "Hytera Communications Limited", 0.667; "Raytheon" for "Raytheon Missiles & Defense",
    // 0.5) or with several words missing scores below it.
    if (r.nearMatches?.length) {
      ctx.stdout.write(`Closest names below it, for review by hand (not matches: names scoring ${NEAR_MISS_SCORE} or more, and listed names that begin with the name given; --json gives each one's explanation):\n`);
      ctx.stdout.write(formatTable(['SCORE', 'LIST', 'LISTED NAME', 'CC'], r.nearMatches.map((m) => [m.score.toFixed(3), m.list, m.entry.name, m.entry.country ?? ''])));
    }
    ctx.stdout.write(`Screened: ${screened}\n`);
    return;
  }
  // Brand matches (a listed brand given alone, "Huawei") can run to a hundred entries of one group: said once, above
  // the table, rather than once per entry below it.
  for (const [brand, group] of brandGroups(r)) {
    ctx.stdout.write(`"${r.query.name}" carries "${brand}", a brand of ${group[0]!.entry.name} on the ${group[0]!.listName}: ${group.length} listed ${group.length === 1 ? 'entry carries' : 'entries carry'} it, each shown at ${group[0]!.score.toFixed(3)}. It may be any of them or another party of the group; screen the full legal name to tell them apart.\n  source: ${group[0]!.source.url} (${group[0]!.source.publisher}, ${group[0]!.source.date})\n\n`);
  }
  const rows = r.matches.map((m) => [m.score.toFixed(3), m.list, m.entry.name, m.entry.country ?? '', m.consequence + (m.licensePolicy ? ` (${m.licensePolicy})` : '')]);
  ctx.stdout.write(formatTable(['SCORE', 'LIST', 'LISTED NAME', 'CC', 'CONSEQUENCE'], rows));
  for (const m of r.matches) {
    if (m.brand && !m.warnings?.length && !m.address) continue;
    ctx.stdout.write(`\n${m.entry.name}: ${m.explanation}\n  source: ${m.source.url} (${m.source.publisher}, ${m.source.date})\n`);
    for (const w of m.warnings ?? []) ctx.stdout.write(`  warning (${w.code}): ${w.message}\n`);
  }
  ctx.stdout.write(`\nScreened: ${screened}\n`);
}

/** The brand matches of an answer by brand, in the answer's order (the entry the brand stands for first). */
function brandGroups(r: ScreeningResponse): Map<string, ScreeningResponse['matches']> {
  const groups = new Map<string, ScreeningResponse['matches']>();
  for (const m of r.matches) if (m.brand) groups.set(m.brand, [...(groups.get(m.brand) ?? []), m]);
  return groups;
}

async function screenBatch(ctx: CliContext, input: string, output: string | undefined): Promise<void> {
  const engine = await ctx.engine();
  await mapNdjsonLines(ctx, input, output, (request) => engine.screen(request));
}

/** `chokepoint screen`: a party against every loaded list (CONTRACT §9). */
export function registerScreen(program: Command, ctx: CliContext): void {
  program
    .command('screen')
    .summary('screen a party name against the loaded lists')
    .description('Screen a name against every loaded list (bundled, or imported with `data update`): case, punctuation, legal forms, word order, spelling, Chinese and Cyrillic script and aliases are taken into account; each match has a score and an explanation.')
    .argument('[name]', 'the party name')
    .option('--country <CC>', 'only entries in this country (or without one)')
    .option('--address <text>', "the party's address: each match says which words it shares with the entry's addresses (names alone decide matches)")
    .option('--list <id>', 'only this list (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
    .option('--min-score <S>', 'lowest score shown, 0–1')
    .option('--input <file>', 'NDJSON of screening requests ({"name":…}); - for stdin')
    .option('--output <file>', 'with --input: write the NDJSON answers here')
    .option('--json', 'print the answer as JSON')
    .action(async (name: string | undefined, o: { country?: string; address?: string; list?: string[]; minScore?: string; input?: string; output?: string; json?: boolean }) => {
      if (o.input !== undefined) {
        if (name !== undefined) throw new UsageError('give either NAME or --input, not both');
        await screenBatch(ctx, o.input, o.output);
        return;
      }
      if (name === undefined) throw new UsageError('NAME: required (or --input FILE)');
      const minScore = o.minScore === undefined ? undefined : Number(o.minScore);
      if (minScore !== undefined && Number.isNaN(minScore)) throw new UsageError(`--min-score: expected a number from 0 to 1, got "${o.minScore}"`);
      const engine = await ctx.engine();
      let r: ScreeningResponse;
      try {
        r = engine.screen({ name, ...(o.country ? { country: o.country } : {}), ...(o.address !== undefined ? { address: o.address } : {}), ...(o.list ? { lists: o.list } : {}), ...(minScore !== undefined ? { minScore } : {}) });
      } catch (err) {
        if (err instanceof ValidationError) throw validationToUsage(err, FLAGS);
        throw err;
      }
      if (o.json) ctx.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
      else {
        printMatches(ctx, r);
        // The answer's own warnings on the lists it searched (sample copies, lists out of date): a name without a match
        // there is not cleared.
        for (const w of r.warnings ?? []) ctx.stdout.write(`\nwarning (${w.code}): ${w.message}\n`);
      }
    });
}
