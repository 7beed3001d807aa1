import type { EvaluationContext, Warning } from '@chokepoint/core';
import { readData } from './data-files.js';
import { customsCodes } from './sanctions.js';

interface NoRussiaClause {
  measure: string;
  legacyContracts: { concludedBefore: string; until: string };
  annexXl: { codes: string[] };
  partnerCountries: { countries: string[] };
}

const DATA = readData<NoRussiaClause>('no-russia-clause.json');
const PARTNERS = new Set(DATA.partnerCountries.countries);
/** Annex XL's codes by text, each with its place in the annex, and the lengths they come in: a code's listed prefixes are a few lookups. */
const ANNEX_XL = new Map(DATA.annexXl.codes.map((x, i) => [x, i] as const).reverse());
const ANNEX_XL_LENGTHS = [...new Set(DATA.annexXl.codes.map((x) => x.length))].sort((a, b) => a - b);

/** The first code of Annex XL (in the annex's order) that `code` starts with. */
function listedPrefix(code: string): string | undefined {
  let best: number | undefined;
  for (const n of ANNEX_XL_LENGTHS) {
    if (n > code.length) break;
    const at = ANNEX_XL.get(code.slice(0, n));
    if (at !== undefined && (best === undefined || at < best)) best = at;
  }
  return best === undefined ? undefined : DATA.annexXl.codes[best];
}

/** The Art. 12g measure, cited by the hook. */
export const NO_RUSSIA_CLAUSE_MEASURE = DATA.measure;

function cn(code: string): string {
  return code.length <= 4 ? code : `${code.slice(0, 4)} ${code.slice(4).replace(/(\d{2})(?=\d)/g, '$1 ')}`;
}

/**
 * Art. 12g of Regulation 833/2014 (from 20 March 2024): a common high priority item of Annex XL exported to a
 * third country other than a partner country of Annex VIII needs a contractual clause forbidding re-export to
 * Russia. A contractual duty, not a licence: a warning, never a verdict. Exports that reach Russia or Belarus
 * themselves are banned by the annexes and are not warned about here.
 */
export function noRussiaClauseWarning(ctx: EvaluationContext, reachesSanctioned: boolean): Warning | undefined {
  if (reachesSanctioned || PARTNERS.has(ctx.request.to) || ctx.statusOf(DATA.measure) !== 'in_force') return undefined;
  const { codes } = customsCodes(ctx);
  let hit: { c: string; listed: string } | undefined;
  for (const c of codes) {
    const listed = listedPrefix(c);
    if (listed !== undefined) {
      hit = { c, listed };
      break;
    }
  }
  if (!hit) return undefined;
  const legacy = ctx.request.date <= DATA.legacyContracts.until
    ? ` A contract concluded before ${DATA.legacyContracts.concludedBefore} is exempt until ${DATA.legacyContracts.until} or its expiry, whichever is earlier (Art. 12g(2)).`
    : '';
  return {
    code: 'no_russia_clause',
    message: `CN ${cn(hit.listed)} is a common high priority item of Annex XL to Regulation 833/2014. Since 20 March 2024 (Art. 12g, inserted by Regulation 2023/2878) an export of it to ${ctx.request.to}, which is not a partner country of Annex VIII, must come with a contract that forbids re-export to Russia and for use in Russia, with adequate remedies for a breach; a breach must be reported to the competent authority.${legacy} Only Annex XL as added by Regulation 2023/2878 is checked (not its later amendments, nor Annexes XI, XX and XXXV).`,
    measure: DATA.measure,
  };
}
