import { NotificationMessageSchema } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** The job that sends one notification delivery (enqueued through the outbox with the change that asked for it). */
export const NOTIFICATION_DELIVER_JOB = 'notifications.deliver';

/** Validates the payload of {@link NOTIFICATION_DELIVER_JOB}. */
export const NotificationDeliverJobPayloadSchema = z.object({ deliveryId: z.string().min(1).max(100) });
/** The payload of {@link NOTIFICATION_DELIVER_JOB}. */
export type NotificationDeliverJobPayload = z.infer<typeof NotificationDeliverJobPayloadSchema>;

/** Validates the options of `NotificationEngine.notify`. */
export const NotifyOptionsSchema = z.object({
  /** The channel to deliver over (`slack`, `sms`…): every loaded notifier with this channel gets the message. */
  channel: z.string().min(1).max(100),
});

/** Validates the input of `notify`: the SDK's message, strict so a typo in a field name is caught. */
export const NotifyInputSchema = z.object({
  message: NotificationMessageSchema.strict(),
  options: NotifyOptionsSchema,
});

/** One delivery as callers see it. */
export interface NotificationDelivery {
  id: string;
  channel: string;
  notifierKey: string;
  idempotencyKey: string;
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  /** The channel's receipt id once sent. */
  receiptId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}
