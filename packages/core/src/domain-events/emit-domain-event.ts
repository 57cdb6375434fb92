import { newId } from '@warmpath/db';
import { writeOutbox } from '@warmpath/jobs';
import type { Executor } from '../common/executor.js';

/**
 * The job that fans a domain event out to its subscribers (plugin handlers, webhook endpoints). Outbox rows carry
 * it, so an event is delivered if and only if the change that caused it committed.
 */
export const DOMAIN_EVENT_JOB = 'domain-events.fan-out';

/** Domain event types, `noun.verb_past` (docs/contributing.md "Names"). */
export type DomainEventType =
  | 'participant.created'
  | 'referral.created'
  | 'referral.status_changed'
  | (string & {});

/** A domain event as subscribers receive it. */
export interface DomainEventMessage<Data extends Record<string, unknown> = Record<string, unknown>> {
  id: string;
  type: DomainEventType;
  occurredAt: string;
  data: Data;
}

/**
 * Records a domain event in the caller's transaction (the outbox row commits or rolls back with the change).
 * The event id doubles as the idempotency key downstream, so a redispatched row is delivered once.
 */
export async function emitDomainEvent<Data extends Record<string, unknown>>(
  executor: Executor,
  type: DomainEventType,
  data: Data,
  occurredAt: Date,
): Promise<DomainEventMessage<Data>> {
  const event: DomainEventMessage<Data> = { id: newId(), type, occurredAt: occurredAt.toISOString(), data };
  await writeOutbox(executor, {
    jobName: DOMAIN_EVENT_JOB,
    payload: event,
    idempotencyKey: `event.${event.id}`,
  });
  return event;
}
