import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Request } from 'express';
import type { MemoStatistics } from '@chokepoint/core';

/** The server's Prometheus metrics, on a registry of its own so that several apps can share a process. */
export class ServerMetrics {
  readonly registry = new Registry();
  readonly requests = new Counter({ name: 'chokepoint_http_requests_total', help: 'HTTP requests by method, route and status', labelNames: ['method', 'route', 'status'] as const, registers: [this.registry] });
  readonly latency = new Histogram({
    name: 'chokepoint_http_request_duration_seconds',
    help: 'HTTP request latency by method and route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [this.registry],
  });
  readonly assessments = new Counter({ name: 'chokepoint_assessments_total', help: 'Assessments answered, by overall verdict (invalid: rejected input)', labelNames: ['verdict'] as const, registers: [this.registry] });

  /** @param memos the engine's sub-result memos (`engine.memoStatistics()`), read at each scrape. */
  constructor(queueDepth: () => Promise<number>, memos?: () => readonly MemoStatistics[]) {
    collectDefaultMetrics({ register: this.registry });
    if (memos) {
      // The engine keeps no answers, only bounded memos of sub-results: their hits and misses since the engine was built.
      for (const [name, field] of [['chokepoint_engine_memo_hits', 'hits'], ['chokepoint_engine_memo_misses', 'misses']] as const) {
        new Gauge({
          name,
          help: `The engine's sub-result memos: ${field} since the engine in use was built (item resolution, candidate entries, party screening)`,
          labelNames: ['memo'] as const,
          registers: [this.registry],
          collect() {
            for (const m of memos()) this.set({ memo: m.label }, m[field]);
          },
        });
      }
    }
    new Gauge({
      name: 'chokepoint_job_queue_depth',
      help: 'Batch jobs queued or running',
      registers: [this.registry],
      async collect() {
        this.set(await queueDepth());
      },
    });
  }

  /** Counts and times a finished request under its route pattern, never its raw URL (bounded label sets). */
  record(req: Request, status: number, seconds: number): void {
    // A route run by the API's exact-path step (api.ts) has its pattern in `res.locals.route`; the router sets `req.route`.
    const exact = (req.res?.locals as { route?: string } | undefined)?.route;
    const route = exact ?? (req.route ? `${req.baseUrl}${(req.route as { path: string }).path}` : 'unmatched');
    this.requests.inc({ method: req.method, route, status });
    this.latency.observe({ method: req.method, route }, seconds);
  }
}
