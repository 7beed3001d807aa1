import { parseArgs } from 'node:util';
import { auditHead, verifyAuditChain } from './audit.js';
import { ConfigError, readConfig } from './config.js';
import { createApiKey, ROLES } from './keys.js';
import { installJobQueue } from './jobs.js';
import { grantServerRole } from './store/postgres-roles.js';
import { MigrationPrivilegeError } from './store/postgres.js';
import { openStore, type Role } from './store/index.js';

const USAGE = `usage: chokepoint-server <command>

  serve                                   start the server (as pnpm start)
  audit verify [--head HASH] [--json]     check the whole audit chain; exit 1 and list every record that
                                          does not verify; --head: a head kept earlier must be in the chain
  audit head [--json]                     print the chain head (sequence number and hash) to keep outside
  keys create --name NAME --role read|assess|admin [--rate-limit N]
                                          make an API key; the token is printed once
  keys list [--json]                      list keys (never their secrets)
  keys revoke ID                          revoke a key
  migrate                                 apply database migrations and exit; on PostgreSQL with
                                          DATABASE_OWNER_URL, as that owner, then grant the role of
                                          DATABASE_URL only what the server needs (docs/server.md)

The store is the one the server uses: DATABASE_URL (PostgreSQL) or CHOKEPOINT_SQLITE_PATH.`;

class UsageError extends Error {}

/** Said when the first active key is made: what changes for a server already running, and what does not. */
const FIRST_KEY = `This is the first active key. A server already running without keys requires a key on every
/v1 call within 5 seconds, without a restart. It keeps listening on the loopback interface only (and
without the default rate limit) until it is restarted; restart it to listen on HOST.`;

