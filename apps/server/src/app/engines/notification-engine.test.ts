import { NoNotifierError, type NotificationEngine, systemClock, ValidationError } from '@warmpath/core';
import { createTestDatabase, type TestDatabase } from '@warmpath/db/testing';
import { createBullMqQueue, createInProcessQueue, type JobQueue, OutboxDispatcher } from '@warmpath/jobs';
import {
  deleteRedisKeys,
  silentJobLogger,
  TEST_REDIS_URL,
  uniqueRedisPrefix,
  waitFor,
} from '@warmpath/jobs/testing';
import { definePlugin, type NotificationMessage, type NotificationReceipt } from '@warmpath/plugin-sdk';
import { createTestHost } from '@warmpath/plugin-sdk/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testStacks } from '../../testing/test-server.js';
import { PluginHealth } from '../plugins/plugin-health.js';
import { createEngines } from './create-engines.js';
import { defineNotificationJobs } from './notification-jobs.js';

/** What the notifiers saw: every send attempt by idempotency key, and the messages delivered. */
const attempts = new Map<string, number>();
const delivered: NotificationMessage[] = [];

/**
 * Notifiers with one behaviour each. `chat` fails as many times as the message's `meta.failTimes` says, then
 * delivers (idempotent by key); `pager` never answers; `sms` answers something that is not a receipt.
 */
const notifiersPlugin = definePlugin({
  id: 'notify-test',
  version: '1.0.0',
  sdk: '^1',
  configSchema: z.object({}),
  settingsSchema: z.object({}),
  register(ctx) {
    const receipts = new Map<string, NotificationReceipt>();
    ctx.notifiers.add('chat', () => ({
      apiVersion: 1,
      channel: 'chat',
      async send(message) {
        const attempt = (attempts.get(message.idempotencyKey) ?? 0) + 1;
        attempts.set(message.idempotencyKey, attempt);
        const failTimes = Number(message.meta?.failTimes ?? 0);
        if (attempt <= failTimes) throw new Error(`chat service unavailable (attempt ${attempt})`);
        const existing = receipts.get(message.idempotencyKey);
        if (existing) return existing;
        delivered.push(message);
        const receipt = { id: `chat-${delivered.length}` };
        receipts.set(message.idempotencyKey, receipt);
        return receipt;
      },
    }));
    ctx.notifiers.add('pager', () => ({
      apiVersion: 1,
      channel: 'pager',
      send: () => new Promise<NotificationReceipt>(() => {}),
    }));
    ctx.notifiers.add('sms', () => ({
      apiVersion: 1,
      channel: 'sms',
      send: async () => ({ sent: true }) as never,
    }));
  },
});

function message(key: string, meta: Record<string, number> = {}): NotificationMessage {
  return {
    idempotencyKey: key,
    to: [{ address: '#referrals' }],
    subject: 'New referral',
    text: 'Globex was referred by Ada.',
    meta,
  };
}

const stacks = await testStacks();

