import { useMutation } from '@tanstack/react-query';
import { Button, FormAlert } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { SignInEmailField } from './sign-in-email-field.js';

/** Props of {@link MagicLinkForm}. */
export interface MagicLinkFormProps {
  email: string;
  onEmailChange: (email: string) => void;
}

/**
 * Asks for a sign-in link by email. The answer is the same whether or not the address is known (the server never
 * says), so the confirmation is worded as "if".
 */
export function MagicLinkForm({ email, onEmailChange }: MagicLinkFormProps) {
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(
    trpc.portal.auth.requestMagicLink.mutationOptions({ onSuccess: (_, input) => setSentTo(input.email) }),
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
          If <strong>{sentTo}</strong> belongs to a referrer of this program, a sign-in link is on its way. It
          works once, for 15 minutes.
        </p>
        <Button variant="secondary" onClick={() => setSentTo(null)}>
          Send another link
        </Button>
      </div>
    );
  }

  return (
    <form className="portal-form" onSubmit={submit}>
      <h2 id="magic-link-title" className="sign-in__subtitle">
        Get a sign-in link
      </h2>
      {errors ? <FormAlert>{errors.formMessage}</FormAlert> : null}
      <SignInEmailField
        email={email}
        onEmailChange={onEmailChange}
        autoComplete="email"
        hint="We will email you a link that signs you in. No password needed."
      />
      <Button type="submit" isLoading={request.isPending} isFullWidth>
        Email me a sign-in link
      </Button>
    </form>
  );
}
