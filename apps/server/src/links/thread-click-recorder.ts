import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClickFacts } from './click-from-request.js';
import {
  type ClickRecorder,
  type ClickRecorderLogger,
  type ClickRecorderTunables,
  DEFAULT_CLICK_BATCH_SIZE,
  DEFAULT_CLICK_FLUSH_INTERVAL_MS,
  DEFAULT_MAX_BUFFERED_CLICKS,
} from './click-recorder.js';
import {
  type ClickWriterSettings,
  type FlatClickFacts,
  type FromClickWriter,
  pushClickFacts,
  type ToClickWriter,
} from './click-writer-protocol.js';

/**
 * Clicks per message to the writer, whatever the size of its COPY batches. Measured: structured clone of a batch
 * costs the request thread ~0.35 µs per click at 128 clicks and ~1.1 µs at 2,000, since a batch held that long
 * survives young-generation collections (each copies it again) and its copy is one large allocation.
 */
const CLICKS_PER_POST = 128;

/** What a {@link ThreadClickRecorder} needs. */
export interface ThreadClickRecorderOptions extends ClickRecorderTunables {
  /** The Postgres the writer thread connects to (its own connection). */
  databaseUrl: string;
  ipHashSalt: string;
  logger: ClickRecorderLogger;
  onDropped?: (count: number) => void;
  /** How long {@link ThreadClickRecorder.close} waits for the writer before giving its clicks up. */
  closeTimeoutMs?: number;
}

/**
 * Starts the writer thread. Built JavaScript runs as is. From TypeScript sources (development, tests) the thread
 * loads the worker through tsx's require hook: ESM loader hooks registered on the main thread (`--import tsx`) are not
 * inherited by an `eval` worker, the synchronous require hook is (and Node 22.12+ can require ES modules).
 */
