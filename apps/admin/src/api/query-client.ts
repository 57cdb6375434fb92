import { QueryClient } from '@tanstack/react-query';
import { shouldRetryRequest } from './errors.js';

/** A query client tuned for a console: short freshness, no retries for answers that will not change. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetryRequest },
      mutations: { retry: false },
    },
  });
}
