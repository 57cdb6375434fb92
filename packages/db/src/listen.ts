import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** What a subscription to a notification channel calls. */
export interface ListenHandlers {
  /** A `NOTIFY` (or `pg_notify`) on the channel, committed, with its payload. */
  onNotification(payload: string): void;
  /**
   * The listening connection was lost and is back: notifications sent in between were missed, so a subscriber
   * that mirrors state should read it again now.
   */
  onReconnect?(): void;
  /** The connection failed (it is retried); for the log. */
  onError?(error: unknown): void;
}

/** An active `LISTEN`; `close` ends it (idempotent). */
export interface Subscription {
  close(): Promise<void>;
}

/** Subscribes to a Postgres notification channel (a lower-case identifier). */
export type Listen = (channel: string, handlers: ListenHandlers) => Promise<Subscription>;

const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 30_000;

/**
 * `LISTEN` on a `pg` client of its own, outside the pool: a pooled connection would be handed to other queries
 * and lose the subscription. A lost connection (restart, failover, terminated backend) is re-opened with
 * exponential back-off, then `onReconnect` tells the subscriber it may have missed notifications.
 */
export function listenWithPg(connectionString: string): Listen {
  return async (channel, handlers) => {
    let closed = false;
    let client: pg.Client | undefined;
    let retryTimer: NodeJS.Timeout | undefined;
    let delayMs = RECONNECT_MIN_MS;

    const connect = async (): Promise<void> => {
      const next = new pg.Client({ connectionString });
      next.on('notification', (message) => {
        if (message.channel === channel) handlers.onNotification(message.payload ?? '');
      });
      // Without an 'error' listener a dropped connection is an uncaught exception; here it means "reconnect".
      next.on('error', (error) => lost(next, error));
      next.on('end', () => lost(next, new Error('the listening connection ended')));
      client = next;
      await next.connect();
      await next.query(`LISTEN ${next.escapeIdentifier(channel)}`);
      delayMs = RECONNECT_MIN_MS;
    };

    const lost = (which: pg.Client, error: unknown): void => {
      if (closed || which !== client) return;
      client = undefined;
      which.end().catch(() => {});
      handlers.onError?.(error);
      scheduleReconnect();
    };

    const scheduleReconnect = (): void => {
      if (closed || retryTimer) return;
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        connect().then(
          () => handlers.onReconnect?.(),
          (error: unknown) => {
            const failed = client;
            client = undefined;
            failed?.end().catch(() => {});
            handlers.onError?.(error);
            delayMs = Math.min(delayMs * 2, RECONNECT_MAX_MS);
            scheduleReconnect();
          },
        );
      }, delayMs);
      retryTimer.unref();
    };

    // The first connection must work: a server that cannot listen at boot fails like one that cannot query.
    await connect();
    return {
      async close() {
        closed = true;
        if (retryTimer) clearTimeout(retryTimer);
        const current = client;
        client = undefined;
        await current?.end().catch(() => {});
      },
    };
  };
}

/** `LISTEN` on embedded PGlite: one process, one connection, so nothing is ever missed and nothing reconnects. */
export function listenWithPglite(pglite: PGlite): Listen {
  return async (channel, handlers) => {
    const unsubscribe = await pglite.listen(channel, (payload) => handlers.onNotification(payload));
    let closed = false;
    return {
      async close() {
        if (closed) return;
        closed = true;
        // Closing after the database itself closed (shutdown order) has nothing left to undo.
        await unsubscribe().catch(() => {});
      },
    };
  };
}
