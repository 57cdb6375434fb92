import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { describeError, isUnauthorized, shouldRetryRequest } from './errors.js';

/** An error as the tRPC client builds it from the server's JSON error answer. */
function answered(code: string, message = 'Server message') {
  return TRPCClientError.from({ error: { message, code: -32001, data: { code } } });
}

/** A refusal by a domain rule, with the reason the server gives for people. */
function refusedWithReason(reason: string) {
  return TRPCClientError.from({
    error: { message: reason, code: -32003, data: { code: 'FORBIDDEN', reason } },
  });
}

/** An error as the tRPC client builds it when fetch itself fails. */
const networkFailure = TRPCClientError.from(new TypeError('Failed to fetch'));

describe('failed API calls', () => {
  it('are retried when the server could not be reached or failed, up to twice', () => {
    expect(shouldRetryRequest(0, networkFailure)).toBe(true);
    expect(shouldRetryRequest(1, answered('INTERNAL_SERVER_ERROR'))).toBe(true);
    expect(shouldRetryRequest(2, networkFailure)).toBe(false);
  });

  it('are not retried when the answer would be the same', () => {
    for (const code of ['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST']) {
      expect(shouldRetryRequest(0, answered(code))).toBe(false);
    }
  });

  it('recognise an ended session', () => {
    expect(isUnauthorized(answered('UNAUTHORIZED'))).toBe(true);
    expect(isUnauthorized(answered('FORBIDDEN'))).toBe(false);
    expect(isUnauthorized(networkFailure)).toBe(false);
  });

  it('are explained in words the user can act on', () => {
    expect(describeError(networkFailure)).toMatch(/could not be reached/);
    expect(describeError(answered('FORBIDDEN'))).toMatch(/role does not allow/);
    expect(describeError(refusedWithReason('Fraud rules hold this referral for review'))).toBe(
      'Fraud rules hold this referral for review',
    );
    expect(describeError(answered('CONFLICT', 'Slug is taken'))).toBe('Slug is taken');
  });

  it('name the fields of input the server refused', () => {
    const issues = JSON.stringify([
      { code: 'too_small', path: ['slaHours'], message: 'Too small: expected number to be >=1' },
      { code: 'custom', path: ['form', 'fields', 0, 'key'], message: 'Start with a letter' },
    ]);
    expect(describeError(answered('BAD_REQUEST', issues))).toBe(
      'slaHours: Too small: expected number to be >=1\nform.fields.0.key: Start with a letter',
    );
  });
});
