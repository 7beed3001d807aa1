// End-to-end tests of the built binary: exit codes, stdout and stderr as a shell sees them.
// They need `dist/` (run after `pnpm build` / `turbo run build`).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const TEST_PLUGIN = fileURLToPath(new URL('./fixtures/test-plugin.mjs', import.meta.url));

// The environment a shell would give the binary: the test runner's NODE_PATH would let the
// binary find workspace packages that an installed CLI cannot.
const { NODE_PATH: _runnerPath, ...shellEnv } = process.env;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function chokepoint(args: string[], options: { stdin?: string; cwd?: string; env?: Record<string, string> } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      process.execPath,
      [BIN, ...args],
      { cwd: options.cwd, env: { ...shellEnv, CHOKEPOINT_PLUGINS: TEST_PLUGIN, ...options.env }, maxBuffer: 64 << 20, timeout: 30_000 },
      (err, stdout, stderr) => {
        if (err && typeof err.code !== 'number') return reject(new Error(`chokepoint ${args.join(' ')} failed: ${err.message}\n${stderr}`));
        resolve({ code: err ? (err.code as number) : 0, stdout, stderr });
      },
    );
    child.stdin!.end(options.stdin ?? '');
  });
}

const request = (id: string, to: string) => JSON.stringify({ id, item: { cnCode: '8112929010' }, from: 'CN', to, date: '2025-01-15', jurisdictions: ['TEST'] });

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: build the CLI first (pnpm --filter @chokepoint/cli... build)`);
});

describe('chokepoint (built binary)', { timeout: 60_000 }, () => {
  it('--help lists every command and exits 0', async () => {
    const r = await chokepoint(['--help']);
    expect(r.code).toBe(0);
    for (const command of ['assess', 'taxonomy', 'measures', 'changes', 'serve']) expect(r.stdout).toContain(command);
    expect(r.stdout).toContain('Exit codes: 0 success; 1 some input failed; 2 usage error.');
  });

  it.each([['assess'], ['taxonomy', 'search'], ['taxonomy', 'show'], ['measures'], ['changes'], ['serve']])('%s --help exits 0', async (...command) => {
    const r = await chokepoint([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Usage: chokepoint ${command.join(' ')}`);
  });

  it('exits 2 on an unknown flag, naming it on stderr', async () => {
    const r = await chokepoint(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--destination', 'US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--destination'");
    expect(r.stdout).toBe('');
  });

  it('exits 2 on a bad value, naming the flag', async () => {
    const r = await chokepoint(['assess', '--id', 'gallium/metal', '--from', 'China', '--to', 'US']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--from: expected an ISO 3166-1 alpha-2 country code');
  });

  it('assesses one transfer: JSON with --json, a report without', async () => {
    const json = await chokepoint(['assess', '--cn-code', '8112929010', '--from', 'CN', '--to', 'US', '--date', '2025-01-15', '--jurisdiction', 'TEST', '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ verdict: 'prohibited', date: '2025-01-15', item: { resolved: ['gallium/metal'] } });
    const text = await chokepoint(['assess', '--cn-code', '8112929010', '--from', 'CN', '--to', 'US', '--date', '2025-01-15', '--jurisdiction', 'TEST']);
    expect(text.stdout).toContain('VERDICT: prohibited');
    expect(text.stdout).toContain('Decision support, not legal advice');
  });

  it('runs a batch from stdin (-): a bad line in the middle keeps order and gives exit 1', async () => {
    const input = [request('first', 'US'), '{oops', request('third', 'DE'), ''].join('\n');
    const r = await chokepoint(['assess', '--input', '-'], { stdin: input });
    expect(r.code).toBe(1);
    const lines = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({ id: 'first', verdict: 'prohibited' });
    expect(lines[1]).toMatchObject({ id: null, line: 2, error: { code: 'invalid_json' } });
    expect(lines[2]).toMatchObject({ id: 'third', verdict: 'license_required' });
    expect(r.stderr).toContain('1 of 3 lines failed');
    expect(r.stderr).not.toMatch(/lines\/s/);
  });

  it('echoes each line\'s id as given: a number stays a number, on an answer and on an error line', async () => {
    const line = (id: unknown, to: string) => JSON.stringify({ ...JSON.parse(request('x', to)), id });
    const r = await chokepoint(['assess', '--input', '-'], { stdin: `${line(7, 'US')}\n${line(8, 'nowhere')}\n${line('9', 'JP')}\n` });
    expect(r.code).toBe(1);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual([7, 8, '9']);
  });

  it('exits 0 for a clean batch', async () => {
    const r = await chokepoint(['assess', '--input', '-'], { stdin: `${request('a', 'US')}\n${request('b', 'JP')}\n` });
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    expect(r.stderr).toMatch(/^chokepoint: 2 lines: [^;]+; 0 failed\n$/);
  });

  it('reads a CSV file and writes NDJSON to --output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-cli-'));
    await writeFile(join(dir, 'in.csv'), 'id,cnCode,from,to,date,jurisdictions\nc1,8112929010,CN,US,2025-01-15,TEST\nc2,8112929010,CN,ZZ,2025-01-15,TEST\nc3,8112929010,CN,DE,2025-01-15,TEST\n');
    const r = await chokepoint(['assess', '--input', 'in.csv', '--output', 'out.ndjson'], { cwd: dir });
    expect(r.code).toBe(1);
    const lines = (await readFile(join(dir, 'out.ndjson'), 'utf8')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => [l.id, l.verdict ?? l.error.errors[0].path])).toEqual([['c1', 'prohibited'], ['c2', 'to'], ['c3', 'license_required']]);
    expect(lines[1].line).toBe(3);
  });

  it('taxonomy show: the node as JSON; an unknown ID exits 2 (an invalid value) with suggestions', async () => {
    const ok = await chokepoint(['taxonomy', 'show', 'germanium/metal', '--json']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ id: 'germanium/metal', kind: 'material', parents: ['germanium'] });
    const unknown = await chokepoint(['taxonomy', 'show', 'germanum/metal']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('did you mean: germanium/metal');
  });

  it('taxonomy knows Japan\'s control codes: search by "JP 2(24)", show them on the node', async () => {
    const found = await chokepoint(['taxonomy', 'search', 'JP 2(24)', '--json']);
    expect(found.code).toBe(0);
    expect(JSON.parse(found.stdout).nodes[0]).toMatchObject({ id: 'lithium/lithium-6-enriched', matchedBy: 'codes.JP' });
    const shown = await chokepoint(['taxonomy', 'show', 'graphite/artificial']);
    expect(shown.stdout).toContain('JP control codes (subject to that regime\'s specifications): 2(4), 4(15).2');
  });

  it('measures and changes print JSON arrays', async () => {
    const measures = await chokepoint(['measures', '--jurisdiction', 'TEST', '--as-of', '2025-01-01', '--json']);
    expect(measures.code).toBe(0);
    expect(JSON.parse(measures.stdout).map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['test-gallium-licensing', 'in_force'],
      ['test-us-ban', 'in_force'],
    ]);
    const changes = await chokepoint(['changes', '--from', '2025-11-01', '--to', '2025-11-30', '--jurisdiction', 'TEST', '--json']);
    expect(JSON.parse(changes.stdout)).toEqual([
      expect.objectContaining({ date: '2025-11-09', jurisdiction: 'TEST', measure: 'test-us-ban', event: 'suspended' }),
    ]);
  });

  it('fails loudly when CHOKEPOINT_PLUGINS names a module that does not exist', async () => {
    const r = await chokepoint(['measures'], { env: { CHOKEPOINT_PLUGINS: './no-such-plugin.mjs' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('could not load plugin ./no-such-plugin.mjs');
  });

  // The CLI as `npm install -g @chokepoint/cli` alone leaves it: its dist/ and package.json in a folder
  // whose node_modules holds its own dependencies (this package's, linked) but not @chokepoint/server,
  // outside the workspace so that nothing above it has the server either.
  it('serve exits 1 naming the package to install when @chokepoint/server is found neither beside the CLI nor in cwd', async () => {
    const prefix = await mkdtemp(join(tmpdir(), 'chokepoint-cli-alone-'));
    try {
      await cp(fileURLToPath(new URL('../dist', import.meta.url)), join(prefix, 'cli', 'dist'), { recursive: true });
      await cp(fileURLToPath(new URL('../package.json', import.meta.url)), join(prefix, 'cli', 'package.json'));
      await symlink(fileURLToPath(new URL('../node_modules', import.meta.url)), join(prefix, 'cli', 'node_modules'), 'dir');
      const project = await mkdtemp(join(tmpdir(), 'chokepoint-project-'));
      const r = await new Promise<Run>((resolve) => {
        execFile(process.execPath, [join(prefix, 'cli', 'dist', 'bin.js'), 'serve', '--port', '0'], { cwd: project, env: { ...shellEnv, CHOKEPOINT_PLUGINS: '' }, timeout: 30_000 },
          (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }));
      });
      await rm(project, { recursive: true, force: true });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain('serve needs @chokepoint/server, which is not installed; install it with `npm install -g @chokepoint/server`');
    } finally {
      await rm(prefix, { recursive: true, force: true });
    }
  });

  it('serve exits 2 for a bad --port', async () => {
    const r = await chokepoint(['serve', '--port', 'eighty']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("option '--port <n>' argument 'eighty' is invalid");
  });
});
