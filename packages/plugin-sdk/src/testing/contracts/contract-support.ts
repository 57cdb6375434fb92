import { expect, vi } from 'vitest';
import { z } from 'zod';
import type { PluginHttpRequest } from '../../dto/plugin-http.schema.js';

/** Creates the implementation under test; called once per test so tests do not share state. */
export type SubjectFactory<T> = () => T | Promise<T>;

/** A webhook call that no provider signed (no signature header, a made-up body): every verifier must refuse it. */
export function forgedWebhookRequest(): PluginHttpRequest {
  return {
    method: 'POST',
    path: '/webhook',
    params: {},
    query: {},
    headers: { 'content-type': 'application/json' },
    body: { forged: true },
    rawBody: '{"forged":true}',
  };
}

/** Asserts `value` matches `schema`, showing every issue on failure. */
export function expectMatches<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  expect(result.success ? null : `${what} is malformed:\n${z.prettifyError(result.error)}`).toBeNull();
  return schema.parse(value);
}

/** Asserts a value survives a JSON round trip unchanged (it can be stored in jsonb and sent over the wire). */
export function expectJsonSafe(value: unknown, what: string): void {
  expect(JSON.parse(JSON.stringify(value)), `${what} must survive a JSON round trip`).toEqual(value);
}

/** A deep copy whose every object and array is frozen: a mutation throws (modules run in strict mode). */
export function deepFrozenCopy<T>(value: T): T {
  return deepFreeze(structuredClone(value));
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * Runs `compute` twice under different wall clocks and `Math.random` values; a pure function returns equal
 * results.
 */
export function runUnderDifferentClocks<T>(compute: () => T): [T, T] {
  vi.useFakeTimers({ toFake: ['Date'] });
  const random = vi.spyOn(Math, 'random');
  try {
    vi.setSystemTime(new Date('2001-02-03T04:05:06.000Z'));
    random.mockReturnValue(0.123);
    const first = compute();
    vi.setSystemTime(new Date('2042-11-12T13:14:15.000Z'));
    random.mockReturnValue(0.987);
    const second = compute();
    return [first, second];
  } finally {
    random.mockRestore();
    vi.useRealTimers();
  }
}

/** A fresh, unique id for contract data, so repeated runs against one stand-in never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${crypto.randomUUID()}`;
}
