import type { FieldError } from './errors.js';

/** Deepest nesting of objects and arrays a request may have; real requests use fewer than 8 levels. */
export const MAX_INPUT_DEPTH = 32;

/**
 * Object keys that could reach a prototype when a consumer copies the input with `Object.assign` or a spread.
 * Three comparisons rather than a Set: the check runs on every key of every request.
 */
const isPrototypeKey = (key: string): boolean => key === '__proto__' || key === 'constructor' || key === 'prototype';

/** Stop collecting after this many problems: one hostile input must not produce a huge error document. */
const MAX_PROBLEMS = 20;

/** `String.prototype.isWellFormed` (Node 20+, ES2024), typed here because the project's lib is ES2023. */
const isWellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Text that can be stored and hashed as it was received: well-formed UTF-16 (no lone surrogate), no NUL. */
function textIsSafe(s: string): boolean {
  return isWellFormed(s) && !s.includes('\u0000');
}

function textProblem(s: string): string | undefined {
  if (!isWellFormed(s)) return 'text is not well-formed Unicode (it contains a lone UTF-16 surrogate)';
  if (s.includes('\u0000')) return 'text contains a NUL character (U+0000)';
  return undefined;
}

/** A key shown in a path, with characters that cannot be printed or stored replaced by their escape. */
function printable(key: string): string {
  // JSON.stringify escapes NUL and lone surrogates (`\u0000`, `\ud800`), so the path is safe to print and store.
  return textIsSafe(key) ? key : JSON.stringify(key).slice(1, -1);
}

/** The fast check, with no allocation: true when the value has none of the problems {@link inputSafetyProblems} reports. */
function isSafe(v: unknown, depth: number): boolean {
  if (typeof v === 'string') return textIsSafe(v);
  if (typeof v !== 'object' || v === null) return true;
  if (depth >= MAX_INPUT_DEPTH) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!isSafe(v[i], depth + 1)) return false;
    return true;
  }
  // for-in over a parsed JSON object walks its own keys without building an array (no prototype keys to skip).
  for (const key in v) {
    if (isPrototypeKey(key) || !textIsSafe(key) || !isSafe((v as Record<string, unknown>)[key], depth + 1)) return false;
  }
  return true;
}

function collect(v: unknown, path: string, depth: number, errors: FieldError[]): void {
  if (errors.length >= MAX_PROBLEMS) return;
  if (typeof v === 'string') {
    const problem = textProblem(v);
    if (problem) errors.push({ path, message: problem });
    return;
  }
  if (typeof v !== 'object' || v === null) return;
  if (depth >= MAX_INPUT_DEPTH) {
    errors.push({ path, message: `nested deeper than ${MAX_INPUT_DEPTH} levels of objects and arrays` });
    return;
  }
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) collect(v[i], `${path}[${i}]`, depth + 1, errors);
    return;
  }
  for (const key of Object.keys(v)) {
    const p = path ? `${path}.${printable(key)}` : printable(key);
    if (isPrototypeKey(key)) errors.push({ path: p, message: `"${key}" is not allowed as a field name` });
    else {
      const problem = textProblem(key);
      if (problem) errors.push({ path: p, message: `field name: ${problem}` });
      else collect((v as Record<string, unknown>)[key], p, depth + 1, errors);
    }
    if (errors.length >= MAX_PROBLEMS) return;
  }
}

/**
 * Problems that make an input unsafe to evaluate, store or hash, whatever its schema: text that is not
 * well-formed Unicode, NUL characters, prototype keys (`__proto__`, `constructor`, `prototype`) and
 * nesting deeper than {@link MAX_INPUT_DEPTH}. Each problem names its path. Empty when the input is safe;
 * a safe input costs one allocation-free walk.
 */
export function inputSafetyProblems(input: unknown, path = ''): FieldError[] {
  if (isSafe(input, 0)) return [];
  const errors: FieldError[] = [];
  collect(input, path, 0, errors);
  return errors;
}
