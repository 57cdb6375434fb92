import type { ClickToRecord } from '@warmpath/core';
import { ClickBuffer } from './click-buffer.js';
import { createClickFactory } from './click-from-request.js';
import {
  type ClickRecorder,
  type ClickRecorderLogger,
  type ClickRecorderTunables,
  DEFAULT_CLICK_BATCH_SIZE,
  DEFAULT_CLICK_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_BUFFERED_CLICKS,
} from './click-recorder.js';

/** What {@link createInlineClickRecorder} needs. */
export interface InlineClickRecorderOptions extends ClickRecorderTunables {
  /** Writes one batch (`insertClicks` on the app's database). */
  write(clicks: readonly ClickToRecord[]): Promise<void>;
  ipHashSalt: string;
  logger: ClickRecorderLogger;
  onDropped?: (count: number) => void;
}

/**
 * A {@link ClickRecorder} on the request thread: clicks become rows at once and wait in a {@link ClickBuffer}.
 * The choice for embedded PGlite (one connection, owned by this thread) and for tests; on Postgres the thread
 * recorder keeps the row building and the COPY off the event loop.
 */
export function createInlineClickRecorder(options: InlineClickRecorderOptions): ClickRecorder {
  const clickOf = createClickFactory({ ipHashSalt: options.ipHashSalt });
  const buffer = new ClickBuffer({
    write: options.write,
    logger: options.logger,
    batchSize: options.batchSize ?? DEFAULT_CLICK_BATCH_SIZE,
    flushIntervalMs: options.flushIntervalMs ?? DEFAULT_CLICK_FLUSH_INTERVAL_MS,
    maxBuffered: options.maxBuffered ?? DEFAULT_MAX_BUFFERED_CLICKS,
    ...(options.onDropped ? { onDropped: options.onDropped } : {}),
  });
  buffer.start();
  return {
    record: (facts) => {
      buffer.add(clickOf(facts));
    },
    flush: () => buffer.flush(),
    close: () => buffer.close(),
    get buffered() {
      return buffer.size;
    },
    get dropped() {
      return buffer.droppedCount;
    },
  };
}
