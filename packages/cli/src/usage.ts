import { InvalidArgumentError } from 'commander';
import { ValidationError, type FieldError } from '@chokepoint/core';

/** A mistake in how the CLI was called; exits 2 with a message that names the flag. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Parses `--limit`-style values. */
export function parsePositiveInteger(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a whole number of 1 or more.');
  return n;
}

/** Parses `--port`. */
export function parsePort(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n > 65535) throw new InvalidArgumentError('expected a TCP port number from 0 to 65535.');
  return n;
}

/** Parses a non-negative number (`--value-usd`). */
export function parseNonNegativeNumber(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a non-negative number.');
  return n;
}

/** Collects repeated `--param NAME=VALUE` into a parameters object. */
export function collectParameter(value: string, previous: Record<string, number> | undefined): Record<string, number> {
  const eq = value.indexOf('=');
  const name = eq > 0 ? value.slice(0, eq).trim() : '';
  const raw = eq > 0 ? value.slice(eq + 1).trim() : '';
  const n = Number(raw);
  if (!name || raw === '' || !Number.isFinite(n)) throw new InvalidArgumentError('expected NAME=NUMBER, e.g. purity=0.9999 or fraction.W=0.95.');
  return { ...previous, [name]: n };
}

/** Collects a repeatable `JURISDICTION=CODE` flag into `item.codes` (`--code JP=2(24)`). */
export function collectCode(value: string, previous: Record<string, string> | undefined): Record<string, string> {
  const eq = value.indexOf('=');
  const jurisdiction = eq > 0 ? value.slice(0, eq).trim().toUpperCase() : '';
  const code = eq > 0 ? value.slice(eq + 1).trim() : '';
  if (!jurisdiction || !code) throw new InvalidArgumentError('expected JURISDICTION=CODE, e.g. JP=2(24).');
  return { ...previous, [jurisdiction]: code };
}

/** Collects a repeatable flag into an array. */
export function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

/**
 * Rewrites an engine {@link ValidationError} in terms of the flags that carry each field, so the
 * user reads `--from: …` rather than `from: …`. `flags` maps a field path (or a path prefix ending
 * in `.`) to its flag.
 */
export function validationToUsage(err: ValidationError, flags: Record<string, string>): UsageError {
  const lines = err.errors.map((e) => `${flagFor(e, flags)}: ${e.message}`);
  return new UsageError(lines.join('\n'));
}

function flagFor(e: FieldError, flags: Record<string, string>): string {
  const path = e.path.replace(/\[\d+\]$/, '');
  if (flags[path]) return flags[path];
  for (const [prefix, flag] of Object.entries(flags)) {
    if (prefix.endsWith('.') && path.startsWith(prefix)) return `${flag} ${path.slice(prefix.length)}`;
  }
  return e.path || 'request';
}
