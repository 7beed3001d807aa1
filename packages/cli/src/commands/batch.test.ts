import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from '../test-support/run.js';

const good = (id: string, to = 'US') => JSON.stringify({ id, item: { id: 'gallium/metal' }, from: 'CN', to, date: '2025-01-15' });

function parseLines(text: string): Record<string, unknown>[] {
  return text.trimEnd().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe('assess --input (batch)', { timeout: 30_000 }, () => {
  it('answers line for line from stdin, in order, with ids echoed', async () => {
    const input = [good('a'), good('b', 'DE'), JSON.stringify({ item: { id: 'gallium/metal' }, from: 'CN', to: 'JP', date: '2025-01-15' })].join('\n');
    const r = await runInProcess(['assess', '--input', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(0);
    const out = parseLines(r.stdout);
    expect(out.map((o) => [o.id, o.verdict])).toEqual([['a', 'prohibited'], ['b', 'license_required'], [undefined, 'license_required']]);
    expect(r.stderr).toBe('chokepoint: 3 lines: 1 prohibited, 2 license_required; 0 failed\n');
  });

  it('--compact writes only the decision; --fields only the paths asked for, same answers as the full lines', async () => {
    const input = `${[good('a'), good('b', 'DE')].join('\n')}\n`;
    const full = parseLines((await runInProcess(['assess', '--input', '-'], { stdin: input })).stdout);
    const compact = parseLines((await runInProcess(['assess', '--input', '-', '--compact'], { stdin: input })).stdout);
    expect(compact.map((o) => Object.keys(o))).toEqual([['id', 'verdict', 'date', 'jurisdictions', 'questions', 'warnings'], ['id', 'verdict', 'date', 'jurisdictions', 'questions', 'warnings']]);
    expect(compact.map((o) => [o.id, o.verdict])).toEqual(full.map((o) => [o.id, o.verdict]));
    const cn = (o: Record<string, unknown>) => (o.jurisdictions as Record<string, unknown>[])[0]!;
    expect(cn(compact[0]!)).toEqual({ jurisdiction: cn(full[0]!).jurisdiction, reaches: cn(full[0]!).reaches, verdict: cn(full[0]!).verdict, ...(cn(full[0]!).licensePolicy ? { licensePolicy: cn(full[0]!).licensePolicy } : {}) });
    const fields = parseLines((await runInProcess(['assess', '--input', '-', '--fields', 'id,jurisdictions.verdict'], { stdin: input })).stdout);
    expect(fields[1]).toEqual({ id: 'b', jurisdictions: (full[1]!.jurisdictions as { verdict: string }[]).map((j) => ({ verdict: j.verdict })) });
    expect(JSON.stringify(compact).length).toBeLessThan(JSON.stringify(full).length / 3);
  });

  it('--fields and --compact are refused together, empty, or without --input', async () => {
    expect((await runInProcess(['assess', '--input', '-', '--compact', '--fields', 'verdict'], { stdin: good('a') })).stderr).toContain('--compact');
    expect((await runInProcess(['assess', '--input', '-', '--fields', 'a..b'], { stdin: good('a') })).stderr).toContain('empty segment');
    expect((await runInProcess(['assess', '--id', 'gallium/metal', '--from', 'CN', '--to', 'US', '--compact'])).stderr).toContain('only with --input');
  });

  it('turns bad lines into error lines with their line number, keeps going and exits 1', async () => {
    const input = [good('a'), '{"id":"broken",', '', JSON.stringify({ id: 'c', item: { hs: '12' }, from: 'CN', to: 'US' }), good('d')].join('\n');
    const r = await runInProcess(['assess', '--input', '-'], { stdin: input });
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatchObject({ id: 'a', verdict: 'prohibited' });
    expect(out[1]).toMatchObject({ id: null, line: 2, error: { code: 'invalid_json' } });
    expect(out[2]).toMatchObject({ id: 'c', line: 4, error: { code: 'invalid_request', errors: [{ path: 'item.hs' }] } });
    expect(out[3]).toMatchObject({ id: 'd', verdict: 'prohibited' });
    expect(r.stderr).toContain('2 of 4 lines failed');
  });

  it('a line with a bad id is refused naming id and changes no other line\'s answer to the same question (#10.2)', async () => {
    const question = { item: { id: 'gallium/metal' }, from: 'CN', to: 'US', date: '2025-01-15' };
    const badIds: unknown[] = [{ a: 1 }, { toString: 1 }, [1], true];
    const input = [good('first'), ...badIds.flatMap((id, i) => [JSON.stringify({ ...question, id }), good(`after${i}`)])].join('\n');
    const r = await runInProcess(['assess', '--input', '-'], { stdin: `${input}\n` });
    expect(r.code).toBe(1);
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(1 + 2 * badIds.length);
    expect(out[0]).toMatchObject({ id: 'first', verdict: 'prohibited' });
    badIds.forEach((_, i) => {
      expect(out[1 + 2 * i], `line ${2 + 2 * i}`).toMatchObject({ line: 2 + 2 * i, error: { code: 'invalid_request', errors: [{ path: 'id' }] } });
      expect(out[2 + 2 * i], `line ${3 + 2 * i}`).toMatchObject({ id: `after${i}`, verdict: 'prohibited' });
    });
  });

  it('reads a CSV file and writes to --output', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-cli-'));
    await writeFile(
      join(dir, 'requests.csv'),
      'id,item.id,from,to,date,param.purity\nr1,germanium/metal,CN,DE,2025-03-01,0.99999\nr2,germanium/metal,CN,DE,2025-03-01,\nr3,germanium/metal,CN,DE,2025-03-01,lots\n',
    );
    const r = await runInProcess(['assess', '--input', 'requests.csv', '--output', 'answers.ndjson'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const out = parseLines(await readFile(join(dir, 'answers.ndjson'), 'utf8'));
    expect(out.map((o) => o.id)).toEqual(['r1', 'r2', 'r3']);
    expect(out[0]).toMatchObject({ verdict: 'license_required' });
    expect(out[1]).toMatchObject({ verdict: 'needs_information', questions: [{ parameter: 'purity' }] });
    expect(out[2]).toMatchObject({ line: 4, error: { errors: [{ path: 'item.parameters.purity' }] } });
  });

  it('exits 2 when the input cannot be read or a CSV column is unknown', async () => {
    const missing = await runInProcess(['assess', '--input', 'does-not-exist.ndjson']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--input: cannot read "does-not-exist.ndjson"');
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-cli-'));
    await writeFile(join(dir, 'bad.csv'), 'id,destination\n1,US\n');
    const bad = await runInProcess(['assess', '--input', 'bad.csv'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('CSV column 2 "destination" is not a request field');
  });

  it('refuses to write the answers over the input', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chokepoint-cli-'));
    await writeFile(join(dir, 'same.ndjson'), `${good('a')}\n`);
    const r = await runInProcess(['assess', '--input', 'same.ndjson', '--output', './same.ndjson'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--output: is the same file as --input');
    expect(await readFile(join(dir, 'same.ndjson'), 'utf8')).toBe(`${good('a')}\n`);
  });

  it('streams a large batch without losing or reordering lines', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) => (i % 997 === 0 ? 'garbage' : good(`n${i}`, i % 2 ? 'US' : 'DE')));
    const r = await runInProcess(['assess', '--input', '-'], { stdin: lines.join('\n') });
    const out = parseLines(r.stdout);
    expect(out).toHaveLength(5000);
    out.forEach((o, i) => {
      if (i % 997 === 0) expect(o).toMatchObject({ line: i + 1, error: { code: 'invalid_json' } });
      else expect(o.id).toBe(`n${i}`);
    });
    expect(r.code).toBe(1);
  });
});
