import { Link } from '@tanstack/react-router';
import { buttonClassName, Card, Icon } from '@warmpath/ui';

/** How referrers sign in, with the way to do it. */
export function SignInHelp() {
  return (
    <section className="landing-section" id="sign-in" aria-labelledby="sign-in-title" tabIndex={-1}>
      <Card className="sign-in-help">
        <span className="sign-in-help__icon" aria-hidden="true">
          <Icon name="mail" size={24} />
        </span>
        <div className="sign-in-help__text">
          <h2 id="sign-in-title" className="landing-section__title">
            Already a referrer?
          </h2>
          <p>
            Open the personal link you received by email, or sign in here: we email you a link that signs you
            in, or you can use the password you set on your account page.
          </p>
          <p>
            <Link to="/sign-in" className={buttonClassName({ variant: 'primary' })}>
              Sign in to the portal
            </Link>
          </p>
        </div>
      </Card>
    </section>
  );
}
