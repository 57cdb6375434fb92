/**
 * The click writer thread (see ThreadClickRecorder): turns the clicks the request thread observed into rows and
 * COPYs them into Postgres over its own connection, so neither the row building nor the database protocol runs on
 * the event loop that answers redirects. Everything it has to say goes back as messages; it never logs itself.
 */
import { setPriority } from 'node:os';
import { type MessagePort, parentPort, workerData } from 'node:worker_threads';
import { insertClicks } from '@warmpath/core';
import { createDatabase } from '@warmpath/db';
import { ClickBuffer } from './click-buffer.js';
import { createClickFactory } from './click-from-request.js';
import {
  type ClickWriterSettings,
  clickFactsAt,
  FIELDS_PER_CLICK,
  type FromClickWriter,
  type ToClickWriter,
} from './click-writer-protocol.js';

const WRITER_NICE = 10;

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function startClickWriter(port: MessagePort, settings: ClickWriterSettings): void {
  const send = (message: FromClickWriter) => port.postMessage(message);
  // No top-level await: in development this file is loaded through tsx's require hook (see ThreadClickRecorder).
  const databaseReady = createDatabase({ databaseUrl: settings.databaseUrl, maxConnections: 1 });
  const clickOf = createClickFactory({ ipHashSalt: settings.ipHashSalt });
  const buffer = new ClickBuffer({
    write: async (clicks) => insertClicks(await databaseReady, clicks),
    logger: {
      warn: (fields, message) => send({ kind: 'log', level: 'warn', fields, message }),
      error: (fields, message) => send({ kind: 'log', level: 'error', fields, message }),
    },
    batchSize: settings.batchSize,
    flushIntervalMs: settings.flushIntervalMs,
    // The request thread bounds what is in flight; nothing that reached this thread is dropped before shutdown.
    maxBuffered: Number.POSITIVE_INFINITY,
    onWritten: (written) => send({ kind: 'settled', written, dropped: 0 }),
    onDropped: (dropped) => send({ kind: 'settled', written: 0, dropped }),
  });
  buffer.start();

  const answer = (id: number, work: Promise<unknown>) =>
    work.then(
      () => send({ kind: 'done', id }),
      (error: unknown) => send({ kind: 'done', id, error: errorText(error) }),
    );

  port.on('message', (message: ToClickWriter) => {
    switch (message.kind) {
      case 'clicks': {
        const count = message.facts.length / FIELDS_PER_CLICK;
        for (let index = 0; index < count; index++) buffer.add(clickOf(clickFactsAt(message.facts, index)));
        return;
      }
      case 'flush':
        answer(message.id, buffer.flush());
        return;
      case 'close':
        answer(
          message.id,
          buffer.close().then(async () => (await databaseReady).close()),
        );
        return;
    }
  });
}

/**
 * Writing clicks is background work that tolerates delay (batches wait up to a flush interval anyway); the thread
 * answering redirects is not. On Linux a nice value belongs to a thread, so this lowers only the writer's priority.
 * Best effort: where it is not allowed, the writer runs at normal priority.
 */
function lowerThisThreadsPriority(): void {
  try {
    setPriority(0, WRITER_NICE);
  } catch {}
}

if (!parentPort) throw new Error('click-writer.worker must run as a worker thread');
lowerThisThreadsPriority();
startClickWriter(parentPort, workerData as ClickWriterSettings);
