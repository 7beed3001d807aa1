// Copies the built web application (@chokepoint/web's dist) into this package's dist/web, so that the
// server serves it from its own files, in the workspace and when installed from a tarball alike.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const here = new URL('..', import.meta.url).pathname;
const webPackage = createRequire(join(here, 'package.json')).resolve('@chokepoint/web/package.json');
const built = join(dirname(webPackage), 'dist');
if (!existsSync(join(built, 'index.html'))) {
  console.error(`copy-web: ${built}/index.html is missing; build @chokepoint/web first (pnpm build does).`);
  process.exit(1);
}
const target = join(here, 'dist', 'web');
rmSync(target, { recursive: true, force: true });
cpSync(built, target, { recursive: true });
