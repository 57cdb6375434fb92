import type { Notifier } from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { failedCheck, type JsonClient } from './json-client.js';

const MeAnswerSchema = z.object({ workspace: z.string() });
const MessageAnswerSchema = z.object({ id: z.string().min(1) });

/**
 * A {@link Notifier} over the chat system's JSON API (a recipient's address is a channel). Idempotency is the
 * chat system's: one `Idempotency-Key` per channel, so a retry after a partial failure skips the channels
 * already served.
 */
export function createNotifier(call: JsonClient): Notifier {
  return {
    apiVersion: 1,
    channel: 'chat',
    async send(message) {
      const ids: string[] = [];
      for (const recipient of message.to) {
        const answer = await call({
          method: 'POST',
          path: '/messages',
          headers: { 'idempotency-key': `${message.idempotencyKey}:${recipient.address}` },
          body: { channel: recipient.address, title: message.subject, text: message.text },
        });
        ids.push(MessageAnswerSchema.parse(answer).id);
      }
      return { id: ids.join(',') };
    },
    async verifyConnection() {
      try {
        const me = MeAnswerSchema.parse(await call({ method: 'GET', path: '/me' }));
        return { ok: true, details: { workspace: me.workspace } };
      } catch (error) {
        return failedCheck(error);
      }
    },
  };
}
