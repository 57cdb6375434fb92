import { z } from 'zod';
import { EmailSchema, IdSchema, IsoDateTimeSchema } from '../dto/common.schema.js';
import { ReferralStatusSchema } from '../dto/referral.schema.js';

/** The data of each domain event plugins can subscribe to, by type. */
export const DomainEventDataSchemas = {
  'referral.created': z.object({
    referralId: IdSchema,
    trackId: IdSchema,
    participantId: IdSchema,
    companyId: IdSchema,
    status: ReferralStatusSchema,
  }),
  'referral.status_changed': z.object({
    referralId: IdSchema,
    trackId: IdSchema,
    participantId: IdSchema,
    from: ReferralStatusSchema,
    to: ReferralStatusSchema,
    reason: z.string().nullable(),
  }),
  'participant.created': z.object({
    participantId: IdSchema,
    email: EmailSchema,
  }),
} as const;

/** A domain event type: `referral.created`, `referral.status_changed` or `participant.created`. */
export type DomainEventType = keyof typeof DomainEventDataSchemas;

/** Every domain event type. */
export const DOMAIN_EVENT_TYPES = Object.keys(DomainEventDataSchemas) as DomainEventType[];

/** The data of a domain event of type `T`. */
export type DomainEventData<T extends DomainEventType> = z.infer<(typeof DomainEventDataSchemas)[T]>;

/** A domain event as handlers receive it. */
export interface DomainEvent<T extends DomainEventType = DomainEventType> {
  /** Unique per event: handlers run at least once, so use it to deduplicate. */
  id: string;
  type: T;
  occurredAt: string;
  data: DomainEventData<T>;
}

/** Validates a domain event of the given type. */
export function domainEventSchema<T extends DomainEventType>(type: T) {
  return z.object({
    id: IdSchema,
    type: z.literal(type),
    occurredAt: IsoDateTimeSchema,
    data: DomainEventDataSchemas[type],
  });
}
