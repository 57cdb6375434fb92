import { QueryClient } from '@tanstack/react-query';
import { TRPCClientError } from '@trpc/client';
import { describe, expect, it } from 'vitest';
import { trpc } from '../../api/trpc.js';
import { sendSignedOutToSignIn } from './send-signed-out-to-sign-in.js';

function refusal(httpStatus: number) {
  return TRPCClientError.from({ error: { message: 'refused', code: -32001, data: { httpStatus } } });
}

function setUp(pathname: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const navigations: unknown[] = [];
  const router = {
    state: { location: { href: `${pathname}?x=1`, pathname } },
    navigate: async (options: unknown) => {
      navigations.push(options);
    },
  };
  queryClient.setQueryData(trpc.portal.me.queryKey(), () => ({
    id: 'p1',
    email: 'p@x.test',
    name: 'P',
    company: null,
    enrollments: [{ track: 'clients', trackName: 'Clients', code: 'ABC', url: 'https://x.test/r/ABC' }],
  }));
  sendSignedOutToSignIn(queryClient, trpc, router);
  const failWith = (httpStatus: number) =>
    queryClient
      .fetchQuery({
        queryKey: ['probe', httpStatus],
        queryFn: () => Promise.reject(refusal(httpStatus)),
      })
      .catch(() => undefined);
  return { queryClient, navigations, failWith };
}

describe('a session that ends while a page is open', () => {
  it('forgets the referrer and goes to sign in, with the way back', async () => {
    const { queryClient, navigations, failWith } = setUp('/referrals');
    await failWith(401);
    expect(navigations).toEqual([{ to: '/sign-in', search: { redirect: '/referrals?x=1' } }]);
    expect(queryClient.getQueryData(trpc.portal.me.queryKey())).toBeNull();
  });

  it('leaves other failures to the page that made the request', async () => {
    const { queryClient, navigations, failWith } = setUp('/referrals');
    await failWith(500);
    await failWith(404);
    expect(navigations).toEqual([]);
    expect(queryClient.getQueryData(trpc.portal.me.queryKey())).not.toBeNull();
  });

  it('does not leave the sign-in page for itself', async () => {
    const { navigations, failWith } = setUp('/sign-in');
    await failWith(401);
    expect(navigations).toEqual([]);
  });
});
