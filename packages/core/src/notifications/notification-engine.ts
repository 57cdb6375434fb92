import type { Database, Kysely } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import {
  type NotificationMessage,
  NotificationMessageSchema,
  NotificationReceiptSchema,
  type Notifier,
} from '@warmpath/plugin-sdk';
import type { Clock } from '../clock.js';
import type { Executor } from '../common/executor.js';
import { parseInput } from '../errors.js';
import {
  asError,
  type ImplementationResolver,
  type PluginFailureListener,
} from '../plugin-points/implementation-resolver.js';
import { PluginTimeoutError, withTimeout } from '../plugin-points/with-timeout.js';
import {
  findDelivery,
  insertDelivery,
  markAttemptFailed,
  markSent,
  toDelivery,
} from './notification-delivery.repository.js';
import {
  NOTIFICATION_DELIVER_JOB,
  type NotificationDelivery,
  NotifyInputSchema,
} from './notification-delivery.schema.js';
import { NoNotifierError, NotificationDeliveryError } from './notification-errors.js';

/** Options of {@link NotificationEngine}. */
export interface NotificationEngineOptions {
  db: Kysely<Database>;
  clock: Clock;
  notifiers: ImplementationResolver<Notifier>;
  /** One `send()` call (default 30 s); a notifier that hangs longer counts as a failed attempt. */
  sendTimeoutMs?: number;
  /** Told about failures `send()` did not throw (timeouts, junk receipts); thrown errors are counted by the host. */
  onFailure?: PluginFailureListener;
}

/** What one run of the delivery job did. */
export type DeliveryOutcome = 'sent' | 'already_sent' | 'gave_up_before' | 'gone';

/**
 * Routes notifications to plugin notifiers (docs/plugins-engines-and-health.md "Notification delivery"). `notify`
 * records one delivery per notifier of the channel and its `notifications.deliver` job in the outbox, in one
 * transaction (the caller's, when it passes one); the job calls `deliver`, which sends and records the attempt.
 */
export class NotificationEngine {
  private readonly sendTimeoutMs: number;

  constructor(private readonly options: NotificationEngineOptions) {
    this.sendTimeoutMs = options.sendTimeoutMs ?? 30_000;
  }

  /** The channels loaded notifiers deliver over. */
  channels(): string[] {
    return [...new Set(this.options.notifiers.list().map(({ impl }) => impl.channel))];
  }

  /**
   * Validates `message` and schedules its delivery to every notifier of `options.channel`. Pass `executor` (an
   * open transaction) to commit the deliveries with the change that caused them. Asking again with the same
   * `idempotencyKey` returns the deliveries made the first time and schedules nothing. Throws `ValidationError`
   * or `NoNotifierError`.
   */
  async notify(
    message: NotificationMessage,
    options: { channel: string; executor?: Executor },
  ): Promise<NotificationDelivery[]> {
    const input = parseInput(NotifyInputSchema, { message, options: { channel: options.channel } });
    const notifiers = this.options.notifiers
      .list()
      .filter(({ impl }) => impl.channel === input.options.channel);
    if (notifiers.length === 0) throw new NoNotifierError(input.options.channel);
    const schedule = async (executor: Executor) => {
      const now = this.options.clock.now();
      const deliveries: NotificationDelivery[] = [];
      for (const notifier of notifiers) {
        const { row, isNew } = await insertDelivery(executor, {
          channel: input.options.channel,
          notifierKey: notifier.key,
          message: input.message,
          now,
        });
        if (isNew) {
          await writeOutbox(executor, {
            jobName: NOTIFICATION_DELIVER_JOB,
            payload: { deliveryId: row.id },
            idempotencyKey: `notification:${row.id}`,
            availableAt: now,
          });
        }
        deliveries.push(toDelivery(row));
      }
      return deliveries;
    };
    return options.executor
      ? schedule(options.executor)
      : this.options.db.transaction().execute((trx) => schedule(trx));
  }

  /** A delivery by id, or undefined. */
  async delivery(id: string): Promise<NotificationDelivery | undefined> {
    const row = await findDelivery(this.options.db, id);
    return row ? toDelivery(row) : undefined;
  }

  /**
   * One attempt of a delivery (the job's handler). A failure is recorded on the delivery and thrown as
   * `NotificationDeliveryError` so the queue retries; with `isLastAttempt` the delivery is marked failed.
   */
  async deliver(deliveryId: string, options: { isLastAttempt: boolean }): Promise<DeliveryOutcome> {
    const { db, clock } = this.options;
    const row = await findDelivery(db, deliveryId);
    if (!row) return 'gone';
    if (row.status === 'sent') return 'already_sent';
    if (row.status === 'failed') return 'gave_up_before';
    const fail = async (problem: string, cause?: unknown): Promise<never> => {
      await markAttemptFailed(db, row.id, {
        message: problem,
        isFinal: options.isLastAttempt,
        now: clock.now(),
      });
      throw new NotificationDeliveryError(row.id, problem, cause === undefined ? undefined : { cause });
    };

    const notifier = this.options.notifiers.list().find((entry) => entry.key === row.notifier_key);
    // The plugin may be disabled or mid-redeploy: retried like any failure, so it is sent once it is back.
    if (!notifier) return fail(`the notifier "${row.notifier_key}" is not loaded`);
    const message = NotificationMessageSchema.safeParse(row.message);
    if (!message.success) return fail(`the stored message is not valid: ${message.error.message}`);

    let answer: unknown;
    try {
      answer = await withTimeout(
        notifier.impl.send(message.data),
        this.sendTimeoutMs,
        `Notifier "${notifier.key}"`,
      );
    } catch (thrown) {
      const error = asError(thrown);
      if (thrown instanceof PluginTimeoutError) this.options.onFailure?.({ key: notifier.key, error });
      return fail(error.message, thrown);
    }
    const receipt = NotificationReceiptSchema.safeParse(answer);
    if (!receipt.success) {
      const problem = `the notifier answered no valid receipt (${receipt.error.message})`;
      this.options.onFailure?.({ key: notifier.key, error: new Error(problem) });
      return fail(problem);
    }
    await markSent(db, row.id, receipt.data, clock.now());
    return 'sent';
  }
}
