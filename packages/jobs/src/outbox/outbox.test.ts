import { type Database, json, type Kysely, newId, sql, type Transaction } from '@warmpath/db';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@warmpath/db/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createBullMqQueue } from '../bullmq/bullmq-queue.js';
import { JobQueueUnavailableError } from '../errors.js';
import { createInProcessQueue, type InProcessJobQueue } from '../in-process/in-process-queue.js';
import { defineJob } from '../job-definition.js';
import type { EnqueueOptions, JobQueue } from '../job-queue.js';
import { silentJobLogger } from '../logger.js';
import { canStartRedisServer, type RedisServerProcess, startRedisServer } from '../testing/redis-server.js';
import { sleep, waitFor } from '../testing/wait-for.js';
import { OutboxDispatcher } from './outbox-dispatcher.js';
import { writeOutbox } from './write-outbox.js';

const kinds = await testDatabaseKinds();
const withRedisServer = canStartRedisServer();

/** A domain change: a track, written in the caller's transaction. */
async function createTrack(db: Kysely<Database> | Transaction<Database>): Promise<string> {
  const id = newId();
  await db
    .insertInto('tracks')
    .values({
      id,
      slug: `track-${id}`,
      name: 'Partners',
      kind: 'partner',
      landing_url: 'https://example.com',
      allowed_destinations: json([]),
      form: json([]),
      settings: json({}),
      updated_at: new Date(),
    })
    .execute();
  return id;
}

/** A domain change and its side effect, committed together. */
function commitTrackCreated(db: Kysely<Database>): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const trackId = await createTrack(trx);
    await writeOutbox(trx, { jobName: 'track.created', payload: { trackId } });
    return trackId;
  });
}

/** A JobQueue stand-in that records enqueues, and can be told to fail as a queue with Redis down does. */
function recordingQueue(): JobQueue & {
  calls: { name: string; payload: unknown; options?: EnqueueOptions }[];
  down: boolean;
} {
  const queue = {
    driver: 'in-process' as const,
    calls: [] as { name: string; payload: unknown; options?: EnqueueOptions }[],
    down: false,
    define: () => {},
    enqueue: async (name: string, payload: unknown, options?: EnqueueOptions) => {
      if (queue.down) throw new JobQueueUnavailableError('Redis is not reachable (connection reconnecting)');
      queue.calls.push({ name, payload, options });
      return { id: newId(), deduplicated: false };
    },
    start: async () => {},
    stop: async () => {},
    ping: async () => {},
    stats: async () => ({}),
    schedule: () => {},
    unschedule: async () => {},
    schedules: async () => [],
  };
  return queue;
}

