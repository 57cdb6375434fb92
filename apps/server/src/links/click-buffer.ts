import type { ClickToRecord } from '@warmpath/core';

/** Where a {@link ClickBuffer} reports trouble (a pino logger fits). */
export interface ClickBufferLogger {
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

/** Tunables of a {@link ClickBuffer}. */
export interface ClickBufferOptions {
  /** Writes one batch (COPY on Postgres); throws to keep the batch for the next attempt. */
  write(clicks: readonly ClickToRecord[]): Promise<void>;
  logger: ClickBufferLogger;
  /** Rows per write, and the size that triggers a write before the next tick. */
  batchSize?: number;
  flushIntervalMs?: number;
  /** Most clicks held while the database is unreachable; clicks beyond it are dropped and counted. */
  maxBuffered?: number;
  /** Called with the number of clicks dropped (buffer full or closed, or given up on close): a metric. */
  onDropped?: (count: number) => void;
  /** Called with the size of each batch once it is written. */
  onWritten?: (count: number) => void;
  /** Attempts of the final flush on close before the remaining clicks are given up. */
  closeAttempts?: number;
}

/**
 * Clicks on their way to the database: the redirect appends without waiting, and the buffer writes them in batches
 * every `flushIntervalMs` or as soon as `batchSize` are waiting. Under a steady stream only full batches go out
 * between ticks: a write never chases the clicks that arrived while the previous one ran, which would turn a busy
 * stream into many small COPYs (each with its own commit). A failed write keeps its rows for the next tick; memory
 * stays bounded by `maxBuffered`. {@link ClickBuffer.close} writes what is left (call it before the database closes).
 */
export class ClickBuffer {
  readonly #write: (clicks: readonly ClickToRecord[]) => Promise<void>;
  readonly #logger: ClickBufferLogger;
  readonly #batchSize: number;
  readonly #flushIntervalMs: number;
  readonly #maxBuffered: number;
  readonly #onDropped: (count: number) => void;
  readonly #onWritten: (count: number) => void;
  readonly #closeAttempts: number;
  #pending: ClickToRecord[] = [];
  #flushing: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #isFailing = false;
  #isClosed = false;
  #dropped = 0;

  constructor(options: ClickBufferOptions) {
    this.#write = options.write;
    this.#logger = options.logger;
    this.#batchSize = options.batchSize ?? 500;
    this.#flushIntervalMs = options.flushIntervalMs ?? 250;
    this.#maxBuffered = options.maxBuffered ?? 50_000;
    this.#onDropped = options.onDropped ?? (() => {});
    this.#onWritten = options.onWritten ?? (() => {});
    this.#closeAttempts = options.closeAttempts ?? 3;
  }

  /** Starts the periodic flush. */
  start() {
    if (this.#timer !== undefined || this.#isClosed) return;
    this.#timer = setInterval(() => {
      if (this.#pending.length > 0) this.flush().catch(() => {});
    }, this.#flushIntervalMs);
    // The shutdown path flushes explicitly; the timer alone must not keep a process alive.
    this.#timer.unref();
  }

  /** Queues a click; false when it was dropped (buffer full or closed). */
  add(click: ClickToRecord): boolean {
    if (this.#isClosed || this.#pending.length >= this.#maxBuffered) {
      this.#dropped++;
      this.#onDropped(1);
      return false;
    }
    this.#pending.push(click);
    // A full batch goes out at once, unless writes are failing: then the timer's pace is the retry back-off.
    if (this.#pending.length >= this.#batchSize && this.#flushing === undefined && !this.#isFailing) {
      this.#run(0).catch(() => {});
    }
    return true;
  }

  /** Clicks waiting to be written. */
  get size(): number {
    return this.#pending.length;
  }

  /** Clicks dropped since start because the buffer was full or closed. */
  get droppedCount(): number {
    return this.#dropped;
  }

  /**
   * Writes every click queued so far, one batch at a time (clicks queued meanwhile go out with the next full batch or
   * tick). Rejects when a write fails; the unwritten clicks stay queued.
   */
  async flush(): Promise<void> {
    // A write already running (of full batches) finishes first; then what is still queued is owed.
    while (this.#flushing !== undefined) await this.#flushing;
    await this.#run(this.#pending.length);
  }

  #run(owed: number): Promise<void> {
    this.#flushing ??= this.#drain(owed).finally(() => {
      this.#flushing = undefined;
    });
    return this.#flushing;
  }

  /** Stops the timer and writes what is left, retrying a few times; later clicks are dropped. Idempotent. */
  async close(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    for (let attempt = 1; attempt <= this.#closeAttempts; attempt++) {
      try {
        await this.flush();
        break;
      } catch {
        if (attempt < this.#closeAttempts) await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
      }
    }
    this.#isClosed = true;
    if (this.#pending.length > 0) {
      this.#logger.error({ lostClicks: this.#pending.length }, 'clicks could not be written before shutdown');
      this.#dropped += this.#pending.length;
      this.#onDropped(this.#pending.length);
      this.#pending = [];
    }
  }

  /** Writes the first `owed` clicks, then full batches while there are any. */
  async #drain(owed: number): Promise<void> {
    let left = owed;
    while ((left > 0 && this.#pending.length > 0) || this.#pending.length >= this.#batchSize) {
      const batch = this.#pending.splice(0, this.#batchSize);
      left -= batch.length;
      try {
        await this.#write(batch);
        this.#onWritten(batch.length);
      } catch (error) {
        this.#pending = batch.concat(this.#pending);
        if (!this.#isFailing) {
          this.#logger.warn(
            { err: error, bufferedClicks: this.#pending.length },
            'writing clicks failed; will retry',
          );
        }
        this.#isFailing = true;
        throw error;
      }
      if (this.#isFailing)
        this.#logger.warn({ bufferedClicks: this.#pending.length }, 'writing clicks works again');
      this.#isFailing = false;
    }
  }
}
