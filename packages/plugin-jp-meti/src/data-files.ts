// The plugin's data files, imported as JSON modules so that bundlers (esbuild, webpack, Vite) include
// them and nothing reads files beside the module at run time (as in the other official plugins). A new
// data file needs one import and one entry in FILES.
import appendedTable1 from '../data/appended-table-1.json' with { type: 'json' };
import countryTables from '../data/country-tables.json' with { type: 'json' };
import endUserList from '../data/end-user-list.json' with { type: 'json' };
import measures from '../data/measures.json' with { type: 'json' };
import membershipNotes from '../data/membership-notes.json' with { type: 'json' };
import row16 from '../data/row-16.json' with { type: 'json' };
import smallValue from '../data/small-value-exception.json' with { type: 'json' };

const FILES: Record<string, unknown> = {
  'appended-table-1.json': appendedTable1,
  'country-tables.json': countryTables,
  'end-user-list.json': endUserList,
  'measures.json': measures,
  'membership-notes.json': membershipNotes,
  'row-16.json': row16,
  'small-value-exception.json': smallValue,
};

/** One of the plugin's JSON data files (shipped in `data/`), by file name. */
export function readData<T>(name: string): T {
  if (!(name in FILES)) throw new Error(`data file ${name} is not imported in data-files.ts`);
  return FILES[name] as T;
}
