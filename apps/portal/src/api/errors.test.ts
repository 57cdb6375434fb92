import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, isNotFoundError, isSignedOutError, shouldRetryRequest } from './errors.js';

/** An error as the tRPC client builds it from the server's JSON error answer. */
function answered(httpStatus: number) {
  return TRPCClientError.from({ error: { message: 'Server message', code: -32000, data: { httpStatus } } });
}

/** An error as the tRPC client builds it when fetch itself fails. */
const networkFailure = TRPCClientError.from(new TypeError('Failed to fetch'));

describe('a failed request in the portal', () => {
  it('is retried, at most twice, when the server was unreachable or failed', () => {
    expect(shouldRetryRequest(0, networkFailure)).toBe(true);
    expect(shouldRetryRequest(1, answered(503))).toBe(true);
    expect(shouldRetryRequest(2, answered(500))).toBe(false);
  });

  it('is not retried when the server refused it', () => {
    expect(shouldRetryRequest(0, answered(404))).toBe(false);
    expect(shouldRetryRequest(0, answered(429))).toBe(false);
  });

  it('is explained to referrers without server internals', () => {
    expect(describeError(networkFailure)).toMatch(/could not reach/);
    expect(describeError(answered(500))).not.toContain('Server message');
  });

  it('tells an ended session apart from other refusals', () => {
    expect(isSignedOutError(answered(401))).toBe(true);
    expect(isSignedOutError(answered(403))).toBe(false);
    expect(isSignedOutError(networkFailure)).toBe(false);
    expect(describeError(answered(401))).toMatch(/Sign in again/);
    expect(isNotFoundError(answered(404))).toBe(true);
    expect(isNotFoundError(answered(401))).toBe(false);
  });
});
