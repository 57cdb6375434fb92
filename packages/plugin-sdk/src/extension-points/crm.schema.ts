import { z } from 'zod';
import {
  CurrencySchema,
  EmailSchema,
  IdSchema,
  IsoDateTimeSchema,
  MinorUnitsSchema,
} from '../dto/common.schema.js';
import { WebhookRefusalSchema } from '../dto/plugin-http.schema.js';
import { ContactRoleSchema } from '../dto/referral.schema.js';

/** Validates an {@link ExternalRef}. */
export const ExternalRefSchema = z.object({
  /** The external system, e.g. `salesforce`. */
  system: z.string().min(1),
  /** The object type in that system, e.g. `Lead`, `Account`, `Contact`, `Opportunity`. */
  object: z.string().min(1),
  /** The object's id in that system. */
  id: z.string().min(1),
  /** A link a person can open, when the system has one. */
  url: z.url().optional(),
});
/** A pointer to a record in an external system. */
export type ExternalRef = z.infer<typeof ExternalRefSchema>;

/** Validates a {@link CrmUpsertResult}. */
export const CrmUpsertResultSchema = z.object({
  /** The record that represents the referral itself (a lead or an opportunity). */
  referral: ExternalRefSchema,
  company: ExternalRefSchema,
  /** One entry per contact passed in, in any order. */
  contacts: z.array(z.object({ contactId: IdSchema, ref: ExternalRefSchema })),
});
/** The external records a referral was written to. */
export type CrmUpsertResult = z.infer<typeof CrmUpsertResultSchema>;

/** Validates an {@link OpportunityStageCategory}. */
export const OpportunityStageCategorySchema = z.enum(['open', 'won', 'lost']);
/** What a CRM stage means for the referral, whatever the CRM calls it. */
export type OpportunityStageCategory = z.infer<typeof OpportunityStageCategorySchema>;

/** An opportunity was created or its fields changed. */
export const CrmOpportunityChangeSchema = z.object({
  kind: z.literal('opportunity'),
  occurredAt: IsoDateTimeSchema,
  opportunity: ExternalRefSchema,
  /** The Warmpath referral the opportunity belongs to, when the CRM record carries it. */
  referralId: IdSchema.nullable(),
  company: ExternalRefSchema.nullable(),
  name: z.string(),
  amount: MinorUnitsSchema.nullable(),
  currency: CurrencySchema.nullable(),
  stage: z.string().min(1),
  stageCategory: OpportunityStageCategorySchema,
  closeDate: z.iso.date().nullable(),
});

/** An opportunity moved from one stage to another. */
export const CrmStageChangeSchema = z.object({
  kind: z.literal('stage'),
  occurredAt: IsoDateTimeSchema,
  opportunity: ExternalRefSchema,
  referralId: IdSchema.nullable(),
  from: z.string().nullable(),
  to: z.string().min(1),
  stageCategory: OpportunityStageCategorySchema,
});

/** A contact role on an opportunity was added, changed or removed. */
export const CrmContactRoleChangeSchema = z.object({
  kind: z.literal('contact_role'),
  occurredAt: IsoDateTimeSchema,
  opportunity: ExternalRefSchema,
  contact: ExternalRefSchema,
  email: EmailSchema.nullable(),
  role: ContactRoleSchema,
  isPrimary: z.boolean(),
  removed: z.boolean(),
});

/** Validates a {@link CrmChange}. */
export const CrmChangeSchema = z.discriminatedUnion('kind', [
  CrmOpportunityChangeSchema,
  CrmStageChangeSchema,
  CrmContactRoleChangeSchema,
]);
/** One change observed in the CRM. */
export type CrmChange = z.infer<typeof CrmChangeSchema>;

/** Validates a {@link CrmChangeBatch}. */
export const CrmChangeBatchSchema = z.object({
  /** Changes in the order they happened. */
  changes: z.array(CrmChangeSchema),
  /** Opaque; the host stores it and passes it as `since` next time. */
  cursor: z.string().min(1),
  /** True when more changes are waiting: the host calls again at once with `cursor`. */
  hasMore: z.boolean(),
});
/** A page of CRM changes. */
export type CrmChangeBatch = z.infer<typeof CrmChangeBatchSchema>;

/** Validates a {@link CrmWebhookResult}. */
export const CrmWebhookResultSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    changes: z.array(CrmChangeSchema),
    /**
     * The provider's id of this delivery, when it is in the body rather than a `webhook-id` header: the host
     * remembers it per instance and answers a second delivery with the same id 409 without applying it.
     */
    deliveryId: z.string().min(1).max(200).optional(),
  }),
  WebhookRefusalSchema,
]);
/** The changes an authentic CRM webhook carried, or why the request was refused. */
export type CrmWebhookResult = z.infer<typeof CrmWebhookResultSchema>;
