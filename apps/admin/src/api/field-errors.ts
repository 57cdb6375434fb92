import { TRPCClientError } from '@trpc/client';

/**
 * The server's message per input field of a refused call (`password` → "Use at least 8 characters"), from the
 * `data.issues` tRPC errors carry for invalid input; empty for any other failure.
 */
export function serverFieldErrors(error: unknown): Record<string, string> {
  if (!(error instanceof TRPCClientError)) return {};
  const data: unknown = error.data;
  if (typeof data !== 'object' || data === null || !('issues' in data) || !Array.isArray(data.issues))
    return {};
  const errors: Record<string, string> = {};
  for (const issue of data.issues as unknown[]) {
    if (typeof issue !== 'object' || issue === null || !('path' in issue) || !('message' in issue)) continue;
    if (typeof issue.path === 'string' && typeof issue.message === 'string')
      errors[issue.path] ??= issue.message;
  }
  return errors;
}
