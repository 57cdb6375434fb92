import { createTRPCClient, httpBatchLink } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import type { AppRouter } from '@warmpath/server';
import { createQueryClient } from './query-client.js';

/** The one query cache of the app. */
export const queryClient = createQueryClient();

/** Calls the server's tRPC API on the same origin; the staff session travels in its HttpOnly cookie. */
const trpcClient = createTRPCClient<AppRouter>({
  links: [
    httpBatchLink({
      url: '/trpc',
      fetch: (input, init) => fetch(input, { ...init, credentials: 'include' }),
    }),
  ],
});

/**
 * Query and mutation options for every procedure (`trpc.admin.tracks.list.queryOptions()`). A single-page app has
 * one client per tab, so a module singleton replaces the React-context provider.
 */
export const trpc = createTRPCOptionsProxy<AppRouter>({ client: trpcClient, queryClient });

/** The type of {@link trpc}, for the router context. */
export type Trpc = typeof trpc;
