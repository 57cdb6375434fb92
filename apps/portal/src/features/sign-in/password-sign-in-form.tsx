import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormAlert, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { SignInEmailField } from './sign-in-email-field.js';

/** Props of {@link PasswordSignInForm}. */
export interface PasswordSignInFormProps {
  email: string;
  onEmailChange: (email: string) => void;
  onSignedIn: () => void;
}

/** Signs in with the password a referrer set on their account page. */
export function PasswordSignInForm({ email, onEmailChange, onSignedIn }: PasswordSignInFormProps) {
  const queryClient = useQueryClient();
  const [password, setPassword] = useState('');
  const signIn = useMutation(
    trpc.portal.auth.signIn.mutationOptions({
      onSuccess: async () => {
        // Everything cached so far was fetched signed out.
        await queryClient.resetQueries();
        onSignedIn();
      },
    }),
  );
  const errors = formErrorsOf(signIn);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  return (
    <form className="portal-form" onSubmit={submit}>
      <h2 id="password-sign-in-title" className="sign-in__subtitle">
        Sign in with your password
      </h2>
      {errors ? <FormAlert>{errors.formMessage}</FormAlert> : null}
      <SignInEmailField email={email} onEmailChange={onEmailChange} autoComplete="username" />
      <TextField
        label="Password"
        type="password"
        name="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.currentTarget.value)}
      />
      <Button type="submit" isLoading={signIn.isPending} isFullWidth>
        Sign in
      </Button>
    </form>
  );
}
