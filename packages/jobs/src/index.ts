export {
  type BullMqQueueOptions,
  createBullMqQueue,
} from './bullmq/bullmq-queue.js';
export { type CreateJobQueueOptions, createJobQueue } from './create-job-queue.js';
export {
  JobDefinitionError,
  JobPayloadValidationError,
  JobQueueClosedError,
  JobQueueError,
  JobQueueStateError,
  JobQueueUnavailableError,
  type PayloadIssue,
  UnknownJobError,
} from './errors.js';
export {
  createInProcessQueue,
  type InProcessJobQueue,
  type InProcessQueueOptions,
} from './in-process/in-process-queue.js';
export {
  DEFAULT_RETRY_POLICY,
  defineJob,
  type JobContext,
  type JobDefinition,
  type RetryPolicy,
} from './job-definition.js';
export type {
  EnqueueOptions,
  EnqueueResult,
  JobCompletedListener,
  JobCounts,
  JobQueue,
  StartOptions,
  StopOptions,
} from './job-queue.js';
export { type JobLogger, silentJobLogger } from './logger.js';
export { OutboxDispatcher, type OutboxDispatcherOptions } from './outbox/outbox-dispatcher.js';
export { type OutboxEntry, writeOutbox } from './outbox/write-outbox.js';
export {
  durationToMs,
  type ScheduleOptions,
  type ScheduleSpec,
  scheduleOptionsSchema,
} from './schedules/schedule-options.js';
export type { ScheduleState } from './schedules/schedule-state.js';
