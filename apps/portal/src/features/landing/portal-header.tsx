import { Link } from '@tanstack/react-router';
import { BrandMark, buttonClassName } from '@warmpath/ui';

/** The portal's top bar: the program's mark and the way to sign in. */
export function PortalHeader() {
  return (
    <header className="portal-header">
      <div className="portal-header__inner">
        <Link to="/" className="portal-header__home" aria-label="Referral program home">
          <BrandMark product="Portal" />
        </Link>
        <a href="#sign-in" className={buttonClassName({ variant: 'secondary', size: 'sm' })}>
          Sign in
        </a>
      </div>
    </header>
  );
}
