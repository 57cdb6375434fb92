import { TRPCClientError } from '@trpc/client';

const maximumRetries = 2;

/** The tRPC error code of a failed call (`UNAUTHORIZED`, `FORBIDDEN`…), or undefined when it never got an answer. */
export function trpcErrorCode(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('code' in data)) return undefined;
  return typeof data.code === 'string' ? data.code : undefined;
}

/**
 * Why the server refused, when a rule of the domain refused (a fraud hold, sales kept to their own referrals) rather
 * than the role alone: the server's `data.reason`, written for people.
 */
export function trpcRefusalReason(error: unknown): string | undefined {
  if (!(error instanceof TRPCClientError)) return undefined;
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('reason' in data)) return undefined;
  return typeof data.reason === 'string' && data.reason ? data.reason : undefined;
}

/** True when the server answered that nobody (or nobody anymore) is signed in. */
export function isUnauthorized(error: unknown): boolean {
  return trpcErrorCode(error) === 'UNAUTHORIZED';
}

/**
 * Retries only failures that may pass on a second try (network, 5xx); a 4xx answer (bad input, signed out,
 * forbidden, not found) would come back the same.
 */
export function shouldRetryRequest(failureCount: number, error: unknown): boolean {
  if (failureCount >= maximumRetries) return false;
  const code = trpcErrorCode(error);
  return code === undefined || code === 'INTERNAL_SERVER_ERROR' || code === 'SERVICE_UNAVAILABLE';
}

/** A sentence for the user about a failed call: the server's own message when it gave one that is meant for people. */
export function describeError(error: unknown): string {
  const code = trpcErrorCode(error);
  if (error instanceof TRPCClientError && code === undefined) {
    return 'The Warmpath server could not be reached. Check your connection, or that the server is running, and try again.';
  }
  switch (code) {
    case 'FORBIDDEN':
      return (
        trpcRefusalReason(error) ??
        'Your role does not allow this. Ask an owner or admin of this installation for access.'
      );
    case 'TOO_MANY_REQUESTS':
      return 'Too many attempts. Wait a minute, then try again.';
    case 'INTERNAL_SERVER_ERROR':
      return 'The server ran into a problem. Try again; if it keeps happening, check the server logs.';
    default:
      return error instanceof Error && error.message
        ? readableMessage(error.message)
        : 'Something unexpected happened.';
  }
}

/**
 * tRPC reports input that failed its zod schema as the JSON list of issues; this turns it into
 * "form.fields.0.key: Start with a letter…" lines. Any other message is returned as it is.
 */
function readableMessage(message: string): string {
  if (!message.startsWith('[')) return message;
  try {
    const issues: unknown = JSON.parse(message);
    if (!Array.isArray(issues)) return message;
    return issues
      .map((issue: { path?: unknown; message?: unknown }) => {
        const path = Array.isArray(issue.path) ? issue.path.join('.') : '';
        const text = typeof issue.message === 'string' ? issue.message : 'is not valid';
        return path ? `${path}: ${text}` : text;
      })
      .join('\n');
  } catch {
    return message;
  }
}
