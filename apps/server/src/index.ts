import type { Server } from 'node:http';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { pino, type Logger } from 'pino';
import { createApp } from './app.js';
import { Assessor } from './assessor.js';
import { AuditWriter } from './audit-writer.js';
import { readConfig, type ServerConfig } from './config.js';
import { createServerEngine } from './engine.js';
import { JobRunner } from './jobs.js';
import { ServerMetrics } from './metrics.js';
import { openStore, type Store } from './store/index.js';

export { createApp, type AppContext } from './app.js';
export { createServerEngine } from './engine.js';
export { readConfig, SETTINGS, type ServerConfig } from './config.js';
export { verifyAuditChain, type VerifyResult } from './audit.js';
export { openStore, type Store } from './store/index.js';

/** Options for {@link startServer}; anything not given comes from the environment (docs/server.md). */
export interface StartOptions {
  port?: number;
  host?: string;
  /** Environment to read settings from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Stop gracefully on SIGINT and SIGTERM, then exit; default true. */
  handleSignals?: boolean;
  /** A logger to use instead of pino on stdout at LOG_LEVEL. */
  logger?: Logger;
}

/** A listening server. */
export interface RunningServer {
  server: Server;
  url: string;
  config: ServerConfig;
  store: Store;
  /** Stops taking connections and jobs, finishes what is in flight, then closes the store. */
  close(): Promise<void>;
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/**
 * Starts the reference server and resolves once it listens; the URL is printed to stdout. Without
 * any API key it binds to the loopback interface only, whatever HOST says, and says so.
 */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = readConfig(env);
  if (options.port !== undefined) config.port = options.port;
  if (options.host !== undefined) config.host = options.host;
  const logger = options.logger ?? pino({ level: config.logLevel, base: { service: 'chokepoint-server' } });

  const taxonomy = loadTaxonomy();
  const engine = await createServerEngine({ ...env, ...(config.plugins !== undefined ? { CHOKEPOINT_PLUGINS: config.plugins } : {}) }, taxonomy);
  const store = await openStore(config);
  const authRequired = config.requireApiKey || (await store.activeKeyCount()) > 0;
  let notice: string | undefined;
  if (!authRequired) {
    if (!isLoopback(config.host)) notice = `no API key is configured, so the server listens on 127.0.0.1 only instead of ${config.host}; create one with \`chokepoint-server keys create\``;
    else notice = 'no API key is configured: listening on the loopback interface only, without authentication';
    if (!isLoopback(config.host)) config.host = '127.0.0.1';
  }

  const metrics = new ServerMetrics(() => store.queueDepth());
  const writer = new AuditWriter(store);
  const assessor = new Assessor(engine, writer, metrics);
  const jobs = new JobRunner(store, assessor, config, logger);
  await jobs.start();
  const state = { shuttingDown: false };
  const app = createApp({ engine, taxonomy, store, config, logger, metrics, assessor, writer, jobs, authRequired, state });

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  }).catch(async (err: unknown) => {
    await jobs.stop(0);
    await store.close();
    throw err;
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      state.shuttingDown = true;
      const timeoutMs = config.shutdownTimeoutSeconds * 1000;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const force = setTimeout(() => server.closeAllConnections(), timeoutMs);
      await Promise.all([closed, jobs.stop(timeoutMs)]);
      clearTimeout(force);
      await writer.drain();
      await store.close();
      logger.info('chokepoint server stopped');
    })());

  if (options.handleSignals ?? true) {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing requests and jobs in flight');
      close().then(
        () => process.exit(0),
        (err: unknown) => {
          logger.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }

  logger.info({ url, store: store.kind, authRequired, plugins: engine.plugins.map((p) => `${p.name}@${p.version}`) }, 'chokepoint server listening');
  if (notice) logger.warn(notice);
  if (!options.logger) {
    console.log(`chokepoint server listening on ${url}`);
    if (notice) console.log(notice);
  }
  return { server, url, config, store, close };
}
