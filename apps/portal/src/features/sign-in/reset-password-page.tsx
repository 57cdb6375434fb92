import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, FormAlert, NewPasswordFields, PASSWORDS_DIFFER } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';

/**
 * Choosing a new password from an emailed reset link. The new password ends every portal session of the account
 * and signs nobody in: the referrer then signs in with it. A link that no longer works says so and offers a new one.
 */
export function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const reset = useMutation(trpc.portal.auth.resetPassword.mutationOptions());
  const errors = formErrorsOf(reset);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (password !== confirmation) {
      setMismatch(PASSWORDS_DIFFER);
      return;
    }
    setMismatch(undefined);
    reset.mutate({ token, password });
  };
  const linkProblem = errors?.fieldErrors.token;

  return (
    <div className="sign-in">
      <Card className="sign-in__card">
        <h1 className="sign-in__title">Choose a new password</h1>
        {reset.isSuccess ? (
          <div className="portal-notice portal-notice--success" role="status">
            Your password is changed, and every device signed in to your account was signed out.{' '}
            <Link to="/sign-in">Sign in with your new password</Link>.
          </div>
        ) : token === '' || linkProblem ? (
          <div className="portal-notice portal-notice--warning" role="alert">
            <strong>This reset link has expired or was already used.</strong> Links work once, for one hour.{' '}
            <Link to="/sign-in">Ask for a new one</Link> from the sign-in page.
          </div>
        ) : (
          <form className="portal-form" onSubmit={submit}>
            {errors && !errors.fieldErrors.password ? <FormAlert>{errors.formMessage}</FormAlert> : null}
            <NewPasswordFields
              password={password}
              confirmation={confirmation}
              onPasswordChange={setPassword}
              onConfirmationChange={setConfirmation}
              passwordError={errors?.fieldErrors.password}
              confirmationError={mismatch}
            />
            <Button type="submit" isLoading={reset.isPending} isFullWidth>
              Set new password
            </Button>
          </form>
        )}
      </Card>
    </div>
  );
}
