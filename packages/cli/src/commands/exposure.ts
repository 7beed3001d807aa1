import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ValidationError, type ExposureResponse } from '@chokepoint/core';
import type { CliContext } from '../context.js';
import { formatTable } from '../format/table.js';
import { UsageError } from '../usage.js';

async function readPlan(ctx: CliContext, path: string): Promise<string> {
  if (path === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.stdin) chunks.push(Buffer.from(chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  return readFile(resolve(ctx.cwd, path), 'utf8');
}

function pct(share: number | undefined): string {
  return share === undefined ? '' : `${(share * 100).toFixed(share < 0.1 ? 1 : 0)} %`;
}

/**
 * How an input is shown: its taxonomy ID, else the items it resolved to, else the name and code the plan gave; a code
 * the plan gave beside a resolved item is shown too, so that the exporter's own classification is not lost.
 */
function inputLabel(item: ExposureResponse['inputs'][number]['item']): string {
  const base = item.id ?? (item.resolved.length ? item.resolved.join('|') : undefined);
  if (base) return item.code ? `${base} (${item.code})` : base;
  return [item.code, item.name !== undefined ? `"${item.name}"` : undefined].filter(Boolean).join(' ') || '(unidentified item)';
}

/** The readable exposure report: chokepoints first, then the timeline, then every input. */
export function formatExposure(r: ExposureResponse): string {
  const lines: string[] = [];
  lines.push(`${r.plan ?? 'Exposure plan'} — site ${r.site}, ${r.date}${r.chain ? `, chain ${r.chain}` : ''}`, '');
  const questions = r.questions ?? [];
  if (r.chokepoints.length) {
    lines.push(`CHOKEPOINTS (${r.chokepoints.length} of ${r.inputs.length} inputs cannot follow freely), most severe first:`);
    for (const c of r.chokepoints) {
      const input = r.inputs.find((i) => inputLabel(i.item) === inputLabel(c.item) && i.from === c.from && i.transfer === c.transfer);
      const basis = input?.share ? ` (${input.share.stage}, ${input.share.year})` : '';
      lines.push(`  ${c.verdict.padEnd(24)} ${inputLabel(c.item)} from ${c.from} (${c.transfer})${c.share !== undefined ? ` — ${c.from} supplies ${pct(c.share)} of the world${basis}` : ''}`);
      lines.push(`      ${c.why}`);
      // Further rules that stop the same input (another regime, or a second measure of the same one).
      for (const rule of (c.rules ?? []).slice(1)) lines.push(`      and ${rule.jurisdiction}: ${rule.reason}`);
      const alternatives = input?.alternatives ?? [];
      const free = alternatives.filter((a) => a.verdict === 'not_controlled' || a.verdict === 'no_license_required');
      const where = (a: (typeof free)[number]) => `${a.country} (${pct(a.share)}${a.stage ? ` of ${a.stage}` : ''}, ${a.year}${a.atSite ? ', at the site' : ''})`;
      // A source under sanctions on buying from it is no free alternative, whatever export controls say.
      const open = free.filter((a) => !a.sanctions);
      const sanctioned = free.filter((a) => a.sanctions);
      if (open.length) lines.push(`      alternatives without a licence: ${open.map(where).join(', ')}`);
      if (sanctioned.length) lines.push(`      no export licence, but sanctions on buying from them (not checked; see the warnings): ${sanctioned.map(where).join(', ')}`);
    }
  } else if (questions.length) lines.push(`CHOKEPOINTS: none among the ${r.inputs.length} inputs assessed; ${questions.length} more could not be assessed (below).`);
  else lines.push('CHOKEPOINTS: none — every input can follow under the formal rules on this date.');
  if (questions.length) {
    lines.push('', 'NOT ASSESSED until the plan says more:');
    for (const q of questions) lines.push(`  - ${q.prompt}`);
  }
  lines.push('');
  if (r.timeline.length) {
    lines.push('TIMELINE of dated changes touching these inputs:');
    lines.push(formatTable(['DATE', 'EVENT', 'JUR', 'REFERENCE', 'INPUTS'], r.timeline.map((t) => [t.date, t.event, t.jurisdiction, t.scope ? `${t.reference}: ${t.scope}` : t.reference, t.inputs.join(', ')])).trimEnd());
  } else lines.push('TIMELINE: no dated change touched these inputs in the window.');
  lines.push('', 'INPUTS:');
  lines.push(formatTable(['VERDICT', 'INPUT', 'STAGE', 'FROM', 'TRANSFER'], r.inputs.map((i) => [i.verdict, inputLabel(i.item), i.item.stage ?? '(by hand)', i.sourceAssumed ? `${i.from} (assumed)` : i.from, i.transfer])).trimEnd());
  if (r.advisories.length) {
    lines.push('', 'ADVISORIES on these corridors (signals only; they never change a verdict):');
    for (const a of r.advisories) lines.push(`  - ${a.title} (${a.measureType}; ${a.evidence}, ${a.status}; first reported ${a.firstReported})`);
  }
  if (r.warnings.length) {
    lines.push('', 'WARNINGS:');
    for (const w of r.warnings) lines.push(`  - [${w.code}]${w.jurisdiction ? ` ${w.jurisdiction}` : ''} ${w.message}`);
  }
  lines.push('', 'Decision support, not legal advice: check the cited measures before you move production.');
  return `${lines.join('\n')}\n`;
}

/** `chokepoint exposure PLAN.json`: which inputs of a production step cannot follow it to a site (CONTRACT §8). */
export function registerExposure(program: Command, ctx: CliContext): void {
  program
    .command('exposure')
    .summary('which inputs of a production step cannot follow it to a site')
    .description('Assess an exposure plan (CONTRACT §8): expand the value chain stages that move, assess every input from its source to the site under every regime, and report chokepoints, alternatives, the timeline of changes and advisories.')
    .argument('<plan>', 'plan JSON file, or - for standard input')
    .option('--date <YYYY-MM-DD>', 'date of the move (overrides the plan)')
    .option('--json', 'print the exposure answer as JSON')
    .action(async (path: string, o: { date?: string; json?: boolean }) => {
      let text: string;
      try {
        text = await readPlan(ctx, path);
      } catch (err) {
        ctx.stderr.write(`chokepoint: cannot read plan ${path}: ${(err as Error).message}\n`);
        ctx.exitCode = 1;
        return;
      }
      let plan: unknown;
      try {
        plan = JSON.parse(text);
      } catch (err) {
        ctx.stderr.write(`chokepoint: ${path} is not valid JSON: ${(err as Error).message}\n`);
        ctx.exitCode = 1;
        return;
      }
      if (o.date !== undefined && typeof plan === 'object' && plan !== null && !Array.isArray(plan)) plan = { ...plan, date: o.date };
      const engine = await ctx.engine();
      let answer: ExposureResponse;
      try {
        answer = engine.exposure(plan);
      } catch (err) {
        if (!(err instanceof ValidationError)) throw err;
        // A bad --date is a usage error (exit 2, naming the flag); a bad plan file is bad input (exit 1).
        const badDate = o.date !== undefined ? err.errors.find((e) => e.path === 'date') : undefined;
        if (badDate) throw new UsageError(`--date: ${badDate.message}`);
        ctx.stderr.write(`chokepoint: the plan is invalid:\n${err.errors.map((e) => `  ${e.path || '(plan)'}: ${e.message}`).join('\n')}\n`);
        ctx.exitCode = 1;
        return;
      }
      ctx.stdout.write(o.json ? `${JSON.stringify(answer, null, 2)}\n` : formatExposure(answer));
    });
}
