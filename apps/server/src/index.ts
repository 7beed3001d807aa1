import { once, setMaxListeners } from 'node:events';
import { createServer, type Server } from 'node:http';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { pino, type Logger } from 'pino';
import { createApp, type ServerState } from './app.js';
import { Assessor } from './assessor.js';
import { AuditWriter } from './audit-writer.js';
import { readConfig, type ServerConfig } from './config.js';
import { createServerEngine } from './engine.js';
import { JobRunner } from './jobs.js';
import { ServerMetrics } from './metrics.js';
import { openStore, type Store } from './store/index.js';
import { answerClientError } from './problem.js';
import { KnowledgeReloader, liveEngine } from './knowledge.js';
import type { Engine } from '@chokepoint/core';

export { createApp, type AppContext, type ServerState } from './app.js';
export { createServerEngine } from './engine.js';
export { readConfig, SETTINGS, type ServerConfig } from './config.js';
export { auditHead, verifyAuditChain, type BadRecord, type VerifyOptions, type VerifyResult } from './audit.js';
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

/** The server could not listen on its address; the message names the port and what to do. */
export class ListenError extends Error {
  readonly code: string | undefined;
  constructor(host: string, port: number, cause: unknown) {
    const code = (cause as { code?: string }).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is already in use; stop the other process or set PORT to a free port`
      : code === 'EACCES' ? `port ${port} needs privileges this process does not have; set PORT to 1024 or above`
      : code === 'EADDRNOTAVAIL' ? `address ${host} is not an address of this machine; set HOST` : String((cause as Error).message ?? cause);
    super(`chokepoint server cannot listen on ${host}:${port}: ${why}`, { cause });
    this.name = 'ListenError';
    this.code = code;
  }
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
  const store = await openStore(config);
  const pluginEnv = { ...env, ...(config.plugins !== undefined ? { CHOKEPOINT_PLUGINS: config.plugins } : {}) };
  let swap: (next: Engine) => void = () => undefined;
  const reloader = new KnowledgeReloader(store, config.amendmentsDir, (lists, amendments) => createServerEngine(pluginEnv, taxonomy, { lists, amendments, listMaxAgeDays: config.listMaxAgeDays }), (next) => swap(next), logger);
  const live = liveEngine(await reloader.initial().catch(async (err: unknown) => {
    await store.close();
    throw err;
  }));
  swap = live.swap;
  const engine = live.engine;
  reloader.start(config.reloadSeconds);
  const authRequired = config.requireApiKey || (await store.activeKeyCount()) > 0;
  let notice: string | undefined;
  if (!authRequired) {
    if (!isLoopback(config.host)) notice = `no API key is configured, so the server listens on 127.0.0.1 only instead of ${config.host}, without authentication. Create a key with \`chokepoint-server keys create\`: every /v1 call needs one from then on (within 5 s, no restart); the server listens on ${config.host} once restarted`;
    else notice = 'no API key is configured: listening on the loopback interface only, without authentication. A key created with `chokepoint-server keys create` is required on every /v1 call from then on (within 5 s, no restart)';
    if (!isLoopback(config.host)) config.host = '127.0.0.1';
  }

  // A single user on loopback is not abuse to control: the default limit is for shared servers with keys.
  if (!authRequired && !config.rateLimitSet) config.rateLimit = 0;
  const rateLimitInForce = config.rateLimit === 0 ? 'off' : `${config.rateLimit} requests per ${config.rateLimitWindowSeconds} s per ${authRequired ? 'key' : 'address'} (a key's own limit overrides it)`;

  const metrics = new ServerMetrics(() => store.queueDepth(), () => engine.memoStatistics());
  const writer = new AuditWriter(store);
  const assessor = new Assessor(engine, writer, metrics);
  const jobs = new JobRunner(store, assessor, config, logger);
  await jobs.start();
  const cutter = new AbortController();
  // Every streamed batch waiting for input listens for the cut: as many listeners as open batches.
  setMaxListeners(0, cutter.signal);
  const state: ServerState = { shuttingDown: false, inFlight: new Set(), cut: cutter.signal };
  const app = createApp({ engine, taxonomy, store, config, logger, metrics, assessor, writer, jobs, authRequired, state, reloader });

  // Not app.listen: Express 5 hands a listen error to the callback, which made a busy port look like success.
  const server = await new Promise<Server>((resolve, reject) => {
    const s = createServer(app);
    s.on('clientError', answerClientError);
    s.once('error', reject);
    s.listen(config.port, config.host, () => resolve(s));
  }).catch(async (err: unknown) => {
    await jobs.stop(0);
    await store.close();
    throw new ListenError(config.host, config.port, err);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      state.shuttingDown = true;
      reloader.stop();
      const timeoutMs = config.shutdownTimeoutSeconds * 1000;
      let forced = false;
      const force = setTimeout(() => {
        forced = true;
        // A streamed batch still waiting for input ends now with its in-band line; connections still
        // open are closed once those responses are done, or a second later (a client not reading).
        cutter.abort();
        setTimeout(() => server.closeAllConnections(), 1000).unref();
      }, timeoutMs);
      const stopping = jobs.stop(timeoutMs);
      // The drain window: the server keeps listening until the requests in flight now have finished
      // (a streamed batch ends at its next chunk with an in-band line), so that /readyz can answer 503
      // and a load balancer sees the instance leave; requests that come meanwhile are answered and
      // their connections closed. Then it stops listening and waits for what is left.
      await Promise.all([...state.inFlight].map((res) => (res.closed ? undefined : once(res, 'close'))));
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (forced) server.closeAllConnections();
      await Promise.all([closed, stopping]);
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

  logger.info({ url, store: store.kind, authRequired, rateLimit: rateLimitInForce, plugins: engine.plugins.map((p) => `${p.name}@${p.version}`) }, 'chokepoint server listening');
  if (notice) logger.warn(notice);
  if (!options.logger) {
    console.log(`chokepoint server listening on ${url} (rate limit: ${rateLimitInForce})`);
    if (notice) console.log(notice);
  }
  return { server, url, config, store, close };
}
