import { TRPCClientError } from '@trpc/client';

const maximumRetries = 2;

function httpStatusOf(error: unknown): number | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('httpStatus' in data)) return undefined;
  return typeof data.httpStatus === 'number' ? data.httpStatus : undefined;
}

/** Retries failures that may pass on a second try (no answer, 5xx); a 4xx answer would come back the same. */
export function shouldRetryRequest(failureCount: number, error: unknown): boolean {
  if (failureCount >= maximumRetries) return false;
  const status = httpStatusOf(error);
  return status === undefined || status >= 500;
}

/** Whether the server refused a request because no one is signed in (the session expired or was ended). */
export function isSignedOutError(error: unknown): boolean {
  return httpStatusOf(error) === 401;
}

/** Whether the thing asked for does not exist, or is not the signed-in referrer's to see (the server says the same). */
export function isNotFoundError(error: unknown): boolean {
  return httpStatusOf(error) === 404;
}

/** A sentence for a referrer about a failed request, without server internals. */
export function describeError(error: unknown): string {
  const status = httpStatusOf(error);
  if (status === undefined)
    return 'We could not reach the program’s server. Check your connection and try again.';
  if (status === 401) return 'You are signed out. Sign in again to continue.';
  if (status === 429) return 'Too many requests. Wait a minute, then try again.';
  return 'Something went wrong on our side. Try again in a moment.';
}
