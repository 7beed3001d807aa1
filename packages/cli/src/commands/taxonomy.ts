import type { Command } from 'commander';
import { distance } from 'fastest-levenshtein';
import type { NodeDetails } from '@chokepoint/taxonomy';
import type { CliContext } from '../context.js';
import { formatTable } from '../format/table.js';
import { parsePositiveInteger, UsageError } from '../usage.js';

function names(n: { names: { en: string; zh?: string } }): string {
  return n.names.zh ? `${n.names.en} / ${n.names.zh}` : n.names.en;
}

function search(ctx: CliContext, text: string, limit: number) {
  const taxonomy = ctx.taxonomy();
  const nodes = taxonomy.search(text, limit).map((hit) => {
    const node = taxonomy.node(hit.id)!;
    return { id: node.id, kind: node.kind, names: node.names, score: hit.score, matchedBy: hit.matchedBy };
  });
  return { query: text, nodes, hs: taxonomy.searchHs(text, limit) };
}

function formatDetails(d: NodeDetails): string {
  const lines = [`${d.id} (${d.kind})`, `  ${names(d)}`];
  if (d.aliases?.length) lines.push(`  aliases: ${d.aliases.join(', ')}`);
  if (d.parents.length) lines.push(`  parents: ${d.parents.join(', ')}`);
  if (d.children.length) lines.push(`  children: ${d.children.join(', ')}`);
  const ids = d.identifiers ?? {};
  if (ids.hs?.length) lines.push(`  HS: ${ids.hs.join(', ')}`);
  if (ids.cnCode?.length) lines.push(`  China customs codes: ${ids.cnCode.join(', ')}`);
  if (ids.cas?.length) lines.push(`  CAS: ${ids.cas.join(', ')}`);
  for (const [jurisdiction, codes] of Object.entries(ids.codes ?? {})) lines.push(`  ${jurisdiction} control codes (subject to that regime's specifications): ${codes.join(', ')}`);
  for (const f of d.facts.supply) {
    const top = Object.entries(f.shares).sort((a, b) => b[1] - a[1]).slice(0, 3);
    lines.push(`  supply (${f.stage}, ${f.year}): ${top.map(([c, s]) => `${c} ${(s * 100).toFixed(0)} %`).join(', ')} — ${f.source.publisher}`);
  }
  if (d.facts.criticalLists.length) lines.push('  on critical lists:', ...d.facts.criticalLists.map((l) => `    - ${l.title} (${l.published})`));
  for (const s of d.sources ?? []) lines.push(`  source: ${s.publisher}, ${s.date} · ${s.url}`);
  return lines.join('\n') + '\n';
}

/**
 * Suggestions for an unknown ID: IDs within a few typos of it first ("galium/metal"), then search
 * hits for its words ("gallium metal").
 */
function suggestions(ctx: CliContext, id: string): string[] {
  const taxonomy = ctx.taxonomy();
  const wanted = id.toLowerCase();
  const near = taxonomy
    .nodes()
    .map((n) => ({ id: n.id, d: distance(wanted, n.id) }))
    .filter((x) => x.d <= Math.max(2, Math.floor(wanted.length / 4)))
    .sort((a, b) => a.d - b.d)
    .map((x) => x.id);
  const hits = taxonomy.search(id.replace(/[/-]+/g, ' '), 5).map((h) => h.id);
  return [...new Set([...near, ...hits])].slice(0, 5);
}

/** `chokepoint taxonomy search|show`. */
export function registerTaxonomy(program: Command, ctx: CliContext): void {
  const taxonomy = program.command('taxonomy').summary('search and show taxonomy items and HS codes').description('Look up taxonomy IDs, names, customs codes and HS 2022 headings.');
  taxonomy
    .command('search')
    .description('Find taxonomy items by ID, name (English or Chinese), HS, China customs or CAS code, and matching HS 2022 rows.')
    .argument('<text>', 'words or a code, e.g. "gallium" or 8112.92')
    .option('--limit <n>', 'hits per list', parsePositiveInteger, 10)
    .option('--json', 'print {query, nodes, hs} as JSON')
    .action((text: string, o: { limit: number; json?: boolean }) => {
      const result = search(ctx, text, o.limit);
      if (o.json) {
        ctx.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
        return;
      }
      let out = result.nodes.length
        ? formatTable(['ID', 'KIND', 'SCORE', 'MATCHED BY', 'NAME'], result.nodes.map((n) => [n.id, n.kind, n.score.toFixed(2), n.matchedBy, names(n)]))
        : 'No taxonomy item matches.\n';
      if (result.hs.length) out += `\nHS 2022\n${formatTable(['CODE', 'DESCRIPTION'], result.hs.map((h) => [h.code, h.description]))}`;
      ctx.stdout.write(out);
    });
  taxonomy
    .command('show')
    .description('Show one taxonomy item: names, parents, children, identifiers, supply facts and sources.')
    .argument('<id>', 'taxonomy ID or alias, e.g. gallium/metal')
    .option('--json', 'print the node as JSON')
    .action((id: string, o: { json?: boolean }) => {
      const details = ctx.taxonomy().details(id);
      if (!details) {
        const near = suggestions(ctx, id);
        throw new UsageError(`<id>: unknown taxonomy ID "${id}"${near.length ? `; did you mean: ${near.join(', ')}?` : '; try `chokepoint taxonomy search`'}`);
      }
      ctx.stdout.write(o.json ? `${JSON.stringify(details, null, 2)}\n` : formatDetails(details));
    });
}
