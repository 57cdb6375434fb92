import { useMutation } from '@tanstack/react-query';
import { Button, FormAlert } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { SignInEmailField } from './sign-in-email-field.js';

/** Props of {@link PasswordResetRequestForm}. */
export interface PasswordResetRequestFormProps {
  email: string;
  onEmailChange: (email: string) => void;
}

/**
 * "Forgot your password?": asks for a reset link by email. The server answers alike whether or not the address is
 * known, so the confirmation is worded as "if".
 */
export function PasswordResetRequestForm({ email, onEmailChange }: PasswordResetRequestFormProps) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(
    trpc.portal.auth.requestPasswordReset.mutationOptions({
      onSuccess: (_, input) => setSentTo(input.email),
    }),
  );
  const errors = formErrorsOf(request);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    request.mutate({ email: email.trim() });
  };

  if (sentTo !== null) {
    return (
      <div className="sign-in__sent" role="status">
        <h2 className="sign-in__subtitle">Check your email</h2>
        <p>
          If <strong>{sentTo}</strong> belongs to a referrer of this program, a link to choose a new password
          is on its way. It works once, for one hour.
        </p>
      </div>
    );
  }

  return (
    <form className="portal-form" onSubmit={submit}>
      <h2 className="sign-in__subtitle">Reset your password</h2>
      {errors ? <FormAlert>{errors.formMessage}</FormAlert> : null}
      <SignInEmailField
        email={email}
        onEmailChange={onEmailChange}
        autoComplete="email"
        hint="We will email you a link to choose a new password."
      />
      <Button type="submit" isLoading={request.isPending} isFullWidth>
        Email me a reset link
      </Button>
    </form>
  );
}
