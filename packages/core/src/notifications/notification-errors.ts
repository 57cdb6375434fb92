import { DomainError } from '../errors.js';

/** No loaded notifier delivers over the channel asked for. */
export class NoNotifierError extends DomainError {
  readonly code = 'no_notifier';

  constructor(readonly channel: string) {
    super(`No notifier delivers over the channel "${channel}": load a plugin that adds one`);
  }
}

/** One attempt of a delivery failed; the job throws it so the queue retries with backoff. */
export class NotificationDeliveryError extends DomainError {
  readonly code = 'notification_delivery_failed';

  constructor(
    readonly deliveryId: string,
    problem: string,
    options?: ErrorOptions,
  ) {
    super(`Notification delivery ${deliveryId} failed: ${problem}`, options);
  }
}
