import type { RequestHandler, Response } from 'express';
// express-rate-limit's address grouping (IPv6 by /56), so that one host cannot take many windows.
import { ipKeyGenerator } from 'express-rate-limit';
import { roleAllows, verifyToken } from './keys.js';
import { HttpProblem, problems, sendProblem } from './problem.js';
import type { ApiKeyRecord, Role, Store } from './store/index.js';

/** Who is calling: an API key, or `anonymous` (with every role) when the server runs without keys. */
export interface Caller {
  id: string;
  role: Role;
  rateLimit: number | null;
}

const ANONYMOUS: Caller = { id: 'anonymous', role: 'admin', rateLimit: null };
/** How long a looked-up key is trusted before the store is asked again (so a revocation reaches every instance). */
const KEY_CACHE_MS = 5000;

export function callerOf(res: Response): Caller {
  return (res.locals as { caller?: Caller }).caller ?? ANONYMOUS;
}

/**
 * Checks `Authorization: Bearer <key>` on every `/v1` call when keys are required (CONTRACT §7). A
 * server started without keys (loopback only) looks for an active key every few seconds and, once one
 * exists, requires keys from then on without a restart; it never goes back to taking calls without one.
 */
export function authenticate(store: Store, requiredAtStart: boolean, onRequired: () => void = () => undefined): RequestHandler {
  const cache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();
  let required = requiredAtStart;
  let lookAfter = 0;
  const lookForKeys = async (now: number) => {
    lookAfter = now + KEY_CACHE_MS;
    try {
      if ((await store.activeKeyCount()) > 0 && !required) {
        required = true;
        onRequired();
      }
    } catch {
      // The store does not answer: the call fails on its own, and the next one looks again.
      lookAfter = 0;
    }
  };
  return async (req, res, next) => {
    if (!required) {
      const now = Date.now();
      if (now >= lookAfter) await lookForKeys(now);
    }
    if (!required) {
      res.locals.caller = ANONYMOUS;
      next();
      return;
    }
    const header = req.headers.authorization;
    const m = header ? /^Bearer\s+(\S+)\s*$/i.exec(header) : null;
    if (!m) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="chokepoint"');
      sendProblem(res, problems.unauthorized('Send an API key as Authorization: Bearer <key>.'));
      return;
    }
    const token = m[1]!;
    const now = Date.now();
    let hit = cache.get(token);
    if (!hit || hit.until < now) {
      hit = { key: await verifyToken(store, token), until: now + KEY_CACHE_MS };
      if (cache.size > 10_000) cache.clear();
      cache.set(token, hit);
    }
    if (!hit.key) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="chokepoint", error="invalid_token"');
      sendProblem(res, problems.unauthorized('The API key is unknown or revoked.'));
      return;
    }
    res.locals.caller = { id: hit.key.id, role: hit.key.role, rateLimit: hit.key.rateLimit } satisfies Caller;
    next();
  };
}

/**
 * `authenticate` then `rateLimiter` as one middleware: one step on every `/v1` call instead of two
 * (each step of Express's router costs a match and the prefix's removal and restoring). An error of
 * either, thrown or rejected, reaches Express's error handler as it did from a step of its own.
 */
export function gate(auth: RequestHandler, limit: RequestHandler): RequestHandler {
  return (req, res, next) => {
    const pending: unknown = auth(req, res, (err?: unknown) => (err ? next(err) : limit(req, res, next)));
    if (pending instanceof Promise) pending.catch(next);
  };
}

/** Refuses a caller whose role does not include `needed`. */
export function requireRole(needed: Role): RequestHandler {
  return (_req, res, next) => {
    const caller = callerOf(res);
    if (!roleAllows(caller.role, needed)) throw new HttpProblem(problems.forbidden(`This call needs the ${needed} role; the key has ${caller.role}.`));
    next();
  };
}

/** One key's count in its current window. */
interface Window {
  count: number;
  resetAt: number;
}

/**
 * Per-key request limits (per address without keys); a key's own limit overrides the default, and 0
 * means no limit. A fixed window per key, opened by its first request, counted in this process; the
 * headers follow the IETF RateLimit draft (`RateLimit`, `RateLimit-Policy`; `Retry-After` on a 429).
 * It is synchronous and allocates one window per key and window: it runs on every `/v1` call.
 */
export function rateLimiter(defaultLimit: number, windowSeconds: number): RequestHandler {
  const windowMs = windowSeconds * 1000;
  const windows = new Map<string, Window>();
  const policies = new Map<number, [name: string, policy: string]>();
  let sweepAt = Date.now() + windowMs;
  return (req, res, next) => {
    const caller = callerOf(res);
    const limit = caller.rateLimit ?? defaultLimit;
    if (limit === 0) return next();
    const now = Date.now();
    if (now >= sweepAt) {
      // Forget windows that have run out, so memory holds only the callers of the last window.
      for (const [key, w] of windows) if (w.resetAt <= now) windows.delete(key);
      sweepAt = now + windowMs;
    }
    const key = caller.id === 'anonymous' ? `ip:${ipKeyGenerator(req.ip ?? '')}` : `key:${caller.id}`;
    let w = windows.get(key);
    if (!w || w.resetAt <= now) windows.set(key, (w = { count: 0, resetAt: now + windowMs }));
    w.count++;
    let named = policies.get(limit);
    if (!named) policies.set(limit, (named = [`"${limit}-in-${windowSeconds}sec"`, `"${limit}-in-${windowSeconds}sec"; q=${limit}; w=${windowSeconds}`]));
    const reset = Math.max(0, Math.ceil((w.resetAt - now) / 1000));
    res.setHeader('RateLimit-Policy', named[1]);
    res.setHeader('RateLimit', `${named[0]}; r=${Math.max(limit - w.count, 0)}; t=${reset}`);
    if (w.count <= limit) return next();
    res.setHeader('Retry-After', String(reset));
    sendProblem(res, problems.tooMany(`More than ${limit} requests in ${windowSeconds} s; retry after the time in the Retry-After header.`));
  };
}