describe.each(kinds)('outbox on %s', (kind) => {
  let database: TestDatabase;
  let queue: InProcessJobQueue;
  const handled: { trackId: string; jobId: string }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase(kind);
  });
  afterAll(() => database.close());
  afterEach(async () => {
    await queue?.stop();
    handled.length = 0;
    await database.db.deleteFrom('outbox').execute();
  });

  async function startQueue(): Promise<InProcessJobQueue> {
    queue = createInProcessQueue({ logger: silentJobLogger });
    queue.define(
      defineJob({
        name: 'track.created',
        schema: z.object({ trackId: z.string() }),
        handler: async ({ trackId }, ctx) => {
          handled.push({ trackId, jobId: ctx.id });
        },
      }),
    );
    await queue.start();
    return queue;
  }

  const pending = (db: Kysely<Database>) =>
    db.selectFrom('outbox').selectAll().where('dispatched_at', 'is', null).orderBy('created_at').execute();

  it('commits the outbox row with the domain change, and writes neither when the transaction rolls back', async () => {
    const { db } = database;
    const committed = await db.transaction().execute(async (trx) => {
      const trackId = await createTrack(trx);
      const outboxId = await writeOutbox(trx, { jobName: 'track.created', payload: { trackId } });
      return { trackId, outboxId };
    });
    const rolledBack = { trackId: '', outboxId: '' };
    await expect(
      db.transaction().execute(async (trx) => {
        rolledBack.trackId = await createTrack(trx);
        rolledBack.outboxId = await writeOutbox(trx, {
          jobName: 'track.created',
          payload: { trackId: rolledBack.trackId },
        });
        throw new Error('validation failed after the writes');
      }),
    ).rejects.toThrow('validation failed');

    const rows = await db.selectFrom('outbox').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      id: committed.outboxId,
      job_name: 'track.created',
      payload: { trackId: committed.trackId },
      idempotency_key: null,
      dispatched_at: null,
      attempts: 0,
      last_error: null,
    });
    const tracks = await db
      .selectFrom('tracks')
      .select('id')
      .where('id', 'in', [committed.trackId, rolledBack.trackId])
      .execute();
    expect(tracks.map((t) => t.id)).toEqual([committed.trackId]);
  });

  it('dispatches due rows to their jobs, keyed by idempotency key or row id, and leaves future rows', async () => {
    const { db } = database;
    await startQueue();
    const now = await createTrack(db);
    const keyed = await createTrack(db);
    const later = await createTrack(db);
    const nowId = await writeOutbox(db, { jobName: 'track.created', payload: { trackId: now } });
    await writeOutbox(db, {
      jobName: 'track.created',
      payload: { trackId: keyed },
      idempotencyKey: `track:${keyed}`,
    });
    const laterId = await writeOutbox(db, {
      jobName: 'track.created',
      payload: { trackId: later },
      availableAt: new Date(Date.now() + 60_000),
    });
    const dispatcher = new OutboxDispatcher({ db, queue, logger: silentJobLogger });

    expect(await dispatcher.dispatchOnce()).toBe(2);
    await queue.drain();
    expect(handled.map((h) => h.trackId).sort()).toEqual([now, keyed].sort());
    expect(await dispatcher.dispatchOnce()).toBe(0);
    // In-process jobs confirm completion asynchronously; then only the future row is pending.
    await waitFor(async () => (await pending(db)).length === 1, {
      timeoutMs: 5000,
      message: 'rows marked done',
    });
    expect((await pending(db)).map((row) => row.id)).toEqual([laterId]);

    // The row id is the idempotency key: enqueueing it again (a dispatcher that crashed before its commit) is a no-op.
    expect(await queue.enqueue('track.created', { trackId: now }, { idempotencyKey: nowId })).toMatchObject({
      deduplicated: true,
    });
    expect(
      await queue.enqueue('track.created', { trackId: keyed }, { idempotencyKey: `track:${keyed}` }),
    ).toMatchObject({
      deduplicated: true,
    });
  });

  it('runs the job once when a row is dispatched again after a crash between enqueue and commit', async () => {
    const { db } = database;
    await startQueue();
    const trackId = await createTrack(db);
    const outboxId = await writeOutbox(db, { jobName: 'track.created', payload: { trackId } });
    // The first dispatcher enqueued the job, then died before marking the row.
    await queue.enqueue('track.created', { trackId }, { idempotencyKey: outboxId });
    await queue.drain();

    const dispatcher = new OutboxDispatcher({ db, queue, logger: silentJobLogger });
    expect(await dispatcher.dispatchOnce()).toBe(1);
    await queue.drain();
    expect(handled.map((h) => h.trackId)).toEqual([trackId]);
    // The in-process queue confirms completion asynchronously; the row is then marked done.
    await waitFor(async () => (await pending(db)).length === 0, {
      timeoutMs: 5000,
      message: 'the row to be marked done',
    });
  });

  it('hands a row whose in-process job died with the process to the next process', async () => {
    const { db } = database;
    const trackId = await createTrack(db);
    await writeOutbox(db, { jobName: 'track.created', payload: { trackId } });

    // First process: the job starts, then the process stops before the job completes.
    const doomed = createInProcessQueue({
      logger: silentJobLogger,
      defaultRetry: { attempts: 1, backoffMs: 1 },
    });
    let started = false;
    doomed.define(
      defineJob({
        name: 'track.created',
        schema: z.object({ trackId: z.string() }),
        handler: async (_payload, ctx) => {
          started = true;
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
          throw new Error('aborted by shutdown');
        },
      }),
    );
    await doomed.start();
    const first = new OutboxDispatcher({ db, queue: doomed, logger: silentJobLogger, leaseMs: 60_000 });
    expect(await first.dispatchOnce()).toBe(1);
    await waitFor(() => started, { timeoutMs: 5000, message: 'the first job to start' });
    await doomed.stop({ drainTimeoutMs: 10 });
    expect(await pending(db)).toHaveLength(1);
    expect(await first.dispatchOnce()).toBe(0); // leased: not handed out twice while its job may still run

    // Next process: the lease is released at start, the job runs, the row is done.
    await startQueue();
    const second = new OutboxDispatcher({ db, queue, logger: silentJobLogger, pollIntervalMs: 20 });
    second.start();
    try {
      await waitFor(async () => (await pending(db)).length === 0, {
        timeoutMs: 5000,
        message: 'the row to be done',
      });
      expect(handled.map((h) => h.trackId)).toEqual([trackId]);
    } finally {
      await second.stop();
    }
  });

  it('keeps a row pending with attempts, last_error and a capped exponential back-off while the queue is down', async () => {
    const { db } = database;
    const failing = recordingQueue();
    failing.down = true;
    const trackId = await createTrack(db);
    const outboxId = await writeOutbox(db, { jobName: 'track.created', payload: { trackId } });
    const dispatcher = new OutboxDispatcher({
      db,
      queue: failing,
      logger: silentJobLogger,
      backoffMs: 1000,
      maxBackoffMs: 3000,
    });

    const backoffs: number[] = [];
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect(await dispatcher.dispatchOnce()).toBe(0);
      expect(await dispatcher.dispatchOnce()).toBe(0); // not due again yet
      const row = await db
        .selectFrom('outbox')
        .select([
          'attempts',
          'last_error',
          'dispatched_at',
          sql<number>`extract(epoch from available_at - now()) * 1000`.as('due_in_ms'),
        ])
        .where('id', '=', outboxId)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ attempts: attempt, dispatched_at: null });
      expect(row.last_error).toContain('Redis is not reachable');
      backoffs.push(Math.round(row.due_in_ms / 1000));
      // Let time pass: make the row due again.
      await db
        .updateTable('outbox')
        .set({ available_at: sql<Date>`now() - interval '1 second'` })
        .where('id', '=', outboxId)
        .execute();
    }
    expect(backoffs).toEqual([1, 2, 3, 3]);

    failing.down = false;
    expect(await dispatcher.dispatchOnce()).toBe(1);
    expect(failing.calls).toEqual([
      { name: 'track.created', payload: { trackId }, options: { idempotencyKey: outboxId } },
    ]);
  });

  it('lets concurrent dispatchers claim each row once (FOR UPDATE SKIP LOCKED)', async () => {
    const { db } = database;
    const recording = recordingQueue();
    const ids: string[] = [];
    for (let n = 0; n < 30; n += 1)
      ids.push(await writeOutbox(db, { jobName: 'track.created', payload: { n } }));
    const dispatchers = [1, 2, 3].map(
      () => new OutboxDispatcher({ db, queue: recording, logger: silentJobLogger, batchSize: 4 }),
    );

    let total = 0;
    for (;;) {
      const counts = await Promise.all(dispatchers.map((dispatcher) => dispatcher.dispatchOnce()));
      const round = counts.reduce((sum, count) => sum + count, 0);
      if (round === 0) break;
      total += round;
    }
    expect(total).toBe(30);
    expect(recording.calls.map((call) => call.options?.idempotencyKey).sort()).toEqual(ids.sort());
  });

  it('polls in the background and dispatches at once when woken', async () => {
    const { db } = database;
    await startQueue();
    const first = await commitTrackCreated(db);
    const dispatcher = new OutboxDispatcher({ db, queue, logger: silentJobLogger, pollIntervalMs: 60_000 });
    dispatcher.start();
    try {
      await waitFor(() => handled.length === 1, { message: 'the first poll' });
      // The dispatcher now sleeps for a minute; only wake() brings the next row through in time.
      const second = await commitTrackCreated(db);
      dispatcher.wake();
      await waitFor(() => handled.length === 2, { timeoutMs: 2000, message: 'the woken dispatcher' });
      expect(handled.map((h) => h.trackId)).toEqual([first, second]);
    } finally {
      await dispatcher.stop();
    }
  });
  describe.runIf(withRedisServer)('through BullMQ on a private redis-server', () => {
    let redis: RedisServerProcess;
    let bullmq: JobQueue | undefined;
    let dispatcher: OutboxDispatcher | undefined;

    // biome-ignore lint/suspicious/noDuplicateTestHooks: Biome does not see describe.runIf as a new describe scope
    beforeAll(async () => {
      redis = await startRedisServer();
    });
    // biome-ignore lint/suspicious/noDuplicateTestHooks: as above
    afterAll(async () => {
      await dispatcher?.stop();
      await bullmq?.stop({ drainTimeoutMs: 1000 });
      await redis?.stop();
    });

    it('killing Redis mid-test loses no outbox event', async () => {
      const { db } = database;
      const handledByWorker: string[] = [];
      bullmq = createBullMqQueue({ redisUrl: redis.url, prefix: 'outbox-kill', logger: silentJobLogger });
      bullmq.define(
        defineJob({
          name: 'track.created',
          schema: z.object({ trackId: z.string() }),
          retry: { attempts: 3, backoffMs: 10 },
          handler: async ({ trackId }) => {
            handledByWorker.push(trackId);
          },
        }),
      );
      await bullmq.start();
      dispatcher = new OutboxDispatcher({
        db,
        queue: bullmq,
        logger: silentJobLogger,
        pollIntervalMs: 25,
        backoffMs: 20,
        maxBackoffMs: 100,
      });
      dispatcher.start();

      const beforeCrash: string[] = [];
      for (let n = 0; n < 3; n += 1) beforeCrash.push(await commitTrackCreated(db));
      await waitFor(() => handledByWorker.length === 3, {
        message: 'events committed before the crash to be handled',
      });

      await redis.kill();
      // Enqueueing fails at once instead of waiting for Redis to return.
      const enqueueStartedAt = Date.now();
      await expect(bullmq.enqueue('track.created', { trackId: newId() })).rejects.toBeInstanceOf(
        JobQueueUnavailableError,
      );
      expect(Date.now() - enqueueStartedAt).toBeLessThan(500);

      const duringOutage: string[] = [];
      for (let n = 0; n < 5; n += 1) duringOutage.push(await commitTrackCreated(db));
      // Every row is tried and fails (more than once: the dispatcher keeps polling) and stays pending.
      await waitFor(
        async () => {
          const rows = await pending(db);
          return rows.length === 5 && rows.every((row) => row.attempts >= 2);
        },
        { message: 'dispatch attempts to fail while Redis is down' },
      );
      expect(await dispatcher.dispatchOnce()).toBe(0);
      const stuck = await pending(db);
      expect(stuck.map((row) => (row.payload as { trackId: string }).trackId)).toEqual(duringOutage);
      for (const row of stuck) expect(row.last_error).toMatch(/Redis/);
      expect(handledByWorker).toEqual(beforeCrash);

      await redis.restart();

      await waitFor(() => handledByWorker.length === 8, {
        timeoutMs: 20_000,
        message: 'every event to be handled',
      });
      await sleep(300); // room for a duplicate to show up, if there were one
      expect([...handledByWorker].sort()).toEqual([...beforeCrash, ...duringOutage].sort());
      expect(await pending(db)).toEqual([]);
    });
  });
});
