import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeCondition, statusTimeline, type Caveat, type ControlEntry, type Measure, type PluginDefinition } from '@chokepoint/core';

function interval(from: string | null, to: string | null): string {
  return `${from ?? '…'} – ${to ?? 'open'}`;
}

function entryLine(e: ControlEntry): string {
  const ids = [...(e.covers.ids ?? []), ...(e.covers.controlCodes ?? []).map((c) => `code ${c}`), ...(e.covers.hs ?? []).slice(0, 6).map((h) => `line ${h}`)];
  if ((e.covers.hs?.length ?? 0) > 6) ids.push(`… ${e.covers.hs!.length - 6} more lines`);
  if (e.covers.anyListed) ids.push('every listed item');
  if (e.covers.all) ids.push(e.covers.exceptListed ? 'every item not listed elsewhere' : 'every item');
  const scope = [
    e.transfers && e.transfers.join('/') !== 'goods' ? `transfers: ${e.transfers.join(', ')}` : '',
    e.destinations?.include ? `to: ${e.destinations.include.join(', ')}` : '',
    e.destinations?.exclude ? `not to: ${e.destinations.exclude.join(', ')}` : '',
    e.endUses ? `end uses: ${e.endUses.join(', ')}` : '',
    e.endUserTypes ? `end users: ${e.endUserTypes.join(', ')}` : '',
    e.conditions ? `when ${describeCondition(e.conditions)}` : '',
    e.reach && e.reach.join() !== 'territory' ? `reach: ${e.reach.join(', ')}` : '',
    e.effective ? `applies ${interval(e.effective.from, e.effective.to)}` : '',
    e.suspensions?.length ? `suspended ${e.suspensions.map((s) => `${interval(s.from, s.to)} by ${s.by}`).join('; ')}` : '',
    e.outsideList ? 'outside the control list (rules on every listed item do not reach it)' : '',
  ].filter(Boolean);
  const policy = e.licensePolicy ? ` (${e.licensePolicy.replace(/_/g, ' ')})` : '';
  return `| ${e.code ?? ''} | ${e.title.replace(/\|/g, '\\|')} | ${e.requirement.replace(/_/g, ' ')}${policy} | ${[...ids, ...scope].join('; ').replace(/\|/g, '\\|')} |`;
}

/** The Markdown page for one measure, generated from the plugin's data so it cannot drift. */
export function renderMeasureDoc(plugin: PluginDefinition, measure: Measure): string {
  const entries = plugin.entries.filter((e) => e.measure === measure.id);
  const parties = (plugin.parties ?? []).filter((p) => p.measure === measure.id);
  const lines = [
    `<!-- generated from ${plugin.manifest.name} data by @chokepoint/plugin-kit; do not edit by hand -->`,
    `# ${measure.title}`,
    '',
    measure.titleOriginal ? `*${measure.titleOriginal}*\n` : '',
    `| | |`,
    `|---|---|`,
    `| Reference | ${measure.reference} |`,
    `| Authority | ${measure.authority} |`,
    `| Jurisdiction | ${measure.jurisdiction} |`,
    `| Published | ${measure.published} |`,
    `| In force | ${interval(measure.effective.from, measure.effective.to)}${measure.repealedBy ? ` (then ${measure.repealedBy})` : ''} |`,
    `| Confidence | ${measure.confidence} |`,
    `| Official text | <${measure.url}> |`,
    '',
    measure.summary,
    '',
    '## Status timeline',
    '',
    '| from | to | status |',
    '|---|---|---|',
    ...statusTimeline(measure).map((s) => `| ${s.from ?? '…'} | ${s.to ?? 'open'} | ${s.status.replace(/_/g, ' ')} |`),
    ...(measure.suspensions?.length ? ['', ...measure.suspensions.map((s) => `Suspended ${interval(s.from, s.to)} by ${s.by}${s.scope ? ` (${s.scope})` : ''}.`)] : []),
    ...(measure.caveats?.length ? ['', '## Caveats', '', ...measure.caveats.map((c) => `- ${caveatText(c)}`)] : []),
    ...(entries.length ? ['', `## Entries (${entries.length})`, '', '| code | what | requires | covers and scope |', '|---|---|---|---|', ...entries.map(entryLine)] : []),
    ...entryCaveatLines(entries),
    ...(parties.length ? ['', `## Listed parties (${parties.length})`, '', ...parties.map((p) => `- ${p.name}${p.country ? ` (${p.country})` : ''}, listed ${p.added}${p.removed ? `, removed ${p.removed}` : ''}`)] : []),
    '',
    '## Sources',
    '',
    ...measure.sources.map((s) => `- ${s.publisher}, ${s.date}${s.title ? `, “${s.title}”` : ''}: <${s.url}>`),
    '',
    '*Decision support, not legal advice: check the official text before you act.*',
    '',
  ];
  return lines.filter((l, i) => !(l === '' && lines[i - 1] === '')).join('\n');
}

/** A caveat as a line of the page: its code, its window when it has one, its message. */
function caveatText(c: Caveat): string {
  return `**${c.code}**${c.from || c.to ? ` (${c.from ?? '…'} – ${c.to ?? 'open'})` : ''}: ${c.message}`;
}

/** The entries' own caveats, each said once with the entries that carry it (several entries often share one). */
function entryCaveatLines(entries: readonly ControlEntry[]): string[] {
  const byText = new Map<string, string[]>();
  for (const e of entries) {
    for (const c of e.caveats ?? []) {
      const text = caveatText(c);
      byText.set(text, [...(byText.get(text) ?? []), e.code ? `${e.id} (${e.code})` : e.id]);
    }
  }
  if (!byText.size) return [];
  return ['', '## Caveats on entries', '', ...[...byText].map(([text, ids]) => `- ${text} — on ${ids.join(', ')}`)];
}

/** File name of a measure's page. */
export function measureDocFile(measure: Measure): string {
  return `${measure.id}.md`;
}

/** Measures whose page in `dir` is missing or differs from the generated one. */
export function staleMeasureDocs(plugin: PluginDefinition, dir: string): string[] {
  return plugin.measures
    .filter((m) => {
      const path = join(dir, measureDocFile(m));
      return !existsSync(path) || readFileSync(path, 'utf8') !== renderMeasureDoc(plugin, m);
    })
    .map((m) => m.id);
}

/**
 * Writes one generated page per measure to `dir` (created if missing) and removes the `.md` pages
 * there that no measure has any more; returns the files written. For build scripts; in tests,
 * `PluginTester.checkDocs` with `vitest run -u` does the same.
 */
export function writeMeasureDocs(plugin: PluginDefinition, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const files = new Set(plugin.measures.map(measureDocFile));
  for (const f of readdirSync(dir)) if (f.endsWith('.md') && !files.has(f)) rmSync(join(dir, f));
  for (const m of plugin.measures) writeFileSync(join(dir, measureDocFile(m)), renderMeasureDoc(plugin, m));
  return [...files];
}
