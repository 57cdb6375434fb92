import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { callPlugin, PluginCallError } from './call-plugin.js';

const call = (work: () => Promise<unknown>, retryInvalidResult = false) =>
  callPlugin({
    key: 'crm:sample:default:main',
    method: 'upsertReferral',
    timeoutMs: 50,
    schema: z.object({ ref: z.string().min(1) }),
    retryInvalidResult,
    call: work,
  });

async function failureOf(promise: Promise<unknown>): Promise<PluginCallError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(PluginCallError);
  return error as PluginCallError;
}

describe('calling a plugin', () => {
  it('answers what the plugin returned when it fits the extension point', async () => {
    expect(await call(async () => ({ ref: 'lead-1' }))).toEqual({ ref: 'lead-1' });
  });

  it('turns a throw into a retryable failure naming the implementation and method', async () => {
    const error = await failureOf(call(async () => Promise.reject(new Error('503 from the CRM'))));
    expect(error).toMatchObject({
      failure: 'threw',
      retryable: true,
      implementationKey: 'crm:sample:default:main',
    });
    expect(error.message).toBe('crm:sample:default:main upsertReferral() failed: Error: 503 from the CRM');
  });

  it('gives up on a call that hangs once the timeout passes', async () => {
    const error = await failureOf(call(() => new Promise(() => {})));
    expect(error).toMatchObject({ failure: 'timed_out', retryable: true });
    expect(error.message).toMatch(/timed out after 50 ms/);
  });

  it('refuses junk, naming the field, retryable only when the caller says a retry is safe', async () => {
    const error = await failureOf(call(async () => ({ ref: '' })));
    expect(error).toMatchObject({ failure: 'invalid_result', retryable: false });
    expect(error.message).toMatch(/returned an invalid result: ref:/);
    expect((await failureOf(call(async () => null, true))).retryable).toBe(true);
  });

  it('catches a plugin that throws synchronously instead of rejecting', async () => {
    const error = await failureOf(
      call(() => {
        throw new TypeError('not a promise');
      }),
    );
    expect(error.failure).toBe('threw');
  });
});
