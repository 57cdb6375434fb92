import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Stack, TextField } from '@warmpath/ui';
import { type FormEvent, useId, useRef, useState } from 'react';
import { describeError, trpcErrorCode } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { StaffUser } from '../../api/types.js';
import { type SignInFieldErrors, type SignInValues, validateSignIn } from '../../auth/sign-in-form.js';

/** Props of {@link SignInCard}. */
export interface SignInCardProps {
  /** Called once the session cookie is set and `auth.me` knows the user. */
  onSignedIn: (user: StaffUser) => void;
}

/**
 * Staff sign-in with email and password. What the user typed stays in the fields after a failed attempt; the
 * problem is announced and shown next to what it concerns.
 */
export function SignInCard({ onSignedIn }: SignInCardProps) {
  const queryClient = useQueryClient();
  const formErrorId = useId();
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState<SignInValues>({ email: '', password: '' });
  const [fieldErrors, setFieldErrors] = useState<SignInFieldErrors>({});

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      onSuccess: ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        onSignedIn(user);
      },
      onError: () => passwordRef.current?.select(),
    }),
  );

  function update(field: keyof SignInValues, value: string) {
    setValues((current) => ({ ...current, [field]: value }));
    if (fieldErrors[field]) setFieldErrors((current) => ({ ...current, [field]: undefined }));
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const errors = validateSignIn(values);
    setFieldErrors(errors);
    if (errors.email) return emailRef.current?.focus();
    if (errors.password) return passwordRef.current?.focus();
    signIn.mutate({ email: values.email.trim(), password: values.password });
  }

  const formError = signIn.isError
    ? trpcErrorCode(signIn.error) === 'UNAUTHORIZED'
      ? 'Email or password is incorrect. Check both and try again.'
      : describeError(signIn.error)
    : undefined;

  return (
    <Card title="Sign in to the console" description="Use your Warmpath staff account." headingLevel={1}>
      <form onSubmit={submit} noValidate aria-describedby={formError ? formErrorId : undefined}>
        <Stack gap={4}>
          {formError ? (
            <p id={formErrorId} className="form-alert" role="alert">
              {formError}
            </p>
          ) : null}
          <TextField
            ref={emailRef}
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={values.email}
            onChange={(event) => update('email', event.target.value)}
            error={fieldErrors.email}
          />
          <TextField
            ref={passwordRef}
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={values.password}
            onChange={(event) => update('password', event.target.value)}
            error={fieldErrors.password}
          />
          <Button type="submit" isFullWidth isLoading={signIn.isPending}>
            {signIn.isPending ? 'Signing in…' : 'Sign in'}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
