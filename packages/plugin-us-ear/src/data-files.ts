// The plugin's data files, imported as JSON modules so that bundlers (esbuild, webpack, Vite) include
// them and nothing reads files beside the module at run time. A new data file needs one import and
// one entry in FILES.
import advisories from '../data/advisories.json' with { type: 'json' };
import cclDomain from '../data/ccl-domain.json' with { type: 'json' };
import ccl from '../data/ccl.json' with { type: 'json' };
import countryChart from '../data/country-chart.json' with { type: 'json' };
import countryGroups from '../data/country-groups.json' with { type: 'json' };
import entityList from '../data/entity-list.json' with { type: 'json' };
import dplBis from '../data/dpl-bis.json' with { type: 'json' };
import entityListEcfr from '../data/entity-list-ecfr.json' with { type: 'json' };
import exceptionScopes from '../data/exception-scopes.json' with { type: 'json' };
import fdpRules from '../data/fdp-rules.json' with { type: 'json' };
import licenceExceptionBars from '../data/licence-exception-bars.json' with { type: 'json' };
import meuListEcfr from '../data/meu-list-ecfr.json' with { type: 'json' };
import meuSupplement2 from '../data/meu-supplement-2.json' with { type: 'json' };
import part746Hts from '../data/part-746-hts.json' with { type: 'json' };
import part746Supp3 from '../data/part-746-supp3.json' with { type: 'json' };
import part746Supp6 from '../data/part-746-supp6.json' with { type: 'json' };
import reasonCarveOuts from '../data/reason-carve-outs.json' with { type: 'json' };
import unIraq from '../data/un-iraq.json' with { type: 'json' };
import unverifiedListEcfr from '../data/unverified-list-ecfr.json' with { type: 'json' };

const FILES: Record<string, unknown> = {
  'advisories.json': advisories,
  'ccl-domain.json': cclDomain,
  'ccl.json': ccl,
  'country-chart.json': countryChart,
  'country-groups.json': countryGroups,
  'entity-list.json': entityList,
  'entity-list-ecfr.json': entityListEcfr,
  'dpl-bis.json': dplBis,
  'exception-scopes.json': exceptionScopes,
  'fdp-rules.json': fdpRules,
  'licence-exception-bars.json': licenceExceptionBars,
  'meu-list-ecfr.json': meuListEcfr,
  'meu-supplement-2.json': meuSupplement2,
  'part-746-hts.json': part746Hts,
  'part-746-supp3.json': part746Supp3,
  'part-746-supp6.json': part746Supp6,
  'reason-carve-outs.json': reasonCarveOuts,
  'un-iraq.json': unIraq,
  'unverified-list-ecfr.json': unverifiedListEcfr,
};

/** One of the plugin's JSON data files (shipped in `data/`), by file name. */
export function readData<T>(name: string): T {
  if (!(name in FILES)) throw new Error(`data file ${name} is not imported in data-files.ts`);
  return FILES[name] as T;
}
