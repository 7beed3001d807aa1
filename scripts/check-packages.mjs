// Packs every publishable package as pnpm would publish it, then runs publint and
// `attw --profile esm-only` on the tarball, so what users install is what we checked.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const out = join(root, '.pack');
rmSync(out, { recursive: true, force: true });
mkdirSync(out);
const bin = (name) => join(root, 'node_modules', '.bin', name);
let failed = 0;
for (const dir of readdirSync(join(root, 'packages'))) {
  const pkgDir = join(root, 'packages', dir);
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
}
rmSync(out, { recursive: true, force: true });
if (failed) {
  console.error(`${failed} package check(s) failed`);
  process.exit(1);
}
