import { z } from 'zod';
import {
  CurrencySchema,
  EmailSchema,
  IdSchema,
  IsoDateTimeSchema,
  MinorUnitsSchema,
} from '../dto/common.schema.js';
import { JsonObjectSchema } from '../dto/json.schema.js';
import { WebhookRefusalSchema } from '../dto/plugin-http.schema.js';

/** Validates a {@link RewardKind}. */
export const RewardKindSchema = z.enum([
  'gift_card',
  'service_credit',
  'donation',
  'commission',
  'co_marketing',
]);
/** What form a reward takes. */
export type RewardKind = z.infer<typeof RewardKindSchema>;

/** Validates a {@link RewardRecipient}. */
export const RewardRecipientSchema = z.object({
  email: EmailSchema,
  name: z.string().min(1),
  participantId: IdSchema.optional(),
});
/** Who receives a reward. */
export type RewardRecipient = z.infer<typeof RewardRecipientSchema>;

/** Validates a {@link RewardIssueRequest}. */
export const RewardIssueRequestSchema = z.object({
  /** Stable per reward: the same key must never pay twice. */
  idempotencyKey: z.string().min(1).max(255),
  recipient: RewardRecipientSchema,
  /** In minor units of `currency`. */
  amount: MinorUnitsSchema.positive(),
  currency: CurrencySchema,
  kind: RewardKindSchema,
  /** A {@link CatalogItem} id, when the provider needs one. */
  catalogItemId: z.string().min(1).optional(),
  /** Free-form context (reward id, referral id…) the provider may attach to the order. */
  meta: JsonObjectSchema.optional(),
});
/** A request to pay one reward. */
export type RewardIssueRequest = z.infer<typeof RewardIssueRequestSchema>;

/** Validates a {@link RewardDeliveryStatus}. */
export const RewardDeliveryStatusSchema = z.enum([
  'pending',
  'processing',
  'delivered',
  'failed',
  'canceled',
]);
/** Where a reward is on its way to the recipient. */
export type RewardDeliveryStatus = z.infer<typeof RewardDeliveryStatusSchema>;

/** Validates a {@link RewardIssueResult}. */
export const RewardIssueResultSchema = z.object({
  /** The provider's reference for the order; used with `status(ref)`. */
  ref: z.string().min(1),
  status: RewardDeliveryStatusSchema,
});
/** The outcome of `issue()`. */
export type RewardIssueResult = z.infer<typeof RewardIssueResultSchema>;

/** Validates a {@link RewardStatusReport}. */
export const RewardStatusReportSchema = z.object({
  ref: z.string().min(1),
  status: RewardDeliveryStatusSchema,
  /** Why delivery failed, readable by staff. */
  failureReason: z.string().optional(),
  updatedAt: IsoDateTimeSchema.optional(),
});
/** The current state of an issued reward. */
export type RewardStatusReport = z.infer<typeof RewardStatusReportSchema>;

/** Validates a {@link CatalogItem}. */
export const CatalogItemSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: RewardKindSchema,
  currencies: z.array(CurrencySchema).min(1),
  /** Bounds in minor units, when the provider has them. */
  minAmount: MinorUnitsSchema.optional(),
  maxAmount: MinorUnitsSchema.optional(),
  /** ISO 3166-1 alpha-2 codes where the item can be delivered; absent means anywhere. */
  countries: z.array(z.string().length(2)).optional(),
});
/** Something a provider can pay a reward as (a gift card brand, a charity…). */
export type CatalogItem = z.infer<typeof CatalogItemSchema>;

/** Validates a {@link RewardWebhookResult}. */
export const RewardWebhookResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    updates: z.array(RewardStatusReportSchema),
    /**
     * The provider's id of this delivery, when it is in the body rather than a `webhook-id` header: the host
     * remembers it per instance and answers a second delivery with the same id 409 without applying it.
     */
    deliveryId: z.string().min(1).max(200).optional(),
  }),
  WebhookRefusalSchema,
]);
/** The status updates an authentic provider webhook carried, or why it was refused. */
export type RewardWebhookResult = z.infer<typeof RewardWebhookResultSchema>;
