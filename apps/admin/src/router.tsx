import { createRouter } from '@tanstack/react-router';
import { queryClient, trpc } from './api/trpc.js';
import { NotFoundPage } from './features/errors/not-found-page.js';
import { PendingPage } from './features/errors/pending-page.js';
import { RouteErrorPage } from './features/errors/route-error-page.js';
import { routeTree } from './routeTree.gen.js';

/** The console's router; its base path is Vite's `base`, so the two cannot drift apart. */
export const router = createRouter({
  routeTree,
  basepath: import.meta.env.BASE_URL,
  context: { queryClient, trpc },
  defaultPreload: 'intent',
  // TanStack Query owns freshness; the router should always ask it.
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
  defaultPendingComponent: PendingPage,
  defaultErrorComponent: RouteErrorPage,
  defaultNotFoundComponent: NotFoundPage,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
