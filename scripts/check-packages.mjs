// Packs every publishable package as pnpm would publish it, then runs publint and
// `attw --profile esm-only` on the tarball, and checks that every source map in the tarball points
// at files inside it, so what users install is what we checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;

/** Source-map `sources` that do not resolve to a file of the unpacked tarball. */
function danglingSources(tarball) {
  const dir = `${tarball}.d`;
  mkdirSync(dir);
  execFileSync('tar', ['-xzf', tarball, '-C', dir]);
  const pkgDir = join(dir, 'package');
  const maps = readdirSync(pkgDir, { recursive: true }).filter((f) => f.endsWith('.map'));
  const missing = [];
  for (const map of maps) {
    const { sources = [] } = JSON.parse(readFileSync(join(pkgDir, map), 'utf8'));
    for (const source of sources) if (!existsSync(join(pkgDir, dirname(map), source))) missing.push(`${map} → ${source}`);
  }
  return { maps: maps.length, missing };
}

const dirs = ['packages', 'apps'].flatMap((top) => readdirSync(join(root, top)).map((d) => join(root, top, d)));
for (const pkgDir of dirs) {
  if (!existsSync(join(pkgDir, 'package.json'))) continue;
  const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
  if (pkg.private) continue;
  execFileSync('pnpm', ['pack', '--pack-destination', out], { cwd: pkgDir, stdio: 'ignore' });
  const tarball = join(out, `${pkg.name.replace('@', '').replace('/', '-')}-${pkg.version}.tgz`);
  for (const [tool, args] of [['publint', [tarball, '--strict']], ['attw', ['--profile', 'esm-only', '--format', 'ascii', tarball]]]) {
    try {
      execFileSync(bin(tool), args, { stdio: 'pipe' });
      console.log(`ok   ${tool} ${pkg.name}`);
    } catch (err) {
      failed++;
      console.error(`FAIL ${tool} ${pkg.name}\n${err.stdout ?? ''}${err.stderr ?? ''}`);
    }
  }
  const { maps, missing } = danglingSources(tarball);
  if (missing.length) {
    failed++;
    console.error(`FAIL source maps ${pkg.name}: ${missing.length} sources not in the tarball, e.g.\n  ${missing.slice(0, 5).join('\n  ')}`);
  } else console.log(`ok   source maps ${pkg.name} (${maps} maps)`);
}
rmSync(out, { recursive: true, force: true });
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
