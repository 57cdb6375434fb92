import { Link, useMatchRoute } from '@tanstack/react-router';
import { BrandMark, buttonClassName } from '@warmpath/ui';
import { PortalNavigation } from '../session/portal-navigation.js';
import { SignOutButton } from '../session/sign-out-button.js';
import { useSignedInParticipant } from '../session/use-signed-in-participant.js';

/** The portal's top bar: the program's mark, then the referrer's pages and sign-out, or the way to sign in. */
export function PortalHeader() {
  const participant = useSignedInParticipant();
  const isSignedIn = Boolean(participant.data);
  // The sign-in page is the link's target: offering it there again would be a second way to stay put.
  const isOnSignIn = Boolean(useMatchRoute()({ to: '/sign-in' }));
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <Link to="/" className="portal-header__home">
          <BrandMark product="Portal" />
        </Link>
        {isSignedIn ? (
          <SignOutButton />
        ) : participant.isPending || isOnSignIn ? null : (
          <Link to="/sign-in" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
            Sign in
          </Link>
        )}
      </div>
      {isSignedIn ? (
        <div className="portal-header__nav">
          <PortalNavigation />
        </div>
      ) : null}
    </header>
  );
}
