import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { readServerFormErrors } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { FormAlert } from '../../components/form-alert.js';

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
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    signIn.mutate({ email: email.trim(), password });
  };
  return (
    <form className="portal-form" onSubmit={submit}>
      <h2 id="password-sign-in-title" className="sign-in__subtitle">
        Sign in with your password
      </h2>
      {signIn.isError ? <FormAlert>{readServerFormErrors(signIn.error).formMessage}</FormAlert> : null}
      <TextField
        label="Email"
        type="email"
        name="email"
        autoComplete="username"
        required
        value={email}
        onChange={(event) => onEmailChange(event.currentTarget.value)}
      />
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
