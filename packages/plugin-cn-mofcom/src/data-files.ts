// The plugin's data files, imported as JSON modules so that bundlers (esbuild, webpack, Vite) include
// them and nothing reads files beside the module at run time. A new data file needs one import and
// one entry in FILES.
import advisories from '../data/advisories.json' with { type: 'json' };
import catalogue2026Export from '../data/catalogue-2026-export.json' with { type: 'json' };
import entries from '../data/entries.json' with { type: 'json' };
import measures from '../data/measures.json' with { type: 'json' };
import parties from '../data/parties.json' with { type: 'json' };

const FILES: Record<string, unknown> = {
  'advisories.json': advisories,
  'catalogue-2026-export.json': catalogue2026Export,
  'entries.json': entries,
  'measures.json': measures,
  'parties.json': parties,
};

/** One of the plugin's JSON data files (shipped in `data/`), by file name. */
export function readData<T>(name: string): T {
  if (!(name in FILES)) throw new Error(`data file ${name} is not imported in data-files.ts`);
  return FILES[name] as T;
}
