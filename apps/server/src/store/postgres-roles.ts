import pg from 'pg';

/**
 * What the server's own role may do, table by table: read and add rows, and change only the columns
 * it changes. Nothing else: no UPDATE, DELETE or TRUNCATE on the audit trail, no DDL, and not being
 * the owner, no ALTER TABLE … DISABLE TRIGGER. Every table the migrations create is named here (a
 * test checks it), so a new table cannot be forgotten.
 */
export const SERVER_PRIVILEGES: Readonly<Record<string, string>> = {
  schema_migrations: 'SELECT',
  audit_records: 'SELECT, INSERT',
  audit_responses: 'SELECT, INSERT',
  api_keys: 'SELECT, INSERT, UPDATE (revoked_at)',
  jobs: 'SELECT, INSERT, UPDATE (status, processed, failed_lines, owner, lease_until, error, updated_at)',
  job_output: 'SELECT, INSERT',
  party_lists: 'SELECT, INSERT, UPDATE (body, previous, as_of, updated_at)',
};

/** The outcome of {@link grantServerRole}. */
export interface GrantOutcome {
  /** The role of the server's connection string. */
  role: string;
  /** False when the server connects as the owner itself (nothing to grant). */
  granted: boolean;
}

async function currentUser(connectionString: string): Promise<string> {
  const c = new pg.Client({ connectionString });
  await c.connect();
  try {
    return (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
  } finally {
    await c.end();
  }
}

/**
 * Grants the role of `serverUrl` what the server needs in `schema` and in pg-boss's `<schema>_queue`,
 * connected as the owner (`ownerUrl`), and takes back anything more it held on the server's tables.
 * Refuses when that role owns a table or the schema (an owner can drop triggers): the fix is
 * `REASSIGN OWNED BY <role> TO <owner>`, run by the owner or a superuser.
 */
export async function grantServerRole(ownerUrl: string, serverUrl: string, schema: string): Promise<GrantOutcome> {
  const role = await currentUser(serverUrl);
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    const owner = (await c.query<{ u: string }>('SELECT current_user AS u')).rows[0]!.u;
    if (owner === role) return { role, granted: false };
    const queue = `${schema}_queue`;
    const owned = (
      await c.query<{ name: string }>(
        `SELECT nspname AS name FROM pg_namespace WHERE nspname = ANY($1) AND pg_get_userbyid(nspowner) = $2
         UNION ALL SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname = ANY($1) AND tableowner = $2`,
        [[schema, queue], role],
      )
    ).rows.map((r) => r.name);
    if (owned.length) throw new Error(`role ${role} owns ${owned.join(', ')}, so it could drop the audit trail's triggers; run \`REASSIGN OWNED BY ${role} TO ${owner}\` as ${owner} or a superuser, then migrate again`);
    const who = c.escapeIdentifier(role);
    await c.query('BEGIN');
    await c.query(`GRANT USAGE ON SCHEMA ${schema} TO ${who}`);
    for (const [table, privileges] of Object.entries(SERVER_PRIVILEGES)) {
      await c.query(`REVOKE ALL ON ${schema}.${table} FROM ${who}`);
      await c.query(`GRANT ${privileges} ON ${schema}.${table} TO ${who}`);
    }
    // pg-boss's tables are the queue's own bookkeeping (jobs move between them and are deleted when
    // done); the owner installed them and created the queue, so the server needs rows only.
    await c.query(`GRANT USAGE ON SCHEMA ${queue} TO ${who}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${queue} TO ${who}`);
    await c.query('COMMIT');
    return { role, granted: true };
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await c.end();
  }
}
