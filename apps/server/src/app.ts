import { randomUUID } from 'node:crypto';
import { ValidationError, type Engine } from '@chokepoint/core';
import type { Taxonomy } from '@chokepoint/taxonomy';
import cors from 'cors';
import type { ServerResponse } from 'node:http';
import express, { type ErrorRequestHandler, type Express } from 'express';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import type { RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { Api } from './api.js';
import { HealthSchema, problemContent, ReadinessSchema } from './schemas.js';
import type { Assessor } from './assessor.js';
import type { AuditWriter } from './audit-writer.js';
import { authenticate, gate, rateLimiter } from './auth.js';
import type { ServerConfig } from './config.js';
import type { JobRunner } from './jobs.js';
import type { ServerMetrics } from './metrics.js';
import { HttpProblem, problems, sendProblem } from './problem.js';
import { assessmentRoutes } from './routes/assessments.js';
import { exposureRoutes } from './routes/exposure.js';
import { jobRoutes } from './routes/jobs.js';
import { knowledgeRoutes } from './routes/knowledge.js';
import type { KnowledgeReloader } from './knowledge.js';
import { referenceRoutes } from './routes/reference.js';
import type { Store } from './store/index.js';
import { SERVER_VERSION } from './version.js';
import { serveWebApp, webRoot } from './web.js';
import { HELMET_OPTIONS, helmetHeaders } from './security-headers.js';

/** What the running server's requests share about its life. */
export interface ServerState {
  /** True once a graceful shutdown began: `/readyz` answers 503, streamed batches end in-band. */
  shuttingDown: boolean;
  /** Responses not yet closed; shutdown keeps listening until those in flight when it began are done. */
  inFlight: Set<ServerResponse>;
  /**
   * Aborted when the shutdown timeout runs out: a streamed batch still waiting for its input ends at
   * once with its in-band line, before the connections still open are closed. Optional for callers
   * of `createApp` that built a state before it existed: without it, batches are never cut early.
   */
  cut?: AbortSignal;
}

/** Everything the HTTP layer works with; built by `startServer`, or by a test. */
export interface AppContext {
  engine: Engine;
  taxonomy: Taxonomy;
  store: Store;
  config: ServerConfig;
  logger: Logger;
  metrics: ServerMetrics;
  assessor: Assessor;
  writer: AuditWriter;
  jobs: JobRunner | undefined;
  /** Whether `/v1` calls need an API key at start (keys exist, or CHOKEPOINT_REQUIRE_API_KEY); a key created later turns it on. */
  authRequired: boolean;
  state: ServerState;
  /** Rebuilds the engine when lists or amendments change; absent in tests that do not need it. */
  reloader?: KnowledgeReloader;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** `/healthz`, `/readyz`, `/metrics` and `/openapi.json` sit outside `/v1` and the router; they are described here. */
function describeOperationalRoutes(api: Api): void {
  const problem = (description: string) => ({ description, content: problemContent });
  const plain = (path: string, operationId: string, summary: string, responses: RouteConfig['responses']) =>
    api.registry.registerPath({ method: 'get', path, operationId, summary, tags: ['operations'], security: [], responses });
  plain('/healthz', 'getHealth', 'Liveness: the process is up', { 200: { description: 'Up', content: { 'application/json': { schema: HealthSchema } } } });
  plain('/readyz', 'getReadiness', 'Readiness: the database answers and the server is not shutting down', {
    200: { description: 'Ready', content: { 'application/json': { schema: ReadinessSchema } } },
    503: problem('Shutting down, or the database does not answer'),
  });
  plain('/metrics', 'getMetrics', 'Prometheus metrics', { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: z.string() } } } });
  plain('/openapi.json', 'getOpenApi', 'This OpenAPI document', { 200: { description: 'OpenAPI 3.0 document', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } });
}

