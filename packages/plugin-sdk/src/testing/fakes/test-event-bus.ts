import { randomUUID } from 'node:crypto';
import type { PluginHost } from '../../host/plugin-host.js';
import type { Clock } from '../../ports/clock.js';
import type { DomainEvent, DomainEventData, DomainEventType } from '../../ports/domain-events.schema.js';

/** Options of {@link TestEventBus.emit}. */
export interface EmitOptions {
  id?: string;
  /** Defaults to the clock's now. */
  occurredAt?: string;
}

/** Delivers domain events to the plugins' handlers, as the host's outbox dispatcher would. */
export class TestEventBus {
  constructor(
    private readonly host: () => PluginHost,
    private readonly clock: Clock,
  ) {}

  /**
   * Builds an event and runs every subscribed handler in turn. Rethrows a handler's failure (an AggregateError
   * when several fail) after all have run.
   */
  async emit<T extends DomainEventType>(
    type: T,
    data: DomainEventData<T>,
    options: EmitOptions = {},
  ): Promise<DomainEvent<T>> {
    const event: DomainEvent<T> = {
      id: options.id ?? randomUUID(),
      type,
      occurredAt: options.occurredAt ?? this.clock.now().toISOString(),
      data,
    };
    const errors: unknown[] = [];
    for (const handler of this.host().eventHandlers(type)) {
      try {
        await handler.handle(event);
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} handlers of ${type} failed`);
    return event;
  }
}
