import { createFileRoute } from '@tanstack/react-router';
import { HowItWorks } from '../features/landing/how-it-works.js';
import { LandingHero } from '../features/landing/landing-hero.js';
import { ProgramTracks } from '../features/landing/program-tracks.js';
import { SignInHelp } from '../features/landing/sign-in-help.js';

export const Route = createFileRoute('/')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.portal.program.queryOptions());
  },
  component: LandingPage,
});

function LandingPage() {
  return (
    <>
      <LandingHero />
      <ProgramTracks />
      <HowItWorks />
      <SignInHelp />
    </>
  );
}
