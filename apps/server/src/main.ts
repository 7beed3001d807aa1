import { ConfigError } from './config.js';
import { ListenError, startServer } from './index.js';
import { MigrationPrivilegeError } from './store/postgres.js';

try {
  await startServer();
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof ListenError || err instanceof MigrationPrivilegeError ? err.message : err);
  process.exit(1);
}
