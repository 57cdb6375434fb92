import { describe, expect, it } from 'vitest';
import { FakeClock } from './fake-clock.js';
import { InMemoryCredentialVault } from './in-memory-credentials.js';
import { InMemoryJobQueue } from './in-memory-job-queue.js';
import { InMemoryKvStoreProvider } from './in-memory-kv.js';
import { loopbackOnlyFetch } from './loopback-fetch.js';
import { RecordingLogger } from './recording-logger.js';

describe('in-memory kv', () => {
  it('keeps namespaces apart, expires entries by the clock, and lists live keys by prefix in order', async () => {
    const clock = new FakeClock('2026-01-01T00:00:00.000Z');
    const kv = new InMemoryKvStoreProvider(clock);
    const one = kv.namespace('a');
    await one.set('cursor:b', 'x');
    await one.set('cursor:a', { n: 1 }, { ttlSeconds: 60 });
    await one.set('other', true);
    expect(await kv.namespace('b').get('cursor:a')).toBeUndefined();
    expect((await one.list({ prefix: 'cursor:' })).map((entry) => entry.key)).toEqual([
      'cursor:a',
      'cursor:b',
    ]);
    clock.advance(60_000);
    expect(await one.get('cursor:a')).toBeUndefined();
    expect(await one.delete('cursor:a')).toBe(false);
    expect(await one.delete('other')).toBe(true);
    expect(await one.list()).toEqual([{ key: 'cursor:b', value: 'x' }]);
  });

  it('stores copies, as a database would', async () => {
    const kv = new InMemoryKvStoreProvider(new FakeClock()).namespace('a');
    const value = { list: [1] };
    await kv.set('k', value);
    value.list.push(2);
    expect(await kv.get('k')).toEqual({ list: [1] });
  });
});

describe('in-memory job queue', () => {
  const runner = (name: string, run: (payload: unknown) => Promise<void>) => ({
    name,
    localName: name,
    plugin: 'p',
    instance: 'default',
    run: (payload: unknown) => run(payload),
  });

  it('runs due jobs on drain, runs delayed ones only when time has come, and adds a key only once', async () => {
    const clock = new FakeClock();
    const queue = new InMemoryJobQueue(clock);
    const seen: unknown[] = [];
    queue.useJobs([runner('job', async (payload) => void seen.push(payload))]);
    await queue.enqueue('job', 1, { idempotencyKey: 'k' });
    await queue.enqueue('job', 2, { idempotencyKey: 'k' });
    await queue.enqueue('job', 3, { delay: 10_000 });
    expect(seen).toEqual([]);
    expect((await queue.drain()).completed).toHaveLength(1);
    expect(seen).toEqual([1]);
    await queue.drain({ advanceClock: true });
    expect(seen).toEqual([1, 3]);
    expect(clock.now().toISOString()).toBe('2026-01-01T00:00:10.000Z');
  });

  it('retries a failing job up to its attempts, then reports it failed with the error', async () => {
    const queue = new InMemoryJobQueue(new FakeClock(), 3);
    let runs = 0;
    queue.useJobs([
      runner('flaky', async () => {
        runs += 1;
        throw new Error(`attempt ${runs} failed`);
      }),
    ]);
    await queue.enqueue('flaky', null);
    await queue.enqueue('unknown', null);
    const result = await queue.drain();
    expect(runs).toBe(3);
    expect(result.failed.map((job) => [job.name, job.error])).toEqual([
      ['flaky', 'attempt 3 failed'],
      ['unknown', 'No job named "unknown" is defined'],
    ]);
  });
});

describe('other fakes', () => {
  it('records log lines with child bindings', () => {
    const logger = new RecordingLogger();
    logger.child({ plugin: 'p' }).warn({ attempt: 2 }, 'retrying');
    logger.info('plain');
    expect(logger.entries).toEqual([
      { level: 'warn', message: 'retrying', fields: { plugin: 'p', attempt: 2 } },
      { level: 'info', message: 'plain', fields: {} },
    ]);
    expect(logger.find('warn', 'retry')).toHaveLength(1);
  });

  it('keeps one credential record per plugin instance', async () => {
    const vault = new InMemoryCredentialVault();
    await vault.forInstance('crm', 'emea').set({ accessToken: 'a' });
    expect(await vault.forInstance('crm', 'amer').get()).toBeNull();
    expect(vault.peek('crm', 'emea')).toEqual({ accessToken: 'a' });
    await vault.forInstance('crm', 'emea').clear();
    expect(vault.peek('crm', 'emea')).toBeNull();
  });

  it('refuses requests to anything but loopback addresses', async () => {
    await expect(loopbackOnlyFetch('https://api.salesforce.com/services')).rejects.toThrow(/loopback/);
  });
});
