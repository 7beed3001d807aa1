import type { Engine } from '@chokepoint/core';
import { loadAmendments, type LoadedAmendment } from '@chokepoint/lists';
import type { Logger } from 'pino';
import type { Store } from './store/index.js';

/**
 * An engine that can be replaced while the server runs: routes hold the proxy, and each call goes to
 * the engine in use at that moment (answers are pure, so a request never sees two engines).
 */
export function liveEngine(initial: Engine): { engine: Engine; swap(next: Engine): void } {
  let current = initial;
  const engine = new Proxy({} as Engine, { get: (_target, key) => Reflect.get(current, key) as unknown });
  return { engine, swap: (next) => (current = next) };
}

/** Builds an engine over the given lists and amendments (the server's plugins and taxonomy are fixed). */
export type EngineBuilder = (lists: Awaited<ReturnType<Store['loadLists']>>, amendments: LoadedAmendment[]) => Promise<Engine>;

/**
 * Keeps the server's knowledge current without a restart: rebuilds the engine when the lists in the
 * store change (another server may have imported them) or an amendment file changes, and logs it. A
 * rebuild that fails (an invalid amendment) is logged and the engine in use stays.
 */
export class KnowledgeReloader {
  private fingerprint = '';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly store: Store,
    private readonly amendmentsDir: string | undefined,
    private readonly build: EngineBuilder,
    private readonly swap: (engine: Engine) => void,
    private readonly logger: Logger,
  ) {}

  private async read(): Promise<{ lists: Awaited<ReturnType<Store['loadLists']>>; amendments: LoadedAmendment[]; fingerprint: string }> {
    const amendments = this.amendmentsDir ? await loadAmendments(this.amendmentsDir) : [];
    const version = await this.store.listsVersion();
    const fingerprint = `${version}|${amendments.map((a) => `${a.file}:${a.sha256}`).join(',')}`;
    return { lists: fingerprint === this.fingerprint ? [] : await this.store.loadLists(), amendments, fingerprint };
  }

  /** Builds the first engine; an invalid amendment here stops the server from starting, naming it. */
  async initial(): Promise<Engine> {
    const { lists, amendments, fingerprint } = await this.read();
    const engine = await this.build(lists, amendments);
    this.fingerprint = fingerprint;
    return engine;
  }

  /** Rebuilds when something changed (or always with `force`); resolves once the new engine is in use. */
  reload(reason: string, force = false): Promise<void> {
    return (this.running ??= (async () => {
      try {
        const { amendments, fingerprint } = await this.read();
        if (!force && fingerprint === this.fingerprint) return;
        const lists = await this.store.loadLists();
        this.swap(await this.build(lists, amendments));
        this.fingerprint = fingerprint;
        this.logger.info({ reason, lists: lists.map((l) => `${l.id}@${l.asOf} (${l.entries.length})`), amendments: amendments.map((a) => `${a.id} (${a.file})`) }, 'knowledge reloaded: lists and amendments in use changed');
      } catch (err) {
        this.logger.error({ err, reason }, 'knowledge reload refused; the lists and amendments in use stay');
        throw err;
      } finally {
        this.running = undefined;
      }
    })());
  }

  /** Looks for changes every `seconds` (0: never). */
  start(seconds: number): void {
    if (seconds <= 0) return;
    this.timer = setInterval(() => this.reload('periodic check').catch(() => undefined), seconds * 1000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
