import { z } from 'zod';
import { CurrencySchema, IdSchema, IsoDateTimeSchema, MinorUnitsSchema } from '../dto/common.schema.js';
import { JsonObjectSchema } from '../dto/json.schema.js';

/** Validates a {@link TouchpointKind}. */
export const TouchpointKindSchema = z.enum(['referral', 'click', 'visit', 'event', 'meeting']);
/** How a touchpoint was recorded: a submitted referral, a link click, a tracked visit, an ingested event, a meeting. */
export type TouchpointKind = z.infer<typeof TouchpointKindSchema>;

/** Validates a {@link Touchpoint}. */
export const TouchpointSchema = z.object({
  id: IdSchema,
  kind: TouchpointKindSchema,
  occurredAt: IsoDateTimeSchema,
  /** The referrer the touchpoint is credited to, if any. */
  participantId: IdSchema.nullable(),
  referralId: IdSchema.nullable(),
  companyId: IdSchema.nullable(),
  /** Free-form source label (`portal`, `linkedin`, `event:webinar`…). */
  channel: z.string().nullable(),
  properties: JsonObjectSchema,
});
/** One interaction that may earn a share of the credit for a conversion. */
export type Touchpoint = z.infer<typeof TouchpointSchema>;

/** Validates a {@link Conversion}. */
export const ConversionSchema = z.object({
  id: IdSchema,
  /** The milestone reached (`opportunity_created`, `closed_won`, `first_invoice`…). */
  kind: z.string().min(1),
  occurredAt: IsoDateTimeSchema,
  companyId: IdSchema.nullable(),
  opportunityId: IdSchema.nullable(),
  amount: MinorUnitsSchema.nullable(),
  currency: CurrencySchema.nullable(),
});
/** The outcome credit is shared for. */
export type Conversion = z.infer<typeof ConversionSchema>;

/** Validates an {@link AttributionCredit}. */
export const AttributionCreditSchema = z.object({
  touchpointId: IdSchema,
  /** The touchpoint's share, 0..1. */
  credit: z.number().min(0).max(1),
});
/** A touchpoint's share of the credit. */
export type AttributionCredit = z.infer<typeof AttributionCreditSchema>;
