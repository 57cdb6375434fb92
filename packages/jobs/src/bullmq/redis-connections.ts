import { Redis } from 'ioredis';
import { JobQueueUnavailableError } from '../errors.js';
import { withTimeout } from '../lifecycle.js';
import { describeError, type JobLogger } from '../logger.js';

/** Reconnect quickly at first, then every 2 s: a restarted Redis is picked up within seconds. */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(attempt * 100, 2000);
}

/**
 * The connection enqueues go through. `enableOfflineQueue: false` makes commands fail at once while Redis is
 * unreachable instead of queueing until it returns (https://docs.bullmq.io/patterns/failing-fast-when-redis-is-down):
 * the outbox keeps the event and retries, and an HTTP request never hangs on a dead Redis.
 */
export class ProducerConnection {
  readonly client: Redis;
  private readonly firstOutcome: Promise<void>;

  constructor(redisUrl: string, onError: (error: unknown) => void) {
    this.client = new Redis(redisUrl, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 5000,
      retryStrategy: reconnectDelayMs,
    });
    this.client.on('error', onError);
    // Until the first connection attempt has an outcome, callers wait (bounded); afterwards they never do.
    this.firstOutcome = new Promise((resolve) => {
      const settle = () => {
        this.client.off('ready', settle).off('error', settle).off('end', settle);
        resolve();
      };
      this.client.on('ready', settle).on('error', settle).on('end', settle);
    });
  }

  /** Resolves when commands can be sent now; rejects with `JobQueueUnavailableError` otherwise. */
  async ready(timeoutMs: number): Promise<void> {
    await withTimeout(
      this.firstOutcome,
      timeoutMs,
      () => new JobQueueUnavailableError(`Redis did not answer within ${timeoutMs} ms`),
    );
    if (this.client.status !== 'ready') {
      throw new JobQueueUnavailableError(`Redis is not reachable (connection ${this.client.status})`);
    }
  }

  async close(): Promise<void> {
    if (this.client.status === 'end') return;
    if (this.client.status !== 'ready') {
      this.client.disconnect();
      return;
    }
    await withTimeout(this.client.quit(), 2000, () => new Error('quit timed out')).catch(() =>
      this.client.disconnect(),
    );
  }
}

/**
 * The connection workers are built from. BullMQ duplicates it for each worker's own and blocking connections;
 * `maxRetriesPerRequest: null` (required by BullMQ for blocking commands) with the offline queue on makes workers
 * wait through an outage and resume by themselves when Redis returns.
 */
export function createWorkerConnection(redisUrl: string, onError: (error: unknown) => void): Redis {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    maxRetriesPerRequest: null,
    retryStrategy: reconnectDelayMs,
  });
  client.on('error', onError);
  return client;
}

/**
 * Logs Redis errors without flooding: during an outage every connection reports every reconnect attempt, so
 * each distinct message is logged at most once per `intervalMs`.
 */
export function createRedisErrorReporter(
  logger: JobLogger,
  intervalMs = 30_000,
): (source: string, error: unknown) => void {
  const lastLogged = new Map<string, number>();
  return (source, error) => {
    const { message } = describeError(error);
    const now = Date.now();
    if (now - (lastLogged.get(message) ?? 0) < intervalMs) return;
    lastLogged.set(message, now);
    logger.warn({ source, err: describeError(error) }, 'Redis error (job queue)');
  };
}
