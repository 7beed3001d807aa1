// The plugin's data files, imported as JSON modules so that bundlers (esbuild, webpack, Vite) include
// them and nothing reads files beside the module at run time. A new data file needs one import and
// one entry in FILES.
import annexI20252003 from '../data/annex-i-2025-2003.json' with { type: 'json' };
import annexI428 from '../data/annex-i-428.json' with { type: 'json' };
import annexIDomain from '../data/annex-i-domain.json' with { type: 'json' };
import annexIMeasures from '../data/annex-i-measures.json' with { type: 'json' };
import annexIVersions from '../data/annex-i-versions.json' with { type: 'json' };
import annexIv from '../data/annex-iv.json' with { type: 'json' };
import armsEmbargoes from '../data/arms-embargoes.json' with { type: 'json' };
import broadItems from '../data/broad-items.json' with { type: 'json' };
import domainLinks from '../data/domain-links.json' with { type: 'json' };
import measures from '../data/measures.json' with { type: 'json' };
import noRussiaClause from '../data/no-russia-clause.json' with { type: 'json' };
import pendingActs from '../data/pending-acts.json' with { type: 'json' };
import sanctionsLists from '../data/sanctions-lists.json' with { type: 'json' };
import ugeas from '../data/ugeas.json' with { type: 'json' };

const FILES: Record<string, unknown> = {
  'annex-i-2025-2003.json': annexI20252003,
  'annex-i-428.json': annexI428,
  'annex-i-domain.json': annexIDomain,
  'annex-i-measures.json': annexIMeasures,
  'annex-i-versions.json': annexIVersions,
  'annex-iv.json': annexIv,
  'arms-embargoes.json': armsEmbargoes,
  'broad-items.json': broadItems,
  'domain-links.json': domainLinks,
  'measures.json': measures,
  'no-russia-clause.json': noRussiaClause,
  'pending-acts.json': pendingActs,
  'sanctions-lists.json': sanctionsLists,
  'ugeas.json': ugeas,
};

/** One of the plugin's JSON data files (shipped in `data/`), by file name. */
export function readData<T>(name: string): T {
  if (!(name in FILES)) throw new Error(`data file ${name} is not imported in data-files.ts`);
  return FILES[name] as T;
}
