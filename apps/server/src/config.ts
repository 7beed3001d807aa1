import { resolve } from 'node:path';

/** Every setting the server reads from the environment; docs/server.md documents each in one table. */
export interface ServerConfig {
  host: string;
  port: number;
  /** PostgreSQL connection string; when absent the SQLite file below is used. */
  databaseUrl: string | undefined;
  /** PostgreSQL connection string of the schema's owner, used only by `chokepoint-server migrate`. */
  databaseOwnerUrl: string | undefined;
  /** PostgreSQL schema for the server's tables (pg-boss uses `<schema>_queue`). */
  databaseSchema: string;
  sqlitePath: string;
  /** Refuse `/v1` calls without a key even when the store holds none. */
  requireApiKey: boolean;
  /** Requests per key (or per address without keys) per window; 0 turns limiting off. */
  rateLimit: number;
  /** Whether CHOKEPOINT_RATE_LIMIT was set; when not, a single-user loopback server has no limit. */
  rateLimitSet: boolean;
  rateLimitWindowSeconds: number;
  bodyLimitBytes: number;
  batchLimitBytes: number;
  jobLimitBytes: number;
  corsOrigins: string[];
  logLevel: string;
  jobChunkLines: number;
  jobLeaseSeconds: number;
  jobConcurrency: number;
  jobPollSeconds: number;
  shutdownTimeoutSeconds: number;
  trustProxy: string | undefined;
  plugins: string | undefined;
  /** Directory of amendment files (CONTRACT §10), re-read without a restart. */
  amendmentsDir: string | undefined;
  /** A list older than this many days warns `stale_list` in answers that used it. */
  listMaxAgeDays: number;
  /** How often to look for new lists in the store and changed amendment files; 0 turns it off. */
  reloadSeconds: number;
}

/** The environment variables read, with their defaults, in the order of the docs table. */
export const SETTINGS = [
  'HOST', 'PORT', 'DATABASE_URL', 'DATABASE_OWNER_URL', 'CHOKEPOINT_DB_SCHEMA', 'CHOKEPOINT_SQLITE_PATH', 'CHOKEPOINT_REQUIRE_API_KEY',
  'CHOKEPOINT_RATE_LIMIT', 'CHOKEPOINT_RATE_LIMIT_WINDOW_SECONDS', 'CHOKEPOINT_BODY_LIMIT', 'CHOKEPOINT_BATCH_LIMIT',
  'CHOKEPOINT_JOB_LIMIT', 'CHOKEPOINT_CORS_ORIGINS', 'LOG_LEVEL', 'CHOKEPOINT_JOB_CHUNK_LINES', 'CHOKEPOINT_JOB_LEASE_SECONDS',
  'CHOKEPOINT_JOB_CONCURRENCY', 'CHOKEPOINT_JOB_POLL_SECONDS', 'CHOKEPOINT_SHUTDOWN_TIMEOUT_SECONDS', 'CHOKEPOINT_TRUST_PROXY',
  'CHOKEPOINT_PLUGINS', 'CHOKEPOINT_AMENDMENTS', 'CHOKEPOINT_LIST_MAX_AGE_DAYS', 'CHOKEPOINT_RELOAD_SECONDS',
] as const;

/** Thrown when a setting has a value the server cannot use; the message names the variable. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const UNITS: Record<string, number> = { b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };

function bytes(env: NodeJS.ProcessEnv, name: string, fallback: string): number {
  const raw = (env[name] ?? fallback).trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/.exec(raw);
  if (!m) throw new ConfigError(`${name}: expected a size such as 1mb or 500kb, got "${env[name]}"`);
  return Math.floor(Number(m[1]) * UNITS[m[2] ?? 'b']!);
}

function number(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new ConfigError(`${name}: expected a number ≥ ${min}, got "${raw}"`);
  return n;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === '0' || raw === 'false' || raw === 'no') return false;
  if (raw === '1' || raw === 'true' || raw === 'yes') return true;
  throw new ConfigError(`${name}: expected true or false, got "${env[name]}"`);
}

/** Reads the configuration from the environment; throws a {@link ConfigError} naming a bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const schema = env.CHOKEPOINT_DB_SCHEMA?.trim() || 'chokepoint';
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(schema)) throw new ConfigError(`CHOKEPOINT_DB_SCHEMA: expected a lower-case SQL identifier, got "${schema}"`);
  return {
    host: env.HOST?.trim() || '127.0.0.1',
    port: number(env, 'PORT', 8080),
    databaseUrl: env.DATABASE_URL?.trim() || undefined,
    databaseOwnerUrl: env.DATABASE_OWNER_URL?.trim() || undefined,
    databaseSchema: schema,
    sqlitePath: resolve(env.CHOKEPOINT_SQLITE_PATH?.trim() || '.chokepoint/chokepoint.db'),
    requireApiKey: flag(env, 'CHOKEPOINT_REQUIRE_API_KEY'),
    rateLimit: number(env, 'CHOKEPOINT_RATE_LIMIT', 6000),
    rateLimitSet: (env.CHOKEPOINT_RATE_LIMIT?.trim() ?? '') !== '',
    rateLimitWindowSeconds: number(env, 'CHOKEPOINT_RATE_LIMIT_WINDOW_SECONDS', 60, 1),
    bodyLimitBytes: bytes(env, 'CHOKEPOINT_BODY_LIMIT', '1mb'),
    batchLimitBytes: bytes(env, 'CHOKEPOINT_BATCH_LIMIT', '20mb'),
    jobLimitBytes: bytes(env, 'CHOKEPOINT_JOB_LIMIT', '200mb'),
    corsOrigins: (env.CHOKEPOINT_CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: env.LOG_LEVEL?.trim() || 'info',
    jobChunkLines: number(env, 'CHOKEPOINT_JOB_CHUNK_LINES', 1000, 1),
    jobLeaseSeconds: number(env, 'CHOKEPOINT_JOB_LEASE_SECONDS', 60, 1),
    jobConcurrency: number(env, 'CHOKEPOINT_JOB_CONCURRENCY', 1, 0),
    jobPollSeconds: number(env, 'CHOKEPOINT_JOB_POLL_SECONDS', 1, 0.5),
    shutdownTimeoutSeconds: number(env, 'CHOKEPOINT_SHUTDOWN_TIMEOUT_SECONDS', 30),
    trustProxy: env.CHOKEPOINT_TRUST_PROXY?.trim() || undefined,
    plugins: env.CHOKEPOINT_PLUGINS,
    amendmentsDir: env.CHOKEPOINT_AMENDMENTS?.trim() ? resolve(env.CHOKEPOINT_AMENDMENTS.trim()) : undefined,
    listMaxAgeDays: number(env, 'CHOKEPOINT_LIST_MAX_AGE_DAYS', 7),
    reloadSeconds: number(env, 'CHOKEPOINT_RELOAD_SECONDS', 30),
  };
}
