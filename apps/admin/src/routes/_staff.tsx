import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';
import { SplashErrorPage } from '../features/errors/splash-error-page.js';
import { StaffShell } from '../features/shell/staff-shell.js';

/** Every console page lives under this guard: signed-out visitors go to sign in, then come back. */
export const Route = createFileRoute('/_staff')({
  beforeLoad: async ({ context, location }) => {
    const user = await context.queryClient.ensureQueryData(context.trpc.auth.me.queryOptions());
    if (!user) {
      throw redirect({ to: '/sign-in', search: location.href === '/' ? {} : { redirect: location.href } });
    }
    return { user };
  },
  component: StaffLayout,
  errorComponent: SplashErrorPage,
});

function StaffLayout() {
  const { user } = Route.useRouteContext();
  return (
    <StaffShell user={user}>
      <Outlet />
    </StaffShell>
  );
}
