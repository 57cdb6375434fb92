import { QueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@warmpath/server';
import { shouldRetryRequest } from './errors.js';

/** The one query cache of the portal. */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { staleTime: 60_000, retry: shouldRetryRequest } },
});

/** Calls the server's tRPC API on the same origin; a participant session travels in its HttpOnly cookie. */
const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
    }),
  ],
});

/** Query and mutation options for every procedure; a module singleton, as a single-page app has one client. */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** The type of {@link trpc}, for the router context. */
export type Trpc = typeof trpc;