describe.each(stacks)('notification delivery on $name', (stack) => {
  let database: TestDatabase;
  let notifications: NotificationEngine;
  let health: PluginHealth;
  const prefix = uniqueRedisPrefix('notifications');

  /** A worker process: a queue and an outbox dispatcher, with the retry policy given. */
  async function startWorker(backoffMs: number) {
    const queue: JobQueue =
      stack.queue === 'bullmq'
        ? createBullMqQueue({ redisUrl: TEST_REDIS_URL, prefix, logger: silentJobLogger })
        : createInProcessQueue({ logger: silentJobLogger });
    defineNotificationJobs(queue, notifications, { retry: { attempts: 3, backoffMs } });
    const dispatcher = new OutboxDispatcher({
      db: database.db,
      queue,
      logger: silentJobLogger,
      pollIntervalMs: 20,
    });
    await queue.start();
    dispatcher.start();
    return {
      async stop() {
        await dispatcher.stop();
        await queue.stop({ drainTimeoutMs: 200 });
      },
    };
  }

  const row = (id: string) =>
    database.db
      .selectFrom('notification_deliveries')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    database = await createTestDatabase(stack.database);
    const { host } = createTestHost({ plugins: [notifiersPlugin] });
    health = new PluginHealth();
    notifications = createEngines({
      db: database.db,
      clock: systemClock,
      host: () => host,
      health,
      notificationSendTimeoutMs: 100,
    }).notifications;
  });
  afterAll(async () => {
    await database.close();
    if (stack.queue === 'bullmq') await deleteRedisKeys(TEST_REDIS_URL, prefix);
  });

  it('delivers a message to the notifiers of its channel once, however often it is asked for', async () => {
    const worker = await startWorker(50);
    try {
      const key = `${stack.queue}-once`;
      const [delivery] = await notifications.notify(message(key), { channel: 'chat' });
      if (!delivery) throw new Error('expected a delivery');
      expect(delivery).toMatchObject({ channel: 'chat', notifierKey: 'notifiers:notify-test:default:chat' });
      await waitFor(async () => (await row(delivery.id)).status === 'sent', {
        message: 'the delivery to be sent',
      });
      const again = await notifications.notify(message(key), { channel: 'chat' });
      expect(again.map((d) => d.id)).toEqual([delivery.id]);
      expect(await notifications.delivery(delivery.id)).toMatchObject({ status: 'sent', attempts: 1 });
      expect((await notifications.delivery(delivery.id))?.receiptId).toMatch(/^chat-/);
      expect(delivered.filter((m) => m.idempotencyKey === key)).toHaveLength(1);
    } finally {
      await worker.stop();
    }
  });

  it('refuses a channel nobody delivers to and a message that is not one', async () => {
    await expect(notifications.notify(message('x'), { channel: 'fax' })).rejects.toThrow(NoNotifierError);
    await expect(notifications.notify({ ...message('y'), to: [] }, { channel: 'chat' })).rejects.toThrow(
      ValidationError,
    );
    expect(notifications.channels()).toEqual(['chat', 'pager', 'sms']);
  });

  it('retries a notifier that throws, with backoff, until it delivers; health counts the errors', async () => {
    const worker = await startWorker(50);
    try {
      const key = `${stack.queue}-flaky`;
      const [delivery] = await notifications.notify(message(key, { failTimes: 2 }), { channel: 'chat' });
      if (!delivery) throw new Error('expected a delivery');
      await waitFor(async () => (await row(delivery.id)).status === 'sent', {
        message: 'the retried delivery',
      });
      expect(await row(delivery.id)).toMatchObject({ attempts: 3, last_error: null });
      expect(attempts.get(key)).toBe(3);
      const chat = health.instance('notify-test', 'default', 'active');
      expect(chat.errors).toBeGreaterThanOrEqual(2);
      expect(chat.lastError?.message).toMatch(/chat service unavailable/);
    } finally {
      await worker.stop();
    }
  });

  it('times out a notifier that hangs and, after the last attempt, marks the delivery failed', async () => {
    const worker = await startWorker(20);
    try {
      const [delivery] = await notifications.notify(message(`${stack.queue}-hang`), { channel: 'pager' });
      if (!delivery) throw new Error('expected a delivery');
      await waitFor(async () => (await row(delivery.id)).status === 'failed', {
        message: 'the delivery to fail',
      });
      expect(await row(delivery.id)).toMatchObject({ attempts: 3 });
      expect((await row(delivery.id)).last_error).toMatch(/did not answer within 100 ms/);
    } finally {
      await worker.stop();
    }
  });

  it('records an answer that is not a receipt as a failed attempt, never as sent', async () => {
    const worker = await startWorker(20);
    try {
      const [delivery] = await notifications.notify(message(`${stack.queue}-junk`), { channel: 'sms' });
      if (!delivery) throw new Error('expected a delivery');
      await waitFor(async () => (await row(delivery.id)).status === 'failed', {
        message: 'the delivery to fail',
      });
      expect((await row(delivery.id)).last_error).toMatch(/no valid receipt/);
      expect((await row(delivery.id)).receipt).toBeNull();
      expect(health.instance('notify-test', 'default', 'active').lastError?.message).toMatch(
        /no valid receipt/,
      );
    } finally {
      await worker.stop();
    }
  });

  it('keeps a delivery waiting for its retry across a restart and sends it after', async () => {
    const key = `${stack.queue}-restart`;
    // A retry 1.5 s away: the process stops before it comes.
    const first = await startWorker(1500);
    const [delivery] = await notifications.notify(message(key, { failTimes: 1 }), { channel: 'chat' });
    if (!delivery) throw new Error('expected a delivery');
    await waitFor(async () => (await row(delivery.id)).attempts === 1, { message: 'the first attempt' });
    await first.stop();
    expect(await row(delivery.id)).toMatchObject({ status: 'pending', attempts: 1 });

    const second = await startWorker(1500);
    try {
      await waitFor(async () => (await row(delivery.id)).status === 'sent', {
        message: 'the delivery after the restart',
      });
      expect(delivered.filter((m) => m.idempotencyKey === key)).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });
});
