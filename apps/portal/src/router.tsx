import { createRouter } from '@tanstack/react-router';
import { LoadingState } from '@warmpath/ui';
import { queryClient, trpc } from './api/trpc.js';
import { NotFoundPage } from './features/landing/not-found-page.js';
import { RouteErrorPage } from './features/landing/route-error-page.js';
import { routeTree } from './routeTree.gen.js';

/** The portal's router; its base path is Vite's `base`, so the two cannot drift apart. */
export const router = createRouter({
  routeTree,
  basepath: import.meta.env.BASE_URL,
  context: { queryClient, trpc },
  defaultPreload: 'intent',
  defaultPreloadStaleTime: 0,
  scrollRestoration: true,
  defaultNotFoundComponent: NotFoundPage,
  defaultErrorComponent: RouteErrorPage,
  defaultPendingComponent: () => <LoadingState label="Loading…" />,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
