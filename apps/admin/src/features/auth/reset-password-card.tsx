import { useMutation } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { Button, Card, FormAlert, NewPasswordFields, PASSWORDS_DIFFER, Stack } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { serverFieldErrors } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';

/**
 * Choosing a new password from an emailed reset link. It ends every session of the account and signs nobody in,
 * so `onReset` sends the person to sign in with it. A link that no longer works says so and how to get a new one.
 */
export function ResetPasswordCard({ token, onReset }: { token: string; onReset: () => void }) {
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const reset = useMutation(trpc.auth.resetPassword.mutationOptions({ onSuccess: onReset }));
  const fieldErrors = serverFieldErrors(reset.error);
  // The service checks the password on its own (path ""), the procedure's schema on `password`.
  const passwordError = fieldErrors.password ?? fieldErrors[''];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== confirmation) return setMismatch(PASSWORDS_DIFFER);
    setMismatch(undefined);
    reset.mutate({ token, password });
  }

  if (token === '' || fieldErrors.token) {
    return (
      <Card title="This reset link cannot be used" headingLevel={1}>
        <Stack gap={4}>
          <FormAlert tone="warning">
            {fieldErrors.token ? `${fieldErrors.token}.` : 'This reset link is not complete.'}
          </FormAlert>
          <p>
            Reset links work once, for one hour. Ask for a new one with “Forgot password?” on the{' '}
            <Link to="/sign-in">sign-in page</Link>.
          </p>
        </Stack>
      </Card>
    );
  }
  return (
    <Card title="Choose a new password" description="For your Warmpath staff account." headingLevel={1}>
      <form onSubmit={submit} noValidate aria-label="Choose a new password">
        <Stack gap={4}>
          {reset.isError && !passwordError ? <FormAlert>{describeError(reset.error)}</FormAlert> : null}
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
            passwordError={passwordError}
            confirmationError={mismatch}
          />
          <Button type="submit" isFullWidth isLoading={reset.isPending}>
            Set new password
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
