import { conditionParameters, evaluateCondition, type Condition, type CountryCode, type EvaluationContext, type Question, type Source } from '@chokepoint/core';
import { eccnHead } from './ccl.js';
import type { CclReason } from './ccl.js';
import { readData } from './data-files.js';
import { earCountry } from './groups.js';

/** Request facts that settle a carve-out parameter without asking (see `derive` in data/reason-carve-outs.json). */
interface Derivation {
  endUse?: string[];
  endUserType?: string[];
  /** The transfer is an export from the United States (not a reexport). */
  fromUs?: boolean;
}

interface FactRecord {
  meaning: string;
  derive?: Record<string, Derivation>;
}

/** One note that takes items out of (or into) a reason for control by a fact (see `data/reason-carve-outs.json`). */
interface CarveOutRule {
  id: string;
  /** The ECCN the note belongs to; or `scopeCites`, a part 742 paragraph the reason's scope cites. */
  eccn?: string;
  scopeCites?: string;
  reason: CclReason['reason'];
  column: CclReason['column'];
  /** Paragraphs of the ECCN the note touches; null: the whole entry. */
  paragraphs: string[] | null;
  onlyTo?: CountryCode[];
  /** The first day the note is in the text (absent: as old as the data). */
  from?: string;
  /** When the reason applies; false means the note takes the item out. */
  appliesWhen: Condition;
  note: string;
  section: string;
  confidence: 'high' | 'medium' | 'low';
}

interface CarveOutFile {
  sources: Source[];
  facts: Record<string, FactRecord>;
  rules: CarveOutRule[];
}

const file = readData<CarveOutFile>('reason-carve-outs.json');

/** The sources of the carve-out notes. */
export const CARVE_OUT_SOURCES: Source[] = file.sources;

/** What a carve-out note says about one requirement: it applies, the note takes the item out, or a fact is missing. */
export type CarveOut =
  | { kind: 'applies'; note?: string }
  | { kind: 'excepted'; note: string; section: string }
  | { kind: 'ask'; questions: Question[] };

/** `yes` when the code is one of the paragraphs or inside one, `maybe` when the code is broader, `no` otherwise. */
function paragraphFit(code: string, paragraphs: string[] | null): 'yes' | 'maybe' | 'no' {
  if (paragraphs === null) return 'yes';
  const head = eccnHead(code);
  const own = code.length > head.length ? code.slice(head.length + 1) : '';
  if (!own) return 'maybe';
  if (paragraphs.some((p) => own === p || own.startsWith(`${p}.`))) return 'yes';
  if (paragraphs.some((p) => p.startsWith(`${own}.`))) return 'maybe';
  return 'no';
}

/** The rules by reason and column (every request reads a few reasons; the file holds many rules). */
const RULES_BY_REASON = new Map<string, CarveOutRule[]>();
for (const r of file.rules) {
  const key = `${r.reason}\u0000${r.column}`;
  const list = RULES_BY_REASON.get(key);
  if (list) list.push(r);
  else RULES_BY_REASON.set(key, [r]);
}

/** The rules that qualify this reason of this code for this destination. */
function rulesFor(code: string, reason: CclReason, dest: CountryCode, date: string): CarveOutRule[] {
  const head = eccnHead(code);
  return (RULES_BY_REASON.get(`${reason.reason}\u0000${reason.column}`) ?? []).filter((r) => (r.from === undefined || date >= r.from)
    && (r.eccn ? r.eccn === head : r.scopeCites !== undefined && (reason.scope ?? '').includes(r.scopeCites))
    && (!r.onlyTo || r.onlyTo.includes(earCountry(dest))));
}

/** The facts that requests settle otherwise, with each value's test, read once from the file. */
const DERIVED_FACTS = Object.entries(file.facts).flatMap(([name, fact]) => (fact.derive ? [{ name, values: Object.entries(fact.derive) }] : []));

/** The request's parameters, with carve-out facts the request settles otherwise (end use, end-user type, route) filled in. */
export function factsOf(ctx: EvaluationContext): Record<string, number> {
  const given = { ...(ctx.request.item.parameters ?? {}) };
  const { request } = ctx;
  for (const { name, values } of DERIVED_FACTS) {
    if (given[name] !== undefined) continue;
    for (const [value, when] of values) {
      const byUse = when.endUse?.includes(request.endUse) ?? false;
      const byUser = request.endUser?.type !== undefined && (when.endUserType?.includes(request.endUser.type) ?? false);
      const byRoute = when.fromUs === true && request.from === 'US';
      if (byUse || byUser || byRoute) given[name] = Number(value);
    }
  }
  return given;
}

function question(name: string, rule: CarveOutRule, code: string): Question {
  const meaning = file.facts[name]?.meaning ?? name;
  return { parameter: name, prompt: `${code}: ${rule.note} (15 CFR ${rule.section}). Give item.parameters["${name}"]: ${meaning}.` };
}

/**
 * Whether a reason for control reaches the requested code once the notes that carve items out of it are read
 * (e.g. 3A001.b.2/b.3 NS1 and RS1 except for civil telecommunications use; 6A003.b.4.b RS1/RS2 by frame rate,
 * array size and embedding; 0A919 RS1 except A:1 military deployments). A note that turns on a fact the request
 * does not give becomes a question rather than a licence requirement.
 */
export function carveOut(ctx: EvaluationContext, code: string, reason: CclReason, dest: CountryCode): CarveOut {
  const notes: string[] = [];
  let facts: Record<string, number> | undefined;
  for (const rule of rulesFor(code, reason, dest, ctx.request.date)) {
    const fit = paragraphFit(code, rule.paragraphs);
    if (fit === 'no') continue;
    const result = evaluateCondition(rule.appliesWhen, (facts ??= factsOf(ctx)), ctx.composition);
    if (result.value === false) {
      if (fit === 'yes') return { kind: 'excepted', note: rule.note, section: rule.section };
      continue;
    }
    if (result.value === 'unknown') {
      const missing = result.missing.length ? result.missing : conditionParameters(rule.appliesWhen);
      const questions = missing.map((name) => question(name, rule, code));
      if (fit === 'maybe') questions.push({ parameter: 'item.eccn', prompt: `${code}: ${rule.note} Give the paragraph in item.eccn.` });
      return { kind: 'ask', questions };
    }
    notes.push(rule.note);
  }
  return notes.length ? { kind: 'applies', note: notes.join(' ') } : { kind: 'applies' };
}
