import { createBullMqQueue } from './bullmq/bullmq-queue.js';
import { createInProcessQueue } from './in-process/in-process-queue.js';
import type { JobQueue } from './job-queue.js';
import type { JobLogger } from './logger.js';

/** Options of `createJobQueue`. */
export interface CreateJobQueueOptions {
  /** REDIS_URL: set → BullMQ; unset → the in-process driver (embedded mode). */
  redisUrl?: string;
  logger?: JobLogger;
  /** BullMQ key prefix (default `warmpath`). */
  prefix?: string;
  defaultConcurrency?: number;
}

/** The host's one entry point: picks the driver from configuration (docs/architecture.md "Modes"). */
export function createJobQueue(options: CreateJobQueueOptions): JobQueue {
  const { redisUrl, logger, prefix, defaultConcurrency } = options;
  if (redisUrl) return createBullMqQueue({ redisUrl, logger, prefix, defaultConcurrency });
  return createInProcessQueue({ logger, defaultConcurrency });
}
