export {
  EVENT_INGESTION_AUDIT_ACTIONS,
  type IngestEventsInput,
  type IngestEventsResult,
  type IngestedEvent,
  ingestEventsInputSchema,
  ingestEventsResultSchema,
  ingestedEventSchema,
  MAX_EVENTS_PER_BATCH,
} from './event-ingestion.schema.js';
export { EventIngestionService, type EventIngestionServiceDeps } from './event-ingestion.service.js';
