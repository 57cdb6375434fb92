import { z } from 'zod';
import { jsonValueSchema } from '../common/json-value.schema.js';
import { emailSchema } from '../users/user.schema.js';

/** Most events one `POST /api/v1/events` call may carry (docs/api.md "Events"). */
export const MAX_EVENTS_PER_BATCH = 500;

/**
 * One product or customer-success signal pushed by an integration. `id` is the sender's own id: sending it again
 * is harmless (counted as a duplicate). The person and company it concerns are added to the directory.
 */
export const ingestedEventSchema = z.strictObject({
  id: z.string().trim().min(1).max(200),
  type: z.string().trim().min(1).max(200),
  occurredAt: z.iso.datetime({ offset: true }),
  person: z
    .strictObject({
      email: emailSchema,
      name: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  company: z
    .strictObject({
      // Normalised by the service (normaliseDomain), which names this field when no domain remains.
      domain: z.string().trim().min(1).max(2048),
      name: z.string().trim().min(1).max(200).optional(),
    })
    .optional(),
  properties: z.record(z.string().max(200), jsonValueSchema).optional(),
});
export type IngestedEvent = z.input<typeof ingestedEventSchema>;

/** `POST /api/v1/events` body; unknown fields are rejected. */
export const ingestEventsInputSchema = z.strictObject({
  events: z
    .array(ingestedEventSchema)
    .min(1, 'Send at least one event')
    .max(MAX_EVENTS_PER_BATCH, `Send at most ${MAX_EVENTS_PER_BATCH} events per request`),
});
export type IngestEventsInput = z.input<typeof ingestEventsInputSchema>;
export type ParsedIngestEventsInput = z.output<typeof ingestEventsInputSchema>;

/** What an ingestion did: events stored now, and events whose id had been seen before (stored nothing). */
export const ingestEventsResultSchema = z.object({
  accepted: z.number().int().min(0),
  duplicates: z.number().int().min(0),
});
export type IngestEventsResult = z.infer<typeof ingestEventsResultSchema>;

/** Audit actions written by `EventIngestionService`. */
export const EVENT_INGESTION_AUDIT_ACTIONS = { ingested: 'events.ingested' } as const;
