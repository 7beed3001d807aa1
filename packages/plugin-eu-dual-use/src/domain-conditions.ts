import { compareParameter, type Condition } from '@chokepoint/core';

/** A condition as written in `annex-i-domain.json`: thresholds may compare with text or booleans. */
export type RawCondition =
  | { all: RawCondition[] }
  | { any: RawCondition[] }
  | { not: RawCondition }
  | { param: string; op: '>' | '>=' | '<' | '<=' | '=='; value: number | string | boolean };

type Simplified = Condition | boolean;

function flagName(param: string, value: string): string {
  return `${param}.${value.replace(/[^A-Za-z0-9]/g, '')}`;
}

function leaf(c: Extract<RawCondition, { param: string }>, assume: Readonly<Record<string, number | string | boolean>>): Simplified {
  if (c.param in assume) {
    const actual = assume[c.param]!;
    if (typeof c.value !== 'number' || typeof actual !== 'number') return c.op === '==' && actual === c.value;
    return compareParameter(actual, c.op, c.value);
  }
  if (typeof c.value === 'number') return { param: c.param.replace(/[^A-Za-z0-9.]/g, ''), op: c.op, value: c.value };
  // Text and yes/no facts become 0/1 parameters the request can state (`form.solid`, `hollowCylindricalForm`).
  if (typeof c.value === 'boolean') return { param: c.param, op: '==', value: c.value ? 1 : 0 };
  return { param: flagName(c.param, c.value), op: '==', value: 1 };
}

/**
 * Turns a domain condition into the engine's numeric condition tree: facts the taxonomy node already
 * settles (`assume`, e.g. `{ material: 'GaN' }` for `gallium/nitride`) are replaced by their truth value
 * and the tree is simplified; other text comparisons become 0/1 flags. Returns `true` when the node
 * always meets the condition and `false` when it never can.
 */
export function toEngineCondition(raw: RawCondition, assume: Readonly<Record<string, number | string | boolean>> = {}): Simplified {
  if ('param' in raw) return leaf(raw, assume);
  if ('not' in raw) {
    const inner = toEngineCondition(raw.not, assume);
    return typeof inner === 'boolean' ? !inner : { not: inner };
  }
  const isAll = 'all' in raw;
  const parts: Condition[] = [];
  for (const branch of isAll ? raw.all : raw.any) {
    const s = toEngineCondition(branch, assume);
    if (s === true) {
      if (!isAll) return true;
    } else if (s === false) {
      if (isAll) return false;
    } else parts.push(s);
  }
  if (parts.length === 0) return isAll;
  if (parts.length === 1) return parts[0]!;
  return isAll ? { all: parts } : { any: parts };
}
