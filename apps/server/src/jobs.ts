import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import PgBoss from 'pg-boss';
import type { Assessor } from './assessor.js';
import type { ServerConfig } from './config.js';
import { splitNdjson } from '@chokepoint/core';
import type { Store } from './store/index.js';

const QUEUE = 'chokepoint-batch-jobs';

/** The queue's settings, from the lease: expiry is how pg-boss notices a worker that died; the lease makes an early retry harmless. */
function queueOptions(config: Pick<ServerConfig, 'jobLeaseSeconds'>): PgBoss.Queue {
  return {
    name: QUEUE,
    expireInSeconds: Math.max(2, Math.ceil(config.jobLeaseSeconds * 2)),
    retryLimit: 10_000,
    retryDelay: Math.max(1, Math.ceil(config.jobLeaseSeconds)),
    retryBackoff: false,
  };
}

/**
 * Installs pg-boss's schema (`<schema>_queue`) and creates the job queue, as the role of
 * `connectionString`; `chokepoint-server migrate` runs it as the owner, so that a server role without
 * DDL rights finds both in place.
 */
export async function installJobQueue(connectionString: string, config: Pick<ServerConfig, 'databaseSchema' | 'jobLeaseSeconds'>): Promise<void> {
  const boss = new PgBoss({ connectionString, schema: `${config.databaseSchema}_queue`, supervise: false, schedule: false, max: 1 });
  boss.on('error', () => undefined);
  await boss.start();
  try {
    await boss.createQueue(QUEUE, queueOptions(config));
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}

/** What became of one attempt at a job. */
type Attempt = 'done' | 'failed' | 'held-elsewhere' | 'lost' | 'released' | 'finished-before';

/**
 * Runs batch jobs. Each chunk of lines is committed in one transaction with its output, its audit
 * records and the job's progress, guarded by the worker's lease; so a worker killed mid-job loses
 * only the uncommitted chunk, and the next worker resumes after the last committed one. No answer
 * is recorded twice, because a chunk commits only if progress is still where this worker left it.
 */
export class JobRunner {
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  private stopping = false;
  private stopDeadline = Infinity;
  private readonly active = new Set<Promise<unknown>>();
  private boss: PgBoss | undefined;
  private loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();

  constructor(
    private readonly store: Store,
    private readonly assessor: Assessor,
    private readonly config: ServerConfig,
    private readonly log: Logger,
  ) {}

  /** Starts taking jobs: pg-boss workers on PostgreSQL, an in-process polling loop on SQLite. */
  async start(): Promise<void> {
    if (this.store.kind === 'postgres') {
      this.boss = new PgBoss({
        connectionString: this.config.databaseUrl!,
        schema: `${this.config.databaseSchema}_queue`,
        maintenanceIntervalSeconds: Math.max(1, Math.ceil(this.config.jobLeaseSeconds / 2)),
        max: 4,
      });
      this.boss.on('error', (err) => this.log.error({ err }, 'job queue error'));
      await this.boss.start();
      await this.boss.createQueue(QUEUE, queueOptions(this.config));
      for (let i = 0; i < this.config.jobConcurrency; i++) {
        await this.boss.work<{ jobId: string }>(QUEUE, { batchSize: 1, pollingIntervalSeconds: this.config.jobPollSeconds }, async ([job]) => {
          if (!job) return;
          const outcome = await this.track(this.attempt(job.data.jobId));
          // Thrown so that pg-boss delivers it again later: the holder may still die.
          if (outcome === 'held-elsewhere' || outcome === 'released') throw new Error(`job ${job.data.jobId} ${outcome}`);
        });
      }
      return;
    }
    for (let i = 0; i < this.config.jobConcurrency; i++) this.loops.push(this.pollLoop());
  }

  /** Queues a stored job. */
  async enqueue(jobId: string): Promise<void> {
    if (this.boss) await this.boss.send(QUEUE, { jobId });
    else this.wakeAll();
  }

  /** Stops taking jobs and lets running ones finish; after the timeout they stop at a chunk boundary and go back to the queue. */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.stopDeadline = Date.now() + timeoutMs;
    this.wakeAll();
    if (this.boss) await this.boss.offWork(QUEUE).catch(() => undefined);
    await Promise.allSettled([...this.active, ...this.loops]);
    if (this.boss) await this.boss.stop({ graceful: true, wait: true, timeout: 5000 }).catch(() => undefined);
  }

  private wakeAll(): void {
    for (const wake of this.sleepers) wake();
    this.sleepers.clear();
  }

  private track<T>(p: Promise<T>): Promise<T> {
    this.active.add(p);
    return p.finally(() => this.active.delete(p));
  }

  private async pollLoop(): Promise<void> {
    while (!this.stopping) {
      let id: string | undefined;
      try {
        id = await this.store.nextClaimableJob();
        if (id) await this.track(this.attempt(id));
      } catch (err) {
        this.log.error({ err }, 'job worker error');
      }
      if (!id && !this.stopping) {
        const ac = new AbortController();
        let wake: (() => void) | undefined;
        await Promise.race([sleep(this.config.jobPollSeconds * 1000, undefined, { signal: ac.signal }).catch(() => undefined), new Promise<void>((r) => this.sleepers.add((wake = r)))]);
        ac.abort();
        this.sleepers.delete(wake!);
      }
    }
  }

  private async attempt(jobId: string): Promise<Attempt> {
    if (this.stopping) return 'released';
    const job = await this.store.claimJob(jobId, this.workerId, this.config.jobLeaseSeconds);
    if (!job) {
      const current = await this.store.getJob(jobId);
      return !current || current.status === 'done' || current.status === 'failed' ? 'finished-before' : 'held-elsewhere';
    }
    const log = this.log.child({ jobId, worker: this.workerId });
    log.info({ from: job.processed, total: job.total }, job.processed ? 'job resumed' : 'job started');
    try {
      const lines = splitNdjson(await this.store.jobInput(jobId));
      let from = job.processed;
      while (from < lines.length) {
        if (this.stopping && Date.now() > this.stopDeadline) {
          await this.store.releaseJob(jobId, this.workerId);
          log.warn({ processed: from }, 'job released at shutdown; another worker resumes it');
          return 'released';
        }
        const to = Math.min(from + this.config.jobChunkLines, lines.length);
        const assessed = this.assessor.assessLines(lines.slice(from, to), job.caller);
        const committed = await this.store.commitJobChunk({ jobId, owner: this.workerId, from, to, failedLines: assessed.failed, output: assessed.output, entries: assessed.entries, leaseSeconds: this.config.jobLeaseSeconds });
        if (!committed) {
          log.warn({ processed: from }, 'job taken over by another worker');
          return 'lost';
        }
        from = to;
        await new Promise((r) => setImmediate(r));
      }
      await this.store.finishJob(jobId, this.workerId, 'done');
      log.info({ total: lines.length }, 'job done');
      return 'done';
    } catch (err) {
      log.error({ err }, 'job failed');
      await this.store.finishJob(jobId, this.workerId, 'failed', 'the job stopped on an internal error; lines already answered are kept').catch(() => undefined);
      return 'failed';
    }
  }
}
