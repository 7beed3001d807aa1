import { ConfigError } from './config.js';
import { ListenError, startServer } from './index.js';

try {
  await startServer();
} catch (err) {
  console.error(err instanceof ConfigError || err instanceof ListenError ? err.message : err);
  process.exit(1);
}
