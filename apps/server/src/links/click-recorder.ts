import type { ClickFacts } from './click-from-request.js';

/**
 * Where the redirect hands the clicks it answered. `record` never waits and never throws: the visitor is redirected
 * whatever happens to the click. Implementations batch clicks into the database ({@link createInlineClickRecorder}
 * on the request thread, {@link ThreadClickRecorder} on a worker thread).
 */
export interface ClickRecorder {
  /** Takes one click; when the buffer is full or closed the click is dropped and counted. */
  record(facts: ClickFacts): void;
  /** Resolves once every click recorded so far is in the database; rejects when a write failed (they stay queued). */
  flush(): Promise<void>;
  /** Writes what is left (retrying briefly) and stops; later clicks are dropped. Call before the database closes. */
  close(): Promise<void>;
  /** Clicks recorded but not yet written. */
  readonly buffered: number;
  /** Clicks dropped since start: buffer full, recorder closed, or given up at shutdown. */
  readonly dropped: number;
}

/** Where a recorder reports trouble (a pino logger fits). */
export interface ClickRecorderLogger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Tunables shared by every {@link ClickRecorder}; the defaults suit production. */
export interface ClickRecorderTunables {
  /** Clicks per COPY, and the count that triggers a write before the next tick. */
  batchSize?: number | undefined;
  /** How often clicks waiting in a partial batch are written. */
  flushIntervalMs?: number | undefined;
  /** Most clicks held while the database is unreachable; clicks beyond it are dropped and counted. */
  maxBuffered?: number | undefined;
}

export const DEFAULT_CLICK_BATCH_SIZE = 2_000;
export const DEFAULT_CLICK_FLUSH_INTERVAL_MS = 250;
export const DEFAULT_MAX_BUFFERED_CLICKS = 50_000;
