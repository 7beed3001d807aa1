import { randomBytes, timingSafeEqual } from 'node:crypto';
import { sha256 } from './audit.js';
import type { ApiKeyRecord, Role, Store } from './store/index.js';

export const ROLES: readonly Role[] = ['read', 'assess', 'admin'];
const RANK: Record<Role, number> = { read: 0, assess: 1, admin: 2 };

/** Whether a key with `role` may do what `needed` allows (admin ⊃ assess ⊃ read). */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

const TOKEN = /^ck_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/**
 * Creates a key and returns its token, which is shown once: the store keeps only a SHA-256 of the
 * secret. A fast hash is enough because the secret is 256 random bits, not a password.
 */
export async function createApiKey(store: Store, options: { name: string; role: Role; rateLimit?: number | null }): Promise<{ key: ApiKeyRecord; token: string }> {
  const id = randomBytes(8).toString('hex');
  const secret = randomBytes(32).toString('base64url');
  const key: ApiKeyRecord = { id, name: options.name, role: options.role, secretHash: sha256(secret), rateLimit: options.rateLimit ?? null, createdAt: new Date().toISOString(), revokedAt: null };
  await store.createKey(key);
  return { key, token: `ck_${id}_${secret}` };
}

/** Looks a bearer token up; undefined when it is malformed, unknown, wrong or revoked. */
export async function verifyToken(store: Pick<Store, 'getKey'>, token: string): Promise<ApiKeyRecord | undefined> {
  const m = TOKEN.exec(token);
  if (!m) return undefined;
  const key = await store.getKey(m[1]!);
  if (!key || key.revokedAt) return undefined;
  const given = Buffer.from(sha256(m[2]!), 'hex');
  const stored = Buffer.from(key.secretHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored) ? key : undefined;
}
