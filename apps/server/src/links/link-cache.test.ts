import { describe, expect, it } from 'vitest';
import { LinkCache } from './link-cache.js';

function counterSource(values: Record<string, string>) {
  const loads: string[] = [];
  let failing = false;
  return {
    loads,
    fail(isFailing: boolean) {
      failing = isFailing;
    },
    load: async (key: string) => {
      loads.push(key);
      if (failing) throw new Error('database down');
      return values[key];
    },
  };
}

// Clocks start well past 0, as real ones do (lru-cache reads a start time of 0 as "no TTL").
const START = 1_000_000;

describe('the link cache', () => {
  it('loads a code once, serves it from memory for the TTL, then reads it again', async () => {
    let now = START;
    const source = counterSource({ a: 'A' });
    const cache = new LinkCache({ load: source.load, ttlMs: 1000, now: () => now });
    expect(await cache.get('a')).toBe('A');
    now = START + 1000;
    expect(await cache.get('a')).toBe('A');
    expect(source.loads).toEqual(['a']);
    now = START + 1001;
    expect(await cache.get('a')).toBe('A');
    expect(source.loads).toEqual(['a', 'a']);
  });

  it('answers a fresh code without waiting, and nothing for one that must be loaded', async () => {
    let now = START;
    const source = counterSource({ a: 'A' });
    const cache = new LinkCache({ load: source.load, ttlMs: 1000, negativeTtlMs: 1000, now: () => now });
    expect(cache.peek('a')).toBeUndefined();
    await cache.get('a');
    await cache.get('missing');
    expect(cache.peek('a')).toMatchObject({ value: 'A' });
    expect(cache.peek('missing')).toMatchObject({ value: undefined });
    now = START + 1001;
    expect(cache.peek('a')).toBeUndefined();
  });

  it('remembers unknown codes for a shorter time', async () => {
    let now = START;
    const source = counterSource({});
    const cache = new LinkCache({ load: source.load, ttlMs: 60_000, negativeTtlMs: 100, now: () => now });
    expect(await cache.get('nope')).toBeUndefined();
    expect(await cache.get('nope')).toBeUndefined();
    expect(source.loads).toEqual(['nope']);
    now = START + 101;
    await cache.get('nope');
    expect(source.loads).toEqual(['nope', 'nope']);
  });

  it('shares one load among concurrent requests for the same code', async () => {
    const source = counterSource({ a: 'A' });
    const cache = new LinkCache({ load: source.load });
    const values = await Promise.all(Array.from({ length: 50 }, () => cache.get('a')));
    expect(new Set(values)).toEqual(new Set(['A']));
    expect(source.loads).toEqual(['a']);
  });

  it('forgets the oldest codes beyond its size limit', async () => {
    const source = counterSource({ a: 'A', b: 'B', c: 'C' });
    const cache = new LinkCache({ load: source.load, maxEntries: 2 });
    await cache.get('a');
    await cache.get('b');
    await cache.get('c');
    expect(cache.size).toBe(2);
    await cache.get('a');
    expect(source.loads).toEqual(['a', 'b', 'c', 'a']);
  });

  it('keeps serving a known code while the database is down, and fails unknown ones', async () => {
    let now = START;
    const source = counterSource({ a: 'A' });
    const cache = new LinkCache({ load: source.load, ttlMs: 10, now: () => now });
    await cache.get('a');
    source.fail(true);
    now = START + 50;
    expect(await cache.get('a')).toBe('A');
    // Served for another TTL without asking the database again.
    now = START + 55;
    expect(cache.peek('a')).toMatchObject({ value: 'A' });
    expect(source.loads).toEqual(['a', 'a']);
    await expect(cache.get('b')).rejects.toThrow('database down');
  });
});
