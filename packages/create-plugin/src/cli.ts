import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaffoldPlugin } from './scaffold.js';

const USAGE = `usage: npm init @chokepoint/plugin NAME [-- --jurisdiction XX --dir FOLDER]

Writes a jurisdiction plugin into FOLDER (default: NAME without its scope): one measure, one entry,
their case table and the measure's doc page. NAME is an npm package name (@acme/plugin-xx);
--jurisdiction is the regime's upper-case code (default: from NAME, plugin-xx gives XX).
`;

/** Where {@link runCreatePlugin} writes and from where it resolves folders. */
export interface CreatePluginIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
}

/**
 * `npm init @chokepoint/plugin NAME`: scaffolds the plugin and returns the exit code: 0 written (or
 * help shown), 1 the scaffold refused (a bad name or code, a folder that is not empty), 2 a usage error.
 */
export function runCreatePlugin(argv: string[], io: CreatePluginIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (err) {
    io.stderr.write(`create-plugin: ${err instanceof Error ? err.message.split('. ')[0] : String(err)}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout.write(USAGE);
    return 0;
  }
  const name = positionals[0];
  if (!name || positionals.length > 1) {
    io.stderr.write(`create-plugin: ${name ? `one NAME expected, got ${positionals.join(' ')}` : 'NAME is missing'}\n${USAGE}`);
    return 2;
  }
  try {
    const dir = resolve(io.cwd, values.dir ?? name.replace(/^@[^/]+\//, ''));
    const written = scaffoldPlugin({ name, dir, ...(values.jurisdiction ? { jurisdiction: values.jurisdiction } : {}) });
    io.stdout.write(`wrote ${written.length} files in ${dir}\nnext: cd ${dir} && npm install && npm test\n`);
    return 0;
  } catch (err) {
    io.stderr.write(`create-plugin: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { jurisdiction: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}
