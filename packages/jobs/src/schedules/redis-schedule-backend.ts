import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { ScheduleBackend, ScheduleLease } from './run-scheduled-tick.js';
import { type ScheduleRunRecord, scheduleRunRecordSchema } from './schedule-state.js';

/** Deletes the lock only if this holder still owns it (it may have expired and been taken by another worker). */
const RELEASE_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Extends the lock only if this holder still owns it. */
const RENEW_SCRIPT = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * The BullMQ driver's schedule backend. BullMQ's job scheduler produces the next tick's job as soon as the current
 * one starts, so a slow run could overlap the next tick on another worker; a Redis lock per schedule (renewed
 * while the run lasts, expiring if its worker dies) makes any such tick skip instead. Last runs live in a Redis
 * hash so every process, API pods included, reads the same state.
 */
export class RedisScheduleBackend implements ScheduleBackend {
  constructor(
    private readonly redis: () => Promise<Redis>,
    private readonly prefix: string,
    private readonly lockTtlMs = 30_000,
  ) {}

  async tryLease(name: string): Promise<ScheduleLease | undefined> {
    const redis = await this.redis();
    const key = this.key('lock', name);
    const token = randomUUID();
    const acquired = await redis.set(key, token, 'PX', this.lockTtlMs, 'NX');
    if (acquired !== 'OK') return undefined;
    const renew = setInterval(() => {
      redis.eval(RENEW_SCRIPT, 1, key, token, String(this.lockTtlMs)).catch(() => {});
    }, this.lockTtlMs / 3);
    renew.unref();
    return {
      release: async () => {
        clearInterval(renew);
        // If this fails the lock simply expires after lockTtlMs.
        await redis.eval(RELEASE_SCRIPT, 1, key, token).catch(() => {});
      },
    };
  }

  async record(name: string, record: ScheduleRunRecord): Promise<void> {
    const redis = await this.redis();
    await redis.hset(this.key('state', name), {
      lastRunAt: String(record.lastRunAt),
      lastResult: record.lastResult,
      lastError: record.lastError,
    });
  }

  /** The last recorded run of a schedule, as any process sees it. */
  async lastRun(name: string): Promise<ScheduleRunRecord | undefined> {
    const redis = await this.redis();
    const stored = await redis.hgetall(this.key('state', name));
    const parsed = scheduleRunRecordSchema.safeParse(stored);
    return parsed.success ? parsed.data : undefined;
  }

  private key(kind: 'lock' | 'state', name: string): string {
    return `${this.prefix}:schedule-${kind}:${name}`;
  }
}
