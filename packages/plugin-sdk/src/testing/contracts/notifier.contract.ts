import { describe, expect, it } from 'vitest';
import { ConnectionCheckSchema } from '../../dto/connection-check.schema.js';
import {
  type NotificationMessage,
  NotificationReceiptSchema,
} from '../../extension-points/notification.schema.js';
import type { Notifier } from '../../extension-points/notifier.js';
import { expectMatches, type SubjectFactory, uniqueId } from './contract-support.js';

/** Options of {@link describeNotifierContract}. */
export interface NotifierContractOptions {
  /** Fields merged into every message the suite sends (e.g. recipients your stand-in accepts). */
  message?: Partial<Omit<NotificationMessage, 'idempotencyKey'>>;
}

/**
 * The behaviours the host relies on from a {@link Notifier}: a receipt per delivery, and a retried message (same
 * idempotency key) is not delivered twice.
 */
export function describeNotifierContract(
  name: string,
  factory: SubjectFactory<Notifier>,
  options: NotifierContractOptions = {},
): void {
  const message = (): NotificationMessage => ({
    idempotencyKey: uniqueId('notification'),
    to: [{ address: 'riley@partner.example', name: 'Riley Partner' }],
    subject: 'Your referral was accepted',
    text: 'Acme Corp accepted your introduction. Thank you!',
    ...options.message,
  });

  describe(`${name} fulfils the Notifier contract`, () => {
    it('declares apiVersion 1 and its channel', async () => {
      const notifier = await factory();
      expect(notifier.apiVersion).toBe(1);
      expect(notifier.channel.trim()).not.toBe('');
    });

    it('returns a receipt for a delivered message', async () => {
      const notifier = await factory();
      expectMatches(NotificationReceiptSchema, await notifier.send(message()), 'send()');
    });

    it('does not deliver a retried message twice: the same key returns the first receipt', async () => {
      const notifier = await factory();
      const first = message();
      const receipt = await notifier.send(first);
      expect(await notifier.send({ ...first })).toEqual(receipt);
    });

    it('delivers distinct messages under distinct receipts', async () => {
      const notifier = await factory();
      const one = await notifier.send(message());
      const two = await notifier.send(message());
      expect(two.id).not.toBe(one.id);
    });

    it('reports verifyConnection() as { ok: true } or { ok: false, message } (when it has one)', async (context) => {
      const notifier = await factory();
      if (!notifier.verifyConnection) return context.skip();
      expectMatches(ConnectionCheckSchema, await notifier.verifyConnection(), 'verifyConnection()');
    });
  });
}