/** The `chokepoint-server` command; returns the exit code (0 ok, 1 failed check, 2 usage error). */
export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env, out: (s: string) => void = console.log, err: (s: string) => void = console.error): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'serve') {
      const { ListenError, startServer } = await import('./index.js');
      try {
        await startServer({ env });
      } catch (e) {
        if (!(e instanceof ListenError) && !(e instanceof MigrationPrivilegeError)) throw e;
        err(e.message);
        return 1;
      }
      return 0;
    }
    const config = readConfig(env);
    if (command === 'migrate' && sub === undefined) {
      const ownerUrl = config.databaseOwnerUrl;
      const store = await openStore(ownerUrl ? { ...config, databaseUrl: ownerUrl } : config);
      await store.close();
      if (store.kind === 'sqlite') {
        out('migrations applied (sqlite)');
        return 0;
      }
      await installJobQueue(ownerUrl ?? config.databaseUrl!, config);
      if (!ownerUrl) {
        out('migrations applied (postgres), as the role of DATABASE_URL');
        return 0;
      }
      if (!config.databaseUrl) {
        out('migrations applied (postgres) as the owner; set DATABASE_URL to the server’s role as well to grant it what it needs');
        return 0;
      }
      const { role, granted } = await grantServerRole(ownerUrl, config.databaseUrl, config.databaseSchema);
      out(granted
        ? `migrations applied (postgres) as the owner; role ${role} may read and add rows (no UPDATE, DELETE or TRUNCATE on the audit trail, no DDL)`
        : `migrations applied (postgres); DATABASE_URL connects as the owner ${role} itself, so nothing was granted`);
      return 0;
    }
    if (command === 'audit' && sub === 'head') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' } }, strict: true });
      const store = await openStore(config);
      try {
        const head = await auditHead(store);
        out(values.json ? JSON.stringify(head) : `audit chain head: record ${head.seq}, hash ${head.hash}`);
        return 0;
      } finally {
        await store.close();
      }
    }
    if (command === 'audit' && sub === 'verify') {
      const { values } = parseArgs({ args: rest, options: { json: { type: 'boolean' }, head: { type: 'string' } }, strict: true });
      if (values.head !== undefined && !/^[0-9a-f]{64}$/.test(values.head)) throw new UsageError(`audit verify: --head must be a SHA-256 hash (64 hex digits), got "${values.head}"`);
      const store = await openStore(config);
      try {
        const result = await verifyAuditChain(store, values.head !== undefined ? { head: values.head } : {});
        if (values.json) out(JSON.stringify(result));
        else if (result.ok) out(`audit chain verified: ${result.records} records, head ${result.head}${result.expectedHead ? ' (the kept head is in the chain)' : ''}`);
        else {
          out(`audit chain broken at record ${result.firstBad.seq}${result.firstBad.id ? ` (audit ID ${result.firstBad.id})` : ''}: ${result.firstBad.reason}; ${result.badCount} of ${result.records} records do not verify`);
          for (const b of result.bad.slice(1)) out(`  record ${b.seq}${b.id ? ` (audit ID ${b.id})` : ''}: ${b.reason}`);
        }
        return result.ok ? 0 : 1;
      } finally {
        await store.close();
      }
    }
    if (command === 'keys' && (sub === 'create' || sub === 'list' || sub === 'revoke')) {
      const { values, positionals } = parseArgs({
        args: rest,
        options: { name: { type: 'string' }, role: { type: 'string' }, 'rate-limit': { type: 'string' }, json: { type: 'boolean' } },
        allowPositionals: sub === 'revoke',
        strict: true,
      });
      let role: Role | undefined;
      let rateLimit: number | null = null;
      if (sub === 'create') {
        if (!values.name?.trim()) throw new UsageError('keys create: --name is required');
        if (!ROLES.includes(values.role as Role)) throw new UsageError(`keys create: --role must be one of ${ROLES.join(', ')}, got ${values.role === undefined ? 'nothing' : `"${values.role}"`}`);
        role = values.role as Role;
        if (values['rate-limit'] !== undefined) {
          rateLimit = Number(values['rate-limit']);
          if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new UsageError(`keys create: --rate-limit must be a whole number ≥ 0, got "${values['rate-limit']}"`);
        }
      }
      if (sub === 'revoke' && positionals.length !== 1) throw new UsageError('keys revoke: give the key ID (see keys list)');
      const store = await openStore(config);
      try {
        if (sub === 'create') {
          const { key, token } = await createApiKey(store, { name: values.name!.trim(), role: role!, rateLimit });
          if (values.json) out(JSON.stringify({ id: key.id, name: key.name, role: key.role, rateLimit: key.rateLimit, token }));
          else {
            out(`created key ${key.id} (${key.name}, ${key.role}); its token, shown only now:\n${token}`);
            if ((await store.activeKeyCount()) === 1) out(FIRST_KEY);
          }
          return 0;
        }
        if (sub === 'list') {
          const keys = (await store.listKeys()).map(({ secretHash: _s, ...k }) => k);
          if (values.json) out(JSON.stringify(keys));
          else for (const k of keys) out(`${k.id}  ${k.role.padEnd(6)}  ${k.revokedAt ? `revoked ${k.revokedAt}` : 'active'}  ${k.name}${k.rateLimit !== null ? `  (${k.rateLimit} requests per window)` : ''}`);
          return 0;
        }
        const id = positionals[0]!;
        if (!(await store.revokeKey(id, new Date().toISOString()))) {
          err(`keys revoke: no active key ${id}`);
          return 1;
        }
        out(`revoked key ${id}`);
        return 0;
      } finally {
        await store.close();
      }
    }
    throw new UsageError(command === undefined || command === 'help' || command === '--help' ? '' : `unknown command "${[command, sub].filter(Boolean).join(' ')}"`);
  } catch (e) {
    if (e instanceof MigrationPrivilegeError) {
      err(e.message);
      return 1;
    }
    if (e instanceof UsageError || e instanceof ConfigError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      if ((e as Error).message) err((e as Error).message);
      err(USAGE);
      return 2;
    }
    throw e;
  }
}
