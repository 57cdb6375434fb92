import type { ClickToRecord } from '@warmpath/core';
import { describe, expect, it, vi } from 'vitest';
import { ClickBuffer } from './click-buffer.js';

function aClick(index: number): ClickToRecord {
  return {
    id: `click-${index}`,
    enrollmentId: 'e',
    trackId: 't',
    participantId: 'p',
    occurredAt: new Date(0),
    ipHash: null,
    userAgent: null,
    isBot: false,
    destination: 'https://example.com/?wp_ref=x',
    query: {},
  };
}

function recordingWriter() {
  const batches: string[][] = [];
  let failuresLeft = 0;
  return {
    batches,
    failNext(count: number) {
      failuresLeft = count;
    },
    write: async (clicks: readonly ClickToRecord[]) => {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error('database unreachable');
      }
      batches.push(clicks.map((click) => click.id));
    },
  };
}

const logger = { warn: vi.fn(), error: vi.fn() };

describe('the click buffer', () => {
  it('writes many clicks with few INSERTs, in order, none twice', async () => {
    const writer = recordingWriter();
    const buffer = new ClickBuffer({ write: writer.write, logger, batchSize: 100, flushIntervalMs: 60_000 });
    for (let index = 0; index < 1050; index++) buffer.add(aClick(index));
    await buffer.flush();
    expect(writer.batches.length).toBeLessThanOrEqual(11);
    expect(writer.batches.every((batch) => batch.length <= 100)).toBe(true);
    expect(writer.batches.flat()).toEqual(Array.from({ length: 1050 }, (_, index) => `click-${index}`));
    expect(buffer.size).toBe(0);
  });

  it('writes only full batches between ticks under a steady stream, never chasing each new click', async () => {
    const batches: number[] = [];
    let release: () => void = () => {};
    const buffer = new ClickBuffer({
      logger,
      batchSize: 100,
      flushIntervalMs: 60_000,
      write: async (clicks) => {
        batches.push(clicks.length);
        await new Promise<void>((resolve) => {
          release = resolve;
        });
      },
    });
    for (let index = 0; index < 150; index++) buffer.add(aClick(index));
    // The first full batch is being written; clicks keep arriving meanwhile.
    for (let index = 150; index < 180; index++) buffer.add(aClick(index));
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(buffer.size).toBe(80);
    // 80 waiting is less than a batch: nothing more goes out until a tick or an explicit flush.
    expect(batches).toEqual([100]);
    const flushed = buffer.flush();
    await vi.waitFor(() => expect(batches).toEqual([100, 80]));
    release();
    await flushed;
    expect(buffer.size).toBe(0);
  });

  it('reports each written batch and every dropped click', async () => {
    const writer = recordingWriter();
    const onWritten = vi.fn();
    const onDropped = vi.fn();
    const buffer = new ClickBuffer({ write: writer.write, logger, onWritten, onDropped, closeAttempts: 1 });
    for (let index = 0; index < 3; index++) buffer.add(aClick(index));
    await buffer.flush();
    expect(onWritten).toHaveBeenCalledWith(3);
    buffer.add(aClick(4));
    writer.failNext(1);
    await buffer.close();
    expect(onDropped).toHaveBeenCalledWith(1);
  });

  it('flushes on its own every interval', async () => {
    const writer = recordingWriter();
    const buffer = new ClickBuffer({ write: writer.write, logger, flushIntervalMs: 20 });
    buffer.start();
    buffer.add(aClick(1));
    buffer.add(aClick(2));
    await vi.waitFor(() => expect(writer.batches).toEqual([['click-1', 'click-2']]), { timeout: 2000 });
    await buffer.close();
  });

  it('keeps the clicks of a failed write and writes them on the next attempt', async () => {
    const writer = recordingWriter();
    const buffer = new ClickBuffer({ write: writer.write, logger, flushIntervalMs: 60_000 });
    buffer.add(aClick(1));
    writer.failNext(1);
    await expect(buffer.flush()).rejects.toThrow('database unreachable');
    expect(buffer.size).toBe(1);
    buffer.add(aClick(2));
    await buffer.flush();
    expect(writer.batches).toEqual([['click-1', 'click-2']]);
  });

  it('holds at most maxBuffered clicks while writes fail, counting the dropped ones', async () => {
    const writer = recordingWriter();
    const onDropped = vi.fn();
    const buffer = new ClickBuffer({
      write: writer.write,
      logger,
      maxBuffered: 3,
      flushIntervalMs: 60_000,
      onDropped,
    });
    writer.failNext(1);
    expect([1, 2, 3, 4, 5].map((index) => buffer.add(aClick(index)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    await expect(buffer.flush()).rejects.toThrow();
    expect(buffer.size).toBe(3);
    expect(buffer.droppedCount).toBe(2);
    expect(onDropped).toHaveBeenCalledTimes(2);
    await buffer.flush();
    expect(writer.batches.flat()).toEqual(['click-1', 'click-2', 'click-3']);
  });

  it('writes what is left on close, retrying a transient failure, and drops clicks after it', async () => {
    const writer = recordingWriter();
    const buffer = new ClickBuffer({ write: writer.write, logger, flushIntervalMs: 60_000 });
    buffer.start();
    buffer.add(aClick(1));
    writer.failNext(1);
    await buffer.close();
    expect(writer.batches).toEqual([['click-1']]);
    expect(buffer.add(aClick(2))).toBe(false);
  });

  it('gives up on close when the database stays unreachable, and says how many clicks were lost', async () => {
    const writer = recordingWriter();
    const errors = { warn: vi.fn(), error: vi.fn() };
    const buffer = new ClickBuffer({ write: writer.write, logger: errors, closeAttempts: 2 });
    buffer.add(aClick(1));
    writer.failNext(5);
    await buffer.close();
    expect(errors.error).toHaveBeenCalledWith({ lostClicks: 1 }, expect.any(String));
    expect(buffer.droppedCount).toBe(1);
    expect(buffer.size).toBe(0);
  });
});
