import type { RequestHandler, Response } from 'express';
import { rateLimit, ipKeyGenerator } from 'express-rate-limit';
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

/** Checks `Authorization: Bearer <key>` on every `/v1` call when keys are required (CONTRACT §7). */
export function authenticate(store: Store, required: boolean): RequestHandler {
  const cache = new Map<string, { key: ApiKeyRecord | undefined; until: number }>();
  return async (req, res, next) => {
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

/** Refuses a caller whose role does not include `needed`. */
export function requireRole(needed: Role): RequestHandler {
  return (_req, res, next) => {
    const caller = callerOf(res);
    if (!roleAllows(caller.role, needed)) throw new HttpProblem(problems.forbidden(`This call needs the ${needed} role; the key has ${caller.role}.`));
    next();
  };
}

/** Per-key request limits (per address without keys); a key's own limit overrides the default. 0 means no limit. */
export function rateLimiter(defaultLimit: number, windowSeconds: number): RequestHandler {
  return rateLimit({
    windowMs: windowSeconds * 1000,
    limit: (_req, res) => callerOf(res).rateLimit ?? defaultLimit,
    skip: (_req, res) => (callerOf(res).rateLimit ?? defaultLimit) === 0,
    keyGenerator: (req, res) => {
      const caller = callerOf(res);
      return caller.id === 'anonymous' ? ipKeyGenerator(req.ip ?? '') : `key:${caller.id}`;
    },
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, res) => sendProblem(res, problems.tooMany(`More than ${callerOf(res).rateLimit ?? defaultLimit} requests in ${windowSeconds} s; retry after the time in the Retry-After header.`)),
  });
}
