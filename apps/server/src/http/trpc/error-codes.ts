import type { TRPC_ERROR_CODE_KEY } from '@trpc/server';
import type { DomainError } from '@warmpath/core';

const codes: Record<string, TRPC_ERROR_CODE_KEY> = {
  not_found: 'NOT_FOUND',
  conflict: 'CONFLICT',
  validation_failed: 'BAD_REQUEST',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  rate_limited: 'TOO_MANY_REQUESTS',
};

/** The tRPC code for a domain error; unknown codes are internal errors. */
export function toTrpcCode(error: DomainError): TRPC_ERROR_CODE_KEY {
  return codes[error.code] ?? 'INTERNAL_SERVER_ERROR';
}
