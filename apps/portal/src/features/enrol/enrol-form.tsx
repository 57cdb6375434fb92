import { useMutation } from '@tanstack/react-query';
import { Button, FormAlert, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';

/**
 * Asking to join a track: name, email and (optionally) company. Nothing is created until the emailed link is
 * followed, which proves the address; the confirmation says so.
 */
export function EnrolForm({ trackSlug, trackName }: { trackSlug: string; trackName: string }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [company, setCompany] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const request = useMutation(
    trpc.portal.enrol.request.mutationOptions({ onSuccess: (_, input) => setSentTo(input.email) }),
  );
  const errors = formErrorsOf(request);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const companyName = company.trim();
    request.mutate({
      trackSlug,
      name: name.trim(),
      email: email.trim(),
      ...(companyName ? { company: companyName } : {}),
    });
  };

  if (sentTo !== null) {
    return (
      <div className="portal-notice portal-notice--success" role="status">
        <h2 className="sign-in__subtitle">Check your email</h2>
        <p>
          We sent a link to <strong>{sentTo}</strong>. Open it within 24 hours to confirm your address and
          join {trackName}. It signs you in too.
        </p>
      </div>
    );
  }
  return (
    <form className="portal-form" onSubmit={submit} aria-label={`Join ${trackName}`}>
      {errors ? <FormAlert>{errors.formMessage}</FormAlert> : null}
      <TextField
        label="Your name"
        autoComplete="name"
        required
        maxLength={200}
        value={name}
        onChange={(event) => setName(event.currentTarget.value)}
        error={errors?.fieldErrors.name}
      />
      <TextField
        label="Your email"
        type="email"
        autoComplete="email"
        required
        value={email}
        onChange={(event) => setEmail(event.currentTarget.value)}
        hint="We send a link to this address to confirm it."
        error={errors?.fieldErrors.email}
      />
      <TextField
        label="Your company (optional)"
        autoComplete="organization"
        maxLength={200}
        value={company}
        onChange={(event) => setCompany(event.currentTarget.value)}
        error={errors?.fieldErrors.company}
      />
      <Button type="submit" isLoading={request.isPending} isFullWidth>
        Email me a confirmation link
      </Button>
    </form>
  );
}
