import { defineJob, type JobQueue } from '@warmpath/jobs';
import { DOMAIN_EVENT_TYPES, type DomainEvent, type PluginHost } from '@warmpath/plugin-sdk';
import { z } from 'zod';

/** Outbox rows with this job name announce a domain event; core services write them with the domain change. */
export const DOMAIN_EVENT_JOB = 'domain-events.fan-out';
const DELIVER_JOB = 'domain-events.deliver';

const domainEventSchema = z.object({
  id: z.string().min(1),
  type: z.enum(DOMAIN_EVENT_TYPES as [string, ...string[]]),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * Delivers domain events to plugin subscribers. The fan-out job enqueues one delivery per subscriber, keyed by
 * event id and subscriber, so a failing plugin retries alone and a redelivered event reaches nobody twice.
 */
export function defineDomainEventJobs(queue: JobQueue, host: PluginHost) {
  queue.define(
    defineJob({
      name: DOMAIN_EVENT_JOB,
      schema: domainEventSchema,
      async handler(event) {
        const handlers = host.eventHandlers(event.type as DomainEvent['type']);
        for (const [index, handler] of handlers.entries()) {
          await queue.enqueue(
            DELIVER_JOB,
            { event, subscriber: index, plugin: handler.plugin, instance: handler.instance },
            { idempotencyKey: `${event.id}.${handler.plugin}.${handler.instance}.${index}` },
          );
        }
      },
    }),
  );
  queue.define(
    defineJob({
      name: DELIVER_JOB,
      schema: z.object({
        event: domainEventSchema,
        subscriber: z.number().int().min(0),
        plugin: z.string(),
        instance: z.string(),
      }),
      async handler({ event, subscriber, plugin, instance }) {
        const handler = host.eventHandlers(event.type as DomainEvent['type'])[subscriber];
        // The plugin set can change between deploys; a delivery for a subscriber that is gone is dropped.
        if (!handler || handler.plugin !== plugin || handler.instance !== instance) return;
        await handler.handle(event as DomainEvent);
      },
    }),
  );
}
