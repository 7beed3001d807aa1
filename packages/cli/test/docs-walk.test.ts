import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createEngine, type AssessmentResponse, type PluginDefinition } from '@chokepoint/core';
import { PluginTester } from '@chokepoint/plugin-kit';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import { runWithOfficialPlugins, shellLines } from '../src/test-support/run.js';

// What a new user does with the docs, checked so that the docs cannot drift from the product: every
// script, file and CLI flag they name exists, the SDK examples of the package READMEs answer what their
// comments say, and the CLI's usage errors (CONTRACT §4) exit 2 naming the flag.
const root = new URL('../../../', import.meta.url).pathname;
const read = (path: string) => readFileSync(join(root, path), 'utf8');
const mdIn = (dir: string) => readdirSync(join(root, dir)).filter((f) => f.endsWith('.md')).map((f) => `${dir}/${f}`);
const packageReadmes = ['packages', 'apps'].flatMap((d) => readdirSync(join(root, d)).map((p) => `${d}/${p}/README.md`)).filter((p) => existsSync(join(root, p)));
const docs = ['README.md', ...mdIn('docs'), ...packageReadmes].map((path) => ({ path, text: read(path) }));
const rootScripts = JSON.parse(read('package.json')).scripts as Record<string, string>;

/** The CLI with the official plugins, from the repository root, as the docs run it. */
const run = (args: string[], env: Record<string, string> = {}) => runWithOfficialPlugins(args, { env, cwd: root });

/** The arguments after `chokepoint` in a shell line (after `pnpm -s` and `VAR=value` prefixes), or none. */
function chokepointArgs(line: string): string[] | undefined {
  const m = /^(?:[A-Z_]+=\S+\s+)*(?:pnpm -s |npx )?chokepoint\s+(.*)$/.exec(line);
  if (!m) return undefined;
  return (m[1]!.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).filter((t) => !['|', '>', '<'].includes(t));
}

