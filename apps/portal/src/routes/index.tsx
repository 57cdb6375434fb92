import { createFileRoute, redirect } from '@tanstack/react-router';
import { LoadingState } from '@warmpath/ui';
import { QueryErrorState } from '../components/query-error-state.js';
import { HomePage } from '../features/home/home-page.js';
import { HowItWorks } from '../features/landing/how-it-works.js';
import { LandingHero } from '../features/landing/landing-hero.js';
import { ProgramTracks } from '../features/landing/program-tracks.js';
import { SignInHelp } from '../features/landing/sign-in-help.js';
import { useSignedInParticipant } from '../features/session/use-signed-in-participant.js';

/** The one-time login route lands here with `?login=expired` when its link no longer works. */
interface LandingSearch {
  login?: 'expired';
}

export const Route = createFileRoute('/')({
  validateSearch: (search: Record<string, unknown>): LandingSearch =>
    search.login === 'expired' ? { login: 'expired' } : {},
  beforeLoad: ({ search }) => {
    if (search.login) throw redirect({ to: '/sign-in', search: { login: 'expired' }, replace: true });
  },
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.portal.me.queryOptions());
    void queryClient.prefetchQuery(trpc.portal.program.queryOptions());
  },
  component: PortalHome,
});

/** Signed in: the referrer's home with their links. Signed out: the program's public landing page. */
function PortalHome() {
  const participant = useSignedInParticipant();
  if (participant.isPending) return <LoadingState label="Loading…" />;
  if (participant.isError) {
    return <QueryErrorState title="The portal could not load" query={participant} headingLevel={1} />;
  }
  if (participant.data) return <HomePage name={participant.data.name} />;
  return (
    <>
      <LandingHero />
      <ProgramTracks />
      <HowItWorks />
      <SignInHelp />
    </>
  );
}
