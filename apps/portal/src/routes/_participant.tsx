import { createFileRoute, Outlet, redirect } from '@tanstack/react-router';

/** Every page of a signed-in referrer lives under this guard: signed-out visitors sign in, then come back. */
export const Route = createFileRoute('/_participant')({
  beforeLoad: async ({ context, location }) => {
    const participant = await context.queryClient.ensureQueryData(context.trpc.portal.me.queryOptions());
    if (!participant) throw redirect({ to: '/sign-in', search: { redirect: location.href } });
    return { participant };
  },
  component: Outlet,
});
