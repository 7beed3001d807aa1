import { ConfigError } from './config.js';
import { startServer } from './index.js';

try {
  await startServer();
} catch (err) {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
}
