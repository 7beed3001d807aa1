import type { ServerConfig } from '../config.js';
import { openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type * from './store.js';
export { responseText, GENESIS_HASH } from './store.js';

/** Opens the configured store (PostgreSQL when `DATABASE_URL` is set, else the SQLite file) and migrates it. */
export async function openStore(config: Pick<ServerConfig, 'databaseUrl' | 'databaseSchema' | 'sqlitePath'>): Promise<Store> {
  const store = config.databaseUrl ? openPostgresStore(config.databaseUrl, config.databaseSchema) : openSqliteStore(config.sqlitePath);
  try {
    await store.migrate();
  } catch (err) {
    await store.close().catch(() => undefined);
    throw err;
  }
  return store;
}
