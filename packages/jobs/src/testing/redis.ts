import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis server integration tests use (docs/contributing.md "Tests"). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A job queue driver name, as `JobQueue.driver` reports it. */
export type QueueDriverName = 'in-process' | 'bullmq';

let redisAvailable: Promise<boolean> | undefined;

/** Resolves true when a Redis server answers PING at `url` within two seconds. */
export async function isRedisReachable(url: string): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

/**
 * The queue drivers integration suites run on: always the in-process driver, plus BullMQ when Redis answers at
 * TEST_REDIS_URL. With `CI=true` a missing Redis is an error rather than a silent skip.
 */
export async function testQueueDrivers(): Promise<QueueDriverName[]> {
  redisAvailable ??= isRedisReachable(TEST_REDIS_URL);
  if (await redisAvailable) return ['in-process', 'bullmq'];
  if (process.env.CI === 'true') {
    throw new Error(`CI=true but Redis is not reachable at ${TEST_REDIS_URL} (set TEST_REDIS_URL)`);
  }
  console.warn(`[warmpath] Redis not reachable at ${TEST_REDIS_URL}: running the in-process job driver only`);
  return ['in-process'];
}

/** A key prefix no other test (or test run) uses, so suites can share one Redis in parallel. */
export function uniqueRedisPrefix(label = 'test'): string {
  return `wp-${label}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under `prefix` (what a BullMQ queue with that prefix wrote). */
export async function deleteRedisKeys(url: string, prefix: string): Promise<void> {
  const client = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
