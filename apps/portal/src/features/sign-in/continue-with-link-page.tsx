import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import { SIGN_IN_LINK_ACTIONS, type SignInLinkHolder, type SignInLinkKind } from './sign-in-link.js';

/** Props of {@link ContinueWithLinkPage}. */
export interface ContinueWithLinkPageProps {
  kind: SignInLinkKind;
  token: string;
  holder: SignInLinkHolder;
}

/**
 * What an emailed sign-in link opens: it names whom the link signs in and signs in only when the visitor presses
 * Continue. Opening a link changes nothing, so a link someone else planted (to sign this browser into their account)
 * is seen for what it is. The button is a plain form post back to the link's path; the server answers with the
 * portal (signed in) or the sign-in page (the link stopped working meanwhile).
 */
export function ContinueWithLinkPage({ kind, token, holder }: ContinueWithLinkPageProps) {
  const signedIn = useQuery(trpc.portal.me.queryOptions());
  const someoneElse = signedIn.data && signedIn.data.email !== holder.email ? signedIn.data : null;
  const isEnrolment = kind === 'enrol';
  return (
    <div className="sign-in">
      <Card className="sign-in__card">
        <h1 className="sign-in__title">{isEnrolment ? 'Confirm your email' : 'Sign in'}</h1>
        <p className="sign-in__lead">
          {isEnrolment ? 'This link confirms the email of ' : 'This link signs in '}
          <strong>{holder.name}</strong> ({holder.email}).
        </p>
        {someoneElse ? (
          <div className="portal-notice portal-notice--warning" role="status">
            You are signed in as <strong>{someoneElse.email}</strong>. Continuing signs you out of that
            account.
          </div>
        ) : null}
        <form
          className="portal-form"
          method="post"
          action={`${import.meta.env.BASE_URL}${SIGN_IN_LINK_ACTIONS[kind]}`}
        >
          <input type="hidden" name="token" value={token} />
          <Button type="submit" isFullWidth>
            Continue as {holder.name}
          </Button>
        </form>
        <p className="sign-in__lead">
          Not you, or did not ask for this link? Nothing happens unless you continue.{' '}
          <Link to="/sign-in">Sign in another way</Link>
        </p>
      </Card>
    </div>
  );
}
