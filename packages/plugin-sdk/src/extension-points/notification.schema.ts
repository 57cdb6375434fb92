import { z } from 'zod';
import { JsonObjectSchema } from '../dto/json.schema.js';

/** Validates a {@link NotificationRecipient}. */
export const NotificationRecipientSchema = z.object({
  /** Channel-specific address: an e-mail address, a Slack channel id, a phone number… */
  address: z.string().min(1),
  name: z.string().optional(),
});
/** Where a notification goes. */
export type NotificationRecipient = z.infer<typeof NotificationRecipientSchema>;

/** Validates a {@link NotificationMessage}. */
export const NotificationMessageSchema = z.object({
  /** Stable per notification: a retry with the same key must not notify twice. */
  idempotencyKey: z.string().min(1).max(255),
  to: z.array(NotificationRecipientSchema).min(1),
  subject: z.string().min(1),
  /** Plain-text body; every channel can show it. */
  text: z.string().min(1),
  /** Optional HTML body for channels that render it. */
  html: z.string().optional(),
  meta: JsonObjectSchema.optional(),
});
/** A message to deliver over a channel. */
export type NotificationMessage = z.infer<typeof NotificationMessageSchema>;

/** Validates a {@link NotificationReceipt}. */
export const NotificationReceiptSchema = z.object({
  /** The channel's id for the delivery (message id…). */
  id: z.string().min(1),
});
/** Proof a message was handed to the channel. */
export type NotificationReceipt = z.infer<typeof NotificationReceiptSchema>;
