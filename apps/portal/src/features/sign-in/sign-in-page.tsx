import { Button, Card, FormAlert } from '@warmpath/ui';
import { useState } from 'react';
import { MagicLinkForm } from './magic-link-form.js';
import { PasswordResetRequestForm } from './password-reset-request-form.js';
import { PasswordSignInForm } from './password-sign-in-form.js';

type SignInMethod = 'link' | 'password' | 'reset';

/** Props of {@link SignInPage}. */
export interface SignInPageProps {
  /** The visitor came back from a sign-in link that no longer works. */
  isLinkExpired: boolean;
  onSignedIn: () => void;
}

/**
 * Signing in to the portal: by emailed link (the default, nothing to remember) or by password, with "Forgot your
 * password?" for an emailed reset link. One form shows at a time, so the page has one email field; the address typed
 * is kept when switching.
 */
export function SignInPage({ isLinkExpired, onSignedIn }: SignInPageProps) {
  const [method, setMethod] = useState<SignInMethod>('link');
  const [email, setEmail] = useState('');
  return (
    <div className="sign-in">
      <Card className="sign-in__card">
        <h1 className="sign-in__title">Sign in</h1>
        <p className="sign-in__lead">See your referral links and follow the introductions you have made.</p>
        {isLinkExpired ? (
          <FormAlert tone="warning" title="That sign-in link has expired or was already used.">
            Links work once, for a short time. Enter your email below and we will send you a new one.
          </FormAlert>
        ) : null}
        {method === 'link' ? <MagicLinkForm email={email} onEmailChange={setEmail} /> : null}
        {method === 'password' ? (
          <PasswordSignInForm email={email} onEmailChange={setEmail} onSignedIn={onSignedIn} />
        ) : null}
        {method === 'reset' ? <PasswordResetRequestForm email={email} onEmailChange={setEmail} /> : null}
        <div className="sign-in__switch">
          <Button variant="ghost" onClick={() => setMethod(method === 'link' ? 'password' : 'link')}>
            {method === 'link' ? 'Sign in with a password instead' : 'Email me a sign-in link instead'}
          </Button>
          {method === 'password' ? (
            <Button variant="ghost" onClick={() => setMethod('reset')}>
              Forgot your password?
            </Button>
          ) : null}
        </div>
      </Card>
    </div>
  );
}
