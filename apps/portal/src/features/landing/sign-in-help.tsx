import { Card, Icon } from '@warmpath/ui';

/**
 * How referrers sign in. Participants use the personal link they receive; signing in from this page arrives with
 * participant accounts, so nothing here pretends to be a form.
 */
export function SignInHelp() {
  return (
    <section className="landing-section" id="sign-in" aria-labelledby="sign-in-title" tabIndex={-1}>
      <Card className="sign-in-help">
        <span className="sign-in-help__icon" aria-hidden="true">
          <Icon name="mail" size={24} />
        </span>
        <div className="sign-in-help__text">
          <h2 id="sign-in-title" className="landing-section__title">
            Signing in
          </h2>
          <p>
            Referrers sign in with the personal link they receive by email when they join the program. There
            is no password to remember: open the link on any device to see your introductions.
          </p>
          <p>
            Lost your link? Ask your contact at the company to send you a new one. Signing in from this page
            is coming soon.
          </p>
        </div>
      </Card>
    </section>
  );
}