/** The HTTP application over an engine and a store (CONTRACT §7); it holds no rule logic of its own. */
export function createApp(ctx: AppContext): Express {
  const { config, store, metrics } = ctx;
  const app = express();
  app.disable('x-powered-by');
  if (config.trustProxy) app.set('trust proxy', /^\d+$/.test(config.trustProxy) ? Number(config.trustProxy) : config.trustProxy);

  // What every request starts with, in one step: its ID, helmet's headers (worked out once, see
  // security-headers.ts) and one listener for its log line, its metrics and the count of requests in flight.
  const { inFlight } = ctx.state;
  const security = helmetHeaders(HELMET_OPTIONS);
  app.use((req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', id);
    for (const [name, value] of security) res.setHeader(name, value);
    res.locals.requestId = id;
    // While draining, a client's connection ends with this answer, so it reconnects to another instance.
    if (ctx.state.shuttingDown) res.setHeader('Connection', 'close');
    inFlight.add(res);
    const start = process.hrtime.bigint();
    // 'close' comes once: `on` spares the wrapper `once` builds on every request.
    res.on('close', () => {
      inFlight.delete(res);
      // A response cut off before it finished (the client left) is neither counted nor logged as answered.
      if (!res.writableFinished) return;
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      metrics.record(req, res.statusCode, seconds);
      // Successful requests log at debug: one info line per answer cost more than the answer under load (#11.4).
      const level = res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'info' : 'debug';
      if (ctx.logger.isLevelEnabled(level)) ctx.logger[level]({ reqId: id, method: req.method, url: req.originalUrl, status: res.statusCode, ms: Math.round(seconds * 1e5) / 100 }, 'request completed');
    });
    next();
  });
  if (config.corsOrigins.length) app.use(cors({ origin: config.corsOrigins.includes('*') ? '*' : config.corsOrigins, allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id'], exposedHeaders: ['X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Retry-After'] }));

  const router = express.Router();
  const api = new Api(router);
  referenceRoutes(api, ctx.engine, ctx.taxonomy);
  assessmentRoutes(api, { assessor: ctx.assessor, writer: ctx.writer, store, bodyLimit: config.bodyLimitBytes, batchLimit: config.batchLimitBytes, draining: () => ctx.state.shuttingDown, cut: ctx.state.cut ?? new AbortController().signal });
  jobRoutes(api, { store, runner: ctx.jobs, jobLimit: config.jobLimitBytes });
  exposureRoutes(api, ctx.engine, config.bodyLimitBytes);
  knowledgeRoutes(api, { engine: ctx.engine, store, reloader: ctx.reloader, bodyLimit: config.bodyLimitBytes, batchLimit: config.batchLimitBytes, draining: () => ctx.state.shuttingDown, cut: ctx.state.cut });

  describeOperationalRoutes(api);
  const openapi = api.document({
    title: 'chokepoint reference server',
    version: SERVER_VERSION,
    description: 'Export controls on critical minerals (China MOFCOM, US EAR, EU dual use, Japan METI, and any plugin in CHOKEPOINT_PLUGINS). Answers are decision support, not legal advice.',
  });

  // The API first: an API call passes no static-file or docs middleware on its way to its route.
  const keysFromNowOn = () => ctx.logger.warn('an API key exists now: every /v1 call needs one from now on; the server still listens on loopback only until it restarts');
  app.use('/v1', gate(authenticate(store, ctx.authRequired, keysFromNowOn), rateLimiter(config.rateLimit, config.rateLimitWindowSeconds)));
  app.use(api.handler());

  const web = webRoot();
  if (web) serveWebApp(app, web);
  else ctx.logger.warn('the web application is not built (dist/web/index.html is missing); GET / answers 404 until `pnpm build` has run');
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    if (ctx.state.shuttingDown) return sendProblem(res, problems.unavailable('The server is shutting down.'));
    try {
      await store.ping();
    } catch {
      return sendProblem(res, problems.unavailable('The database does not answer.'));
    }
    res.json({ status: 'ready', store: store.kind, plugins: ctx.engine.plugins.length });
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openapi, { customSiteTitle: 'chokepoint API' }));


  app.use((req, res) => {
    sendProblem(res, problems.notFound(`No route ${req.method} ${req.path}; see /openapi.json.`));
  });

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    if (res.headersSent) {
      ctx.logger.error({ err, reqId: res.locals.requestId as string }, 'error after the response started');
      res.destroy();
      return;
    }
    if (err instanceof HttpProblem) return sendProblem(res, err.problem);
    if (err instanceof ValidationError) return sendProblem(res, problems.invalid(err.message, err.errors));
    const e = err as { type?: string; status?: number; limit?: number; code?: unknown; errno?: unknown };
    if (e.type === 'entity.too.large') return sendProblem(res, problems.tooLarge(e.limit ?? config.bodyLimitBytes));
    if (e.type === 'entity.parse.failed') return sendProblem(res, problems.invalid('The request body is not valid JSON.', [{ path: '', message: 'expected a JSON object' }]));
    if (e.type === 'encoding.unsupported') return sendProblem(res, problems.unsupportedEncoding(String(req.headers['content-encoding'] ?? '')));
    // zlib's own errors (Z_DATA_ERROR, ERR__ERROR_FORMAT_… from brotli; each with a numeric errno) while
    // inflating a body that is not what its Content-Encoding says.
    if (e.status === 400 && e.type === undefined && typeof e.errno === 'number' && typeof e.code === 'string') return sendProblem(res, problems.undecodable(String(req.headers['content-encoding'] ?? ''), err instanceof Error ? err.message : String(err)));
    if (e.type === 'charset.unsupported') return sendProblem(res, problems.unsupportedMediaType('UTF-8 JSON', 'Content-Type'));
    if (err instanceof URIError) return sendProblem(res, problems.invalid('The request path is not valid percent-encoding.', [{ path: 'path', message: 'expected valid percent-encoded UTF-8 (such as %2F), got a malformed escape' }]));
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) {
      return sendProblem(res, { type: 'https://chokepoint.dev/problems/bad-request', title: 'Bad Request', status: e.status, detail: 'The request could not be read.', errors: [{ path: '', message: err instanceof Error ? err.message : 'the request could not be read' }] });
    }
    ctx.logger.error({ err, reqId: res.locals.requestId as string }, 'unhandled error');
    sendProblem(res, problems.internal());
  };
  app.use(onError);
  return app;
}

