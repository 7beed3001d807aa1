import { isElementShare, unstatedShareAtMost, type Composition } from './composition.js';
import type { Condition, ParameterCondition } from './types.js';

/** Result of evaluating a condition: `true`, `false`, or `unknown` with the parameters that would decide it. Shared between evaluations: read it, do not change it. */
export type ConditionResult = { value: true } | { value: false } | { value: 'unknown'; missing: string[] };

const TRUE: ConditionResult = { value: true };
const FALSE: ConditionResult = { value: false };

function isParameterCondition(c: Condition): c is ParameterCondition {
  return (c as ParameterCondition).param !== undefined;
}

/** Compares a parameter value with a threshold under one of the condition operators. */
export function compareParameter(actual: number, op: ParameterCondition['op'], value: number): boolean {
  switch (op) {
    case '>': return actual > value;
    case '>=': return actual >= value;
    case '<': return actual < value;
    case '<=': return actual <= value;
    case '==': return actual === value;
  }
}

/** A condition tree turned into one function per node (see {@link evaluateCondition}). */
type Evaluator = (parameters: Readonly<Record<string, number>> | undefined, composition: Composition | undefined) => ConditionResult;

/** Conditions are plugin data: each is compiled on first use and kept with it. */
const compiled = new WeakMap<Condition, Evaluator>();

/**
 * Evaluates a condition tree against the request's parameters with three-valued logic: a missing
 * parameter is unknown, and unknown only survives when it could change the outcome
 * (`all` with a false branch is false; `any` with a true branch is true).
 *
 * The tree is compiled once into closures that hold each node's operator, threshold and branches: walking
 * the data instead met dozens of object shapes at each property read, on every request.
 */
export function evaluateCondition(condition: Condition, parameters: Readonly<Record<string, number>> | undefined, composition?: Composition): ConditionResult {
  let evaluate = compiled.get(condition);
  if (!evaluate) compiled.set(condition, (evaluate = compileCondition(condition)));
  return evaluate(parameters, composition);
}

function compileCondition(condition: Condition): Evaluator {
  if (isParameterCondition(condition)) {
    const { param, op, value } = condition;
    // One unknown result per condition, shared by every evaluation (results are read, never changed).
    const unknown: ConditionResult = { value: 'unknown', missing: [param] };
    return (parameters, composition) => {
      const actual = parameters?.[param];
      if (actual === undefined) return fromComposition(condition, composition, unknown);
      return compareParameter(actual, op, value) ? TRUE : FALSE;
    };
  }
  if ('not' in condition) {
    const inner = compileCondition(condition.not);
    return (parameters, composition) => {
      const r = inner(parameters, composition);
      if (r.value === 'unknown') return r;
      return r.value ? FALSE : TRUE;
    };
  }
  const isAll = 'all' in condition;
  const branches = (isAll ? condition.all : condition.any).map(compileCondition);
  return (parameters, composition) => {
    let missing: string[] | undefined;
    for (let i = 0; i < branches.length; i++) {
      const r = branches[i]!(parameters, composition);
      if (r.value === 'unknown') {
        missing ??= [];
        for (const m of r.missing) if (!missing.includes(m)) missing.push(m);
      } else if (r.value !== isAll) {
        return isAll ? FALSE : TRUE;
      }
    }
    if (missing) return { value: 'unknown', missing };
    return isAll ? TRUE : FALSE;
  };
}

/**
 * A `fraction.<Symbol>` the request does not give, read from the composition it does give (#12.3), by the one
 * rule of {@link Composition}: an element the composition names without a share meets "more than 0"; one it does
 * not mention is absent (share 0) only when the stated shares make up the whole item, and otherwise lies between
 * 0 and what the stated shares leave (`1 - stated`), so a threshold is decided only when every share in that range
 * meets it or none does. Without any composition, and for shares that are not an element's, it is unknown.
 */
function fromComposition(condition: ParameterCondition, composition: Composition | undefined, unknown: ConditionResult): ConditionResult {
  if (!composition?.given || !isElementShare(condition.param)) return unknown;
  if (composition.present.has(condition.param.slice(9))) {
    if (condition.op === '>' && condition.value <= 0) return TRUE;
    if (condition.op === '>=' && condition.value <= 0) return TRUE;
    return unknown;
  }
  const most = unstatedShareAtMost(composition);
  const atZero = compareParameter(0, condition.op, condition.value);
  if (most === 0) return atZero ? TRUE : FALSE;
  // Thresholds are monotone: the share's range [0, most] meets the condition throughout or nowhere only when
  // both ends agree and, for '==', the range is a single point.
  const atMost = compareParameter(most, condition.op, condition.value);
  if (condition.op !== '==' && atZero === atMost) return atZero ? TRUE : FALSE;
  if (condition.op === '==' && !atZero && !atMost && (condition.value < 0 || condition.value > most)) return FALSE;
  return unknown;
}

/** Every parameter name a condition tree mentions. */
export function conditionParameters(condition: Condition): string[] {
  const out = new Set<string>();
  const walk = (c: Condition): void => {
    if (isParameterCondition(c)) out.add(c.param);
    else if ('not' in c) walk(c.not);
    else for (const b of 'all' in c ? c.all : c.any) walk(b);
  };
  walk(condition);
  return [...out];
}

/** A readable rendering of a condition, e.g. `purity >= 0.9999 and ppm.Ag < 10`. */
export function describeCondition(condition: Condition): string {
  if (isParameterCondition(condition)) return `${condition.param} ${condition.op} ${condition.value}`;
  if ('not' in condition) return `not (${describeCondition(condition.not)})`;
  const joiner = 'all' in condition ? ' and ' : ' or ';
  const parts = ('all' in condition ? condition.all : condition.any).map((c) =>
    isParameterCondition(c) ? describeCondition(c) : `(${describeCondition(c)})`,
  );
  return parts.join(joiner);
}