function startWriterThread(workerData: ClickWriterSettings): Worker {
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./click-writer.worker.js', import.meta.url), { workerData });
  }
  const require = createRequire(import.meta.url);
  const source = fileURLToPath(new URL('./click-writer.worker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(require.resolve('tsx/cjs/api'))}).register();
require(${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData, execArgv: ['--conditions=@warmpath/source'] });
}

/**
 * A {@link ClickRecorder} whose rows are built and written on a worker thread (`click-writer.worker.ts`): the
 * request thread only appends each click's facts to a flat batch and posts it every {@link CLICKS_PER_POST} clicks
 * (or, every `flushIntervalMs`, a partial one); the writer COPYs in batches of `batchSize`. Measured in `pnpm bench`, this takes most of a click's cost off the event loop
 * that answers redirects. The request thread bounds what is in flight (`maxBuffered`); a writer that dies is
 * replaced on the next batch, and the clicks it held are counted as dropped.
 */
export class ThreadClickRecorder implements ClickRecorder {
  readonly #options: ThreadClickRecorderOptions;
  readonly #settings: ClickWriterSettings;
  /** Clicks per message to the writer. */
  readonly #postSize: number;
  readonly #maxBuffered: number;
  readonly #timer: NodeJS.Timeout;
  readonly #replies = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  #worker: Worker | undefined;
  #batch: FlatClickFacts = [];
  #batchCount = 0;
  /** Posted to the writer, neither written nor dropped yet. */
  #inFlight = 0;
  #dropped = 0;
  #nextReplyId = 1;
  #isClosed = false;

  constructor(options: ThreadClickRecorderOptions) {
    this.#options = options;
    const batchSize = options.batchSize ?? DEFAULT_CLICK_BATCH_SIZE;
    this.#postSize = Math.min(batchSize, CLICKS_PER_POST);
    this.#maxBuffered = options.maxBuffered ?? DEFAULT_MAX_BUFFERED_CLICKS;
    const flushIntervalMs = options.flushIntervalMs ?? DEFAULT_CLICK_FLUSH_INTERVAL_MS;
    this.#settings = {
      databaseUrl: options.databaseUrl,
      ipHashSalt: options.ipHashSalt,
      batchSize,
      flushIntervalMs,
    };
    this.#timer = setInterval(() => this.#postBatch(), flushIntervalMs);
    // The shutdown path closes explicitly; the timer alone must not keep a process alive.
    this.#timer.unref();
    this.#startWorker();
  }

  record(facts: ClickFacts): void {
    if (this.#isClosed || this.#batchCount + this.#inFlight >= this.#maxBuffered) {
      this.#drop(1);
      return;
    }
    pushClickFacts(this.#batch, facts);
    if (++this.#batchCount >= this.#postSize) this.#postBatch();
  }

  get buffered(): number {
    return this.#batchCount + this.#inFlight;
  }

  get dropped(): number {
    return this.#dropped;
  }

  async flush(): Promise<void> {
    this.#postBatch();
    await this.#ask('flush');
  }

  async close(): Promise<void> {
    if (this.#isClosed) return;
    this.#isClosed = true;
    clearInterval(this.#timer);
    this.#postBatch();
    const timeoutMs = this.#options.closeTimeoutMs ?? 30_000;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.#ask('close'),
        new Promise((_, reject) => {
          timeout = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
        }),
      ]);
    } catch (error) {
      this.#options.logger.error(
        { err: error, lostClicks: this.#inFlight },
        'the click writer did not finish',
      );
    } finally {
      clearTimeout(timeout);
    }
    // Whatever the writer has not settled by now is lost with it.
    if (this.#inFlight > 0) this.#drop(this.#inFlight);
    this.#inFlight = 0;
    const worker = this.#worker;
    this.#worker = undefined;
    await worker?.terminate();
  }

  #postBatch(): void {
    if (this.#batchCount === 0) return;
    const worker = this.#worker ?? this.#startWorker();
    const message: ToClickWriter = { kind: 'clicks', facts: this.#batch };
    worker.postMessage(message);
    this.#inFlight += this.#batchCount;
    this.#batch = [];
    this.#batchCount = 0;
  }

  #ask(kind: 'flush' | 'close'): Promise<void> {
    const worker = this.#worker ?? this.#startWorker();
    const id = this.#nextReplyId++;
    return new Promise((resolve, reject) => {
      this.#replies.set(id, { resolve, reject });
      const message: ToClickWriter = { kind, id };
      worker.postMessage(message);
    });
  }

  #drop(count: number): void {
    this.#dropped += count;
    this.#options.onDropped?.(count);
  }

  #startWorker(): Worker {
    const worker = startWriterThread(this.#settings);
    worker.on('message', (message: FromClickWriter) => this.#onMessage(message));
    worker.on('error', (error) => {
      this.#options.logger.error({ err: error }, 'the click writer thread failed');
    });
    worker.on('exit', (code) => {
      if (this.#worker !== worker) return;
      // Not asked to stop: its clicks are gone; the next batch starts a new writer.
      this.#worker = undefined;
      this.#options.logger.error(
        { exitCode: code, lostClicks: this.#inFlight },
        'the click writer thread stopped',
      );
      this.#drop(this.#inFlight);
      this.#inFlight = 0;
      for (const reply of this.#replies.values()) reply.reject(new Error('the click writer thread stopped'));
      this.#replies.clear();
    });
    this.#worker = worker;
    return worker;
  }

  #onMessage(message: FromClickWriter): void {
    switch (message.kind) {
      case 'settled':
        this.#inFlight = Math.max(0, this.#inFlight - message.written - message.dropped);
        if (message.dropped > 0) this.#drop(message.dropped);
        return;
      case 'log':
        this.#options.logger[message.level](message.fields, message.message);
        return;
      case 'done': {
        const reply = this.#replies.get(message.id);
        this.#replies.delete(message.id);
        if (message.error === undefined) reply?.resolve();
        else reply?.reject(new Error(message.error));
        return;
      }
    }
  }
}
