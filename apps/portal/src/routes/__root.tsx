import type { QueryClient } from '@tanstack/react-query';
import { createRootRouteWithContext, HeadContent, Outlet } from '@tanstack/react-router';
import type { Trpc } from '../api/trpc.js';
import { PortalFooter } from '../features/landing/portal-footer.js';
import { PortalHeader } from '../features/landing/portal-header.js';

/** What every route's `beforeLoad` and `loader` receive. */
export interface RouterContext {
  queryClient: QueryClient;
  trpc: Trpc;
}

export const Route = createRootRouteWithContext<RouterContext>()({
  head: () => ({ meta: [{ title: 'Referral program' }] }),
  component: PortalLayout,
});

function PortalLayout() {
  return (
    <>
      <HeadContent />
      <div className="portal">
        <a className="wp-skip-link" href="#wp-main">
          Skip to main content
        </a>
        <PortalHeader />
        <main className="portal__main" id="wp-main" tabIndex={-1}>
          <Outlet />
        </main>
        <PortalFooter />
      </div>
    </>
  );
}
