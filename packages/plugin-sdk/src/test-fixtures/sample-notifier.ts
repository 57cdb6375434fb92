import type { NotificationMessage, NotificationReceipt, Notifier } from '../index.js';

/** A chat channel stand-in that records deliveries; idempotent by key. */
export function createSampleNotifier(delivered: NotificationMessage[] = []): Notifier {
  const receipts = new Map<string, NotificationReceipt>();
  return {
    apiVersion: 1,
    channel: 'sample-chat',
    async verifyConnection() {
      return { ok: true, details: { channel: 'sample-chat' } };
    },
    async send(message) {
      const existing = receipts.get(message.idempotencyKey);
      if (existing) return existing;
      delivered.push(message);
      const receipt = { id: `msg-${delivered.length}` };
      receipts.set(message.idempotencyKey, receipt);
      return receipt;
    },
  };
}
