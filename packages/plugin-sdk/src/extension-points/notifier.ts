import type { InjectionToken } from 'tsyringe';
import type { ConnectionCheck } from '../dto/connection-check.schema.js';
import type { NotificationMessage, NotificationReceipt } from './notification.schema.js';

/**
 * Delivers notifications over one channel (Slack, Teams, SMS…; e-mail over SMTP is built into the host).
 * Register with `ctx.notifiers.add(name, factory)`.
 */
export interface Notifier {
  /** The version of this interface the implementation follows. */
  readonly apiVersion: 1;

  /** The channel this notifier delivers to, e.g. `slack`. */
  readonly channel: string;

  /**
   * Delivers a message. Idempotent by `message.idempotencyKey`: a repeat returns the first receipt without
   * delivering again. Throws when delivery failed and may be retried.
   */
  send(message: NotificationMessage): Promise<NotificationReceipt>;

  /** Checks that the channel is reachable with the current settings; never throws for a bad connection. */
  verifyConnection?(): Promise<ConnectionCheck>;
}

/** Resolves every registered {@link Notifier}. */
export const NotifierToken: InjectionToken<Notifier> = Symbol.for('warmpath.Notifier');
