export * from './access/index.js';
export * from './api-keys/index.js';
export * from './attribution/index.js';
export * from './audit/index.js';
export { type Clock, systemClock } from './clock.js';
export { decodeIdCursor, encodeIdCursor } from './common/cursor.js';
export { type Executor, isUniqueViolation } from './common/executor.js';
export { hashIp } from './common/ip-hash.js';
export { jsonValueSchema } from './common/json-value.schema.js';
export { SecretBox } from './common/secret-box.js';
export { afterCommit, currentTransaction, runInTransaction } from './common/unit-of-work.js';
export * from './crm-sync/index.js';
export * from './dashboard/index.js';
export * from './demo/index.js';
export * from './directory/index.js';
export * from './domain-events/index.js';
export {
  ConflictError,
  DomainError,
  ForbiddenError,
  issuesFromZodError,
  NotFoundError,
  parseInput,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
  type ValidationIssue,
} from './errors.js';
export * from './event-ingestion/index.js';
export * from './exports/index.js';
export * from './housekeeping/index.js';
export * from './inference/index.js';
export * from './invitations/index.js';
export * from './links/index.js';
export * from './mail/index.js';
export * from './notifications/index.js';
export * from './participants/index.js';
export * from './password-reset/index.js';
export * from './plugin-points/index.js';
export * from './plugin-settings/index.js';
export * from './plugin-webhooks/index.js';
export * from './plugin-writes/index.js';
export * from './portal/index.js';
export * from './referrals/index.js';
export * from './reward-payouts/index.js';
export * from './sessions/index.js';
export * from './tracks/index.js';
export * from './users/index.js';
export * from './webhooks/index.js';
