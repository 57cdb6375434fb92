import { insertClicks } from '@warmpath/core';
import type { Runtime } from '../app/runtime.js';
import type { ClickRecorder, ClickRecorderTunables } from './click-recorder.js';
import { createInlineClickRecorder } from './inline-click-recorder.js';
import { ThreadClickRecorder } from './thread-click-recorder.js';

/** Options of {@link createClickRecorder}. */
export interface CreateClickRecorderOptions extends ClickRecorderTunables {
  onDropped: (count: number) => void;
  /** Overrides the runtime's `CLICK_WRITER` choice (tests). */
  writer?: 'inline' | 'thread' | undefined;
}

/**
 * The click recorder for a runtime (`CLICK_WRITER`): on Postgres a writer thread with its own connection, which
 * keeps the redirect's event loop free of row building and COPY; with embedded PGlite (one connection, owned by this
 * thread) or `CLICK_WRITER=inline`, the request thread writes.
 */
export function createClickRecorder(runtime: Runtime, options: CreateClickRecorderOptions): ClickRecorder {
  const { config, database, logger } = runtime;
  const wanted = options.writer ?? config.CLICK_WRITER;
  const databaseUrl = database.kind === 'postgres' ? config.DATABASE_URL : undefined;
  if (wanted !== 'inline' && databaseUrl !== undefined) {
    return new ThreadClickRecorder({ ...options, databaseUrl, ipHashSalt: runtime.ipHashSalt, logger });
  }
  if (wanted === 'thread') {
    logger.warn(
      {},
      'CLICK_WRITER=thread needs DATABASE_URL (Postgres): clicks are written on the request thread',
    );
  }
  return createInlineClickRecorder({
    ...options,
    write: (clicks) => insertClicks(database, clicks),
    ipHashSalt: runtime.ipHashSalt,
    logger,
  });
}