describe('what the docs tell a user to run exists', () => {
  it('every `pnpm SCRIPT` names a root script or a pnpm command', () => {
    const builtIns = new Set(['install', 'pack', 'deploy', 'run', 'add', 'exec']);
    const missing: string[] = [];
    for (const { path, text } of docs) {
      for (const m of text.matchAll(/\bpnpm(?: -s)?(?: --filter (\S+))? (?:run )?([a-z][\w:-]*)/g)) {
        const [, filter, script] = m;
        if (filter) {
          const dir = [...packageReadmes].map((p) => p.replace(/\/README\.md$/, '')).find((d) => JSON.parse(read(`${d}/package.json`)).name === filter);
          const scripts = dir ? (JSON.parse(read(`${dir}/package.json`)).scripts ?? {}) : {};
          if (!(script! in scripts)) missing.push(`${path}: pnpm --filter ${filter} ${script}`);
        } else if (!builtIns.has(script!) && !(script! in rootScripts)) missing.push(`${path}: pnpm ${script}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every `node FILE` names a file of the repository (or the build output of one)', () => {
    const missing: string[] = [];
    for (const { path, text } of docs) {
      for (const m of text.matchAll(/\bnode ((?:[\w.-]+\/)+[\w.-]+\.m?js)\b/g)) {
        const file = m[1]!;
        const source = file.replace(/\/dist\/(.*)\.js$/, '/src/$1.ts');
        if (!existsSync(join(root, file)) && !existsSync(join(root, source))) missing.push(`${path}: node ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every `chokepoint …` shell line names a command and only flags that command takes', async () => {
    const problems: string[] = [];
    const helps = new Map<string, string>();
    for (const { path, text } of docs) {
      for (const line of shellLines(text)) {
        const args = chokepointArgs(line);
        if (!args?.length) continue;
        const command = ['taxonomy', 'data'].includes(args[0]!) ? args.slice(0, 2) : args.slice(0, 1);
        const key = command.join(' ');
        if (!helps.has(key)) {
          const h = await run([...command, '--help']);
          helps.set(key, h.code === 0 ? h.stdout : '');
        }
        const help = helps.get(key)!;
        if (!help) {
          problems.push(`${path}: ${line} (no command "${key}")`);
          continue;
        }
        for (const flag of args.filter((a) => a.startsWith('--')).map((a) => a.split('=')[0]!)) {
          if (!new RegExp(`(^|[\\s,])${flag}([\\s,=<[]|$)`, 'm').test(help)) problems.push(`${path}: ${line} (${key} takes no ${flag})`);
        }
      }
    }
    expect(helps.size).toBeGreaterThan(5);
    expect(problems).toEqual([]);
  });

  it('the docs site (typedoc.json) carries every guide, and start-here links only to files that exist', () => {
    const site = JSON.parse(read('typedoc.json')) as { readme: string; projectDocuments: string[] };
    expect(site.readme).toBe('docs/start-here.md');
    expect(mdIn('docs').filter((f) => !['docs/README.md', 'docs/start-here.md'].includes(f) && !site.projectDocuments.includes(f))).toEqual([]);
    // Plain Markdown links, so the page reads the same on GitHub; typedoc turns a package README into its page.
    const startHere = read('docs/start-here.md');
    expect(startHere).not.toContain('{@link');
    const targets = [...startHere.matchAll(/\]\(([^)#]+\.md)\)/g)].map((m) => join('docs', m[1]!));
    expect(targets.length).toBeGreaterThan(10);
    expect(targets.filter((t) => !existsSync(join(root, t)))).toEqual([]);
  });

  it('`pnpm start` builds the CLI too, so the README\'s CLI commands run after it', () => {
    expect(rootScripts.start).toMatch(/--filter=@chokepoint\/cli\.\.\./);
    expect(rootScripts.chokepoint).toBe('node packages/cli/dist/bin.js');
  });

  it('`pnpm -s chokepoint serve` finds the server from the repository root', () => {
    expect(() => createRequire(join(root, 'package.json')).resolve('@chokepoint/server')).not.toThrow();
  });
});

// The SDK examples of the package READMEs, run as written: each `engine.assess({...})` with the plugins its
// block imports, checked against the verdicts, licence policies and authorisations its comment names.
const VERDICT = /\b(prohibited|license_required|needs_information|authorization_available|no_license_required|not_controlled)\b/;
const POLICY = /\b(case_by_case|presumption_of_denial|presumption_of_approval)\b/;

interface Example { readme: string; plugins: string[]; request: unknown; comment: string }

/** The object literal that starts at `text[start]` (a `{`), by brace depth. */
function objectAt(text: string, start: number): string {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return text.slice(start, i + 1);
  }
  throw new Error(`unbalanced object at ${start}`);
}

function sdkExamples(): Example[] {
  return packageReadmes.flatMap((readme) => [...read(readme).matchAll(/```ts\n([\s\S]*?)```/g)].flatMap((block) => {
    const code = block[1]!;
    const plugins = [...code.matchAll(/import \w+ from '(@chokepoint\/plugin-[\w-]+)'/g)].map((m) => m[1]!);
    return [...code.matchAll(/engine\.assess\(\{/g)].flatMap((m) => {
      const literal = objectAt(code, m.index + 'engine.assess('.length);
      const after = code.slice(m.index + 'engine.assess('.length + literal.length).split('\n').slice(0, 3).join('\n');
      const comment = /\/\/ ?(.*)/.exec(after)?.[1] ?? '';
      if (!comment || !plugins.length) return [];
      return [{ readme, plugins, request: new Function(`return (${literal});`)() as unknown, comment }];
    });
  }));
}

describe("the package READMEs' SDK examples", () => {
  const examples = sdkExamples();
  it('are found (core, China, EU)', () => {
    expect(examples.map((e) => e.readme)).toEqual(expect.arrayContaining(['packages/core/README.md', 'packages/plugin-cn-mofcom/README.md', 'packages/plugin-eu-dual-use/README.md']));
  });
  it.each(examples.map((e) => [e.readme, e] as const))('%s answers what its comment says', async (_, e) => {
    const plugins = await Promise.all(e.plugins.map(async (p) => ((await import(p)) as { default: PluginDefinition }).default));
    const answer: AssessmentResponse = createEngine({ taxonomy: loadTaxonomy(), plugins }).assess(e.request);
    // "EU: authorization_available — EU001": that regime's verdict; otherwise the overall one.
    const scoped = /^([A-Z]{2}): /.exec(e.comment)?.[1];
    const regime = scoped ? answer.jurisdictions.find((j) => j.jurisdiction === scoped) : undefined;
    expect(regime?.verdict ?? answer.verdict).toBe(VERDICT.exec(e.comment)![1]);
    const policy = POLICY.exec(e.comment)?.[1];
    if (policy) expect(answer.jurisdictions.map((j) => j.licensePolicy)).toContain(policy);
    for (const id of e.comment.match(/\bEU00\d\b/g) ?? []) expect((regime ?? answer.jurisdictions[0]!).authorizations.map((a) => a.id)).toContain(id);
  });
});

describe("@chokepoint/plugin-kit's README example", () => {
  it("its case table passes against the China plugin, as a plugin author's would", async () => {
    const code = /```ts\n([\s\S]*?)```/.exec(read('packages/plugin-kit/README.md'))![1]!;
    const table = /tester\.run\('[^']*', (\[[\s\S]*?\n\])\);/.exec(code)![1]!;
    const cases = new Function(`return (${table});`)() as Parameters<PluginTester['check']>[0][];
    expect(cases.length).toBeGreaterThanOrEqual(2);
    const china = (await import('@chokepoint/plugin-cn-mofcom')).default as PluginDefinition;
    const tester = new PluginTester(china);
    for (const c of cases) expect(tester.check(c)).toEqual([]);
  });
});

describe('CONTRACT §4 usage errors exit 2 and name the flag', () => {
  it.each([
    [['exposure', 'docs/examples/ndfeb-magnets-us.json', '--date', '2025-99-01'], '--date: expected a calendar date'],
    [['screen', 'Huawei Technologies', '--country', 'UK'], '--country: unknown country code "UK"'],
    [['screen', 'Huawei Technologies', '--min-score', '2'], '--min-score'],
    [['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'XX'], '--to: unknown country code "XX"'],
    [['measures', '--as-of', 'yesterday'], '--as-of'],
    [['changes', '--from', '2025-01-01'], '--to'],
    [['data', 'update', '--format', 'weird', '--from', 'x.csv'], '--format'],
    [['data', 'update', '--from', 'x.csv', '--as-of', '2025-02-30'], '--as-of: expected a calendar date'],
  ])('chokepoint %j', async (args, message) => {
    const r = await run(args);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(message);
  });
  it('a bad plan file is bad input (exit 1), not a usage error', async () => {
    const r = await run(['exposure', 'no-such-plan.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no-such-plan.json');
  });
});

describe('screening on the bundled lists (docs/screening.md, "Start with the full lists")', () => {
  const env = { CHOKEPOINT_DATA_DIR: mkdtempSync(join(tmpdir(), 'cp-docs-walk-')) };
  it('a name without a hit: no sample note, since every list the official plugins bundle is whole', async () => {
    const r = await run(['screen', 'Acme Nonexistent Trading'], env);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('No match');
    // The Entity List, MEU List, Denied Persons List and Unverified List ship whole: none is named as a sample.
    expect(r.stdout).not.toContain('sample_list');
    expect(r.stdout).toMatch(/us-unverified-list \(186 entries, as of 2026-09-24\)/);
    // The bundled copies are months old: the answer says a name without a match is not cleared of later listings.
    expect(r.stdout).toMatch(/warning \(stale_list\): Lists screened are more than 7 days old: .*us-entity-list \(dated 2026-07-09\).*not cleared/);
  });
  it('screening the Entity List alone has no sample note', async () => {
    const r = await run(['screen', 'Acme Nonexistent Trading', '--list', 'us-entity-list'], env);
    expect(r.stdout).not.toContain('sample_list');
  });
  it('no such note when only whole lists were screened', async () => {
    const r = await run(['screen', 'Acme Nonexistent Trading', '--list', 'cn-unreliable-entity-list'], env);
    expect(r.stdout).not.toContain('sample_list');
    // Only the list searched is named as out of date.
    expect(r.stdout).toMatch(/warning \(stale_list\): A list screened is more than 7 days old: cn-unreliable-entity-list \(dated 2026-07-24\)/);
  });
});
