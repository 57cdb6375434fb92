import { DOMAIN_EVENT_JOB, type DomainEventMessage, type WebhookService } from '@warmpath/core';
import { defineJob, type JobQueue } from '@warmpath/jobs';
import {
  DOMAIN_EVENT_TYPES,
  type DomainEvent,
  type DomainEventType,
  type PluginHost,
} from '@warmpath/plugin-sdk';
import { z } from 'zod';
import { enqueueWebhookDeliveries } from '../webhook-jobs.js';

export { DOMAIN_EVENT_JOB };

const DELIVER_JOB = 'domain-events.deliver';

/** A core subscriber of every domain event (the CRM sync engine schedules pushes from referral events). */
export type DomainEventListener = (event: DomainEventMessage) => Promise<unknown>;

function isPluginEventType(type: string): type is DomainEventType {
  return (DOMAIN_EVENT_TYPES as readonly string[]).includes(type);
}

/** The subscribers of one plugin instance, in registration order. */
function handlersOf<T extends { plugin: string; instance: string }>(
  handlers: T[],
  plugin: string,
  instance: string,
) {
  return handlers.filter((handler) => handler.plugin === plugin && handler.instance === instance);
}

const domainEventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  occurredAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});

/**
 * Delivers domain events to plugin subscribers and webhook endpoints. The fan-out job enqueues one delivery per
 * plugin subscriber, keyed by event id and subscriber, and one per subscribed webhook endpoint (a delivery row
 * whose message id is the event id), so a failing subscriber retries alone and a redelivered event reaches nobody
 * twice.
 */
export function defineDomainEventJobs(
  queue: JobQueue,
  host: PluginHost,
  webhooks?: Pick<WebhookService, 'createDeliveries'>,
  listeners: readonly DomainEventListener[] = [],
) {
  queue.define(
    defineJob({
      name: DOMAIN_EVENT_JOB,
      schema: domainEventSchema,
      async handler(event) {
        // Plugins subscribe to the SDK's event types; other events (webhook-only ones) have no plugin subscribers.
        const handlers = isPluginEventType(event.type) ? host.eventHandlers(event.type) : [];
        for (const handler of handlers) {
          const index = handlersOf(handlers, handler.plugin, handler.instance).indexOf(handler);
          await queue.enqueue(
            DELIVER_JOB,
            { event, subscriber: index, plugin: handler.plugin, instance: handler.instance },
            { idempotencyKey: `${event.id}.${handler.plugin}.${handler.instance}.${index}` },
          );
        }
        if (webhooks) await enqueueWebhookDeliveries(queue, await webhooks.createDeliveries(event));
        // Core listeners write their own outbox rows keyed by event id: a repeated fan-out schedules nothing new.
        for (const listener of listeners) await listener(event);
      },
    }),
  );
  queue.define(
    defineJob({
      name: DELIVER_JOB,
      schema: z.object({
        event: domainEventSchema,
        /** The handler's position among its plugin instance's subscribers to this event type. */
        subscriber: z.number().int().min(0),
        plugin: z.string(),
        instance: z.string(),
      }),
      async handler({ event, subscriber, plugin, instance }) {
        // `subscriber` counts within the plugin instance, so enabling or disabling another instance at run time
        // (live settings) never points a delivery at someone else's handler.
        const handler = isPluginEventType(event.type)
          ? handlersOf(host.eventHandlers(event.type), plugin, instance)[subscriber]
          : undefined;
        // The plugin set can change between deploys; a delivery for a subscriber that is gone is dropped.
        if (!handler) return;
        await handler.handle(event as DomainEvent);
      },
    }),
  );
}
