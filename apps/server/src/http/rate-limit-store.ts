import type { FastifyRateLimitStore } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import type { Logger } from '../app/logger.js';
import { MemoryRateLimitStore } from './memory-rate-limit-store.js';

type Counted = (error: Error | null, result?: { current: number; ttl: number }) => void;

// A fixed window per key: the first hit of a window sets its expiry; answers the count and the window's time left.
const INCREMENT = `
local current = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if current == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {current, ttl}
`;
const READ = `
local current = redis.call('GET', KEYS[1])
if not current then return {0, 0} end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then ttl = 0 end
return {tonumber(current), ttl}
`;

/** The commands {@link defineCommands} adds to a connection. */
interface RateLimitCommands {
  warmpathRateLimitIncr(key: string, windowMs: number): Promise<[number, number]>;
  warmpathRateLimitRead(key: string): Promise<[number, number]>;
}

function defineCommands(redis: Redis): Redis & RateLimitCommands {
  if (!('warmpathRateLimitIncr' in redis)) {
    redis.defineCommand('warmpathRateLimitIncr', { numberOfKeys: 1, lua: INCREMENT });
    redis.defineCommand('warmpathRateLimitRead', { numberOfKeys: 1, lua: READ });
  }
  return redis as Redis & RateLimitCommands;
}

/**
 * Whether the rate limits' Redis is down, shared by every store on one connection so an outage is logged once
 * when it starts and once when it ends, however many requests are counted in between.
 */
export class RedisOutage {
  #down = false;

  constructor(private readonly logger: Logger) {}

  get down(): boolean {
    return this.#down;
  }

  failed(error: unknown): void {
    if (this.#down) return;
    this.#down = true;
    this.logger.warn(
      { err: error },
      "Redis is unreachable: rate limits are counted in this process's memory until it answers",
    );
  }

  answered(): void {
    if (!this.#down) return;
    this.#down = false;
    this.logger.info('Redis answers again: rate limits are counted in Redis');
  }
}

/** Where a {@link SharedRateLimitStore} counts: Redis (with its key prefix and outage state), or memory only. */
export interface RateLimitBackend {
  redis?: { client: Redis; keyPrefix: string; outage: RedisOutage };
}

type RedisCounters = NonNullable<RateLimitBackend['redis']> & { commands: Redis & RateLimitCommands };

/**
 * The rate-limit store of every Warmpath limit: counters in Redis when REDIS_URL is set, so every pod shares them;
 * in this process's memory without Redis, and also while Redis does not answer. Limits then hold per process
 * rather than failing open (which would let anyone who can make Redis unreachable guess passwords at full speed),
 * and go back to Redis by themselves at the first command it answers. Each counter stays where it was counted:
 * counts are not carried between memory and Redis.
 */
export class SharedRateLimitStore implements FastifyRateLimitStore {
  readonly #memory: MemoryRateLimitStore;
  readonly #redis: RedisCounters | undefined;

  constructor(backend: RateLimitBackend, memory = new MemoryRateLimitStore()) {
    this.#memory = memory;
    this.#redis = backend.redis && { ...backend.redis, commands: defineCommands(backend.redis.client) };
  }

  incr(key: string, callback: Counted, timeWindow: number): void {
    this.#count(
      (redis) => redis.commands.warmpathRateLimitIncr(redis.keyPrefix + key, timeWindow),
      () => this.#memory.incr(key, callback, timeWindow),
      callback,
    );
  }

  /** The count of `key` without counting a hit (`createRateLimit(…)(request, { increment: false })`). */
  read(key: string, callback: Counted, timeWindow: number): void {
    this.#count(
      (redis) => redis.commands.warmpathRateLimitRead(redis.keyPrefix + key),
      () => this.#memory.read(key, callback, timeWindow),
      callback,
    );
  }

  child(): FastifyRateLimitStore {
    // Limiters made with createRateLimit (and routes with a limit of their own) each get a child: their own memory
    // counters, the same Redis keys (every Warmpath key names its limit, so they do not collide).
    return new SharedRateLimitStore(this.#redis ? { redis: this.#redis } : {}, this.#memory.child());
  }

  #count(
    inRedis: (redis: RedisCounters) => Promise<[number, number]>,
    inMemory: () => void,
    callback: Counted,
  ): void {
    const redis = this.#redis;
    // Not connected (yet, or any more): ioredis would refuse the command at once anyway (no offline queue).
    if (redis?.client.status !== 'ready') {
      inMemory();
      return;
    }
    inRedis(redis).then(
      ([current, ttl]) => {
        redis.outage.answered();
        callback(null, { current, ttl });
      },
      (error: unknown) => {
        redis.outage.failed(error);
        inMemory();
      },
    );
  }
}
