import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import {
  Button,
  Card,
  FormAlert,
  formatDateTime,
  LoadingState,
  NewPasswordFields,
  PASSWORDS_DIFFER,
  Stack,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError, trpcErrorCode } from '../../api/errors.js';
import { serverFieldErrors } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import type { StaffUser } from '../../api/types.js';
import { staffRoleLabel } from '../settings/staff-roles.js';

/**
 * Accepting an emailed staff invitation: says who is invited and as what, then asks for a name and a password.
 * Accepting creates the account and signs it in (`auth.acceptInvitation` sets the session cookie). A link that no
 * longer works says why, in the server's words, and what to do.
 */
export function AcceptInviteCard({
  token,
  onAccepted,
}: {
  token: string;
  onAccepted: (user: StaffUser) => void;
}) {
  const preview = useQuery({
    ...trpc.auth.invitationPreview.queryOptions({ token }),
    enabled: token !== '',
    retry: false,
  });
  if (token === '') return <UnusableLink message="This invitation link is not complete." />;
  if (preview.isPending) return <LoadingState label="Checking your invitation…" />;
  if (preview.isError) {
    return trpcErrorCode(preview.error) === 'BAD_REQUEST' ? (
      <UnusableLink message={`${preview.error.message}.`} />
    ) : (
      <Card title="Accept your invitation" headingLevel={1}>
        <FormAlert>{describeError(preview.error)}</FormAlert>
      </Card>
    );
  }
  return <AcceptForm token={token} invitation={preview.data} onAccepted={onAccepted} />;
}

type Invitation = { email: string; name: string; role: StaffUser['role']; expiresAt: string };

function AcceptForm({
  token,
  invitation,
  onAccepted,
}: {
  token: string;
  invitation: Invitation;
  onAccepted: (user: StaffUser) => void;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(invitation.name);
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const accept = useMutation(
    trpc.auth.acceptInvitation.mutationOptions({
      onSuccess: ({ user }) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        onAccepted(user);
      },
    }),
  );
  const fieldErrors = serverFieldErrors(accept.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (password !== confirmation) return setMismatch(PASSWORDS_DIFFER);
    setMismatch(undefined);
    accept.mutate({ token, password, ...(name.trim() ? { name: name.trim() } : {}) });
  }

  if (fieldErrors.token) return <UnusableLink message={`${fieldErrors.token}.`} />;
  return (
    <Card
      title="Accept your invitation"
      description={`You are invited to this Warmpath console as ${staffRoleLabel(invitation.role)}, with the email ${invitation.email}. The invitation works until ${formatDateTime(invitation.expiresAt)}.`}
      headingLevel={1}
    >
      <form onSubmit={submit} noValidate aria-label="Create your account">
        <Stack gap={4}>
          {accept.isError && !fieldErrors.password && !fieldErrors.name ? (
            <FormAlert>{describeError(accept.error)}</FormAlert>
          ) : null}
          <TextField
            label="Your name"
            name="name"
            autoComplete="name"
            required
            value={name}
            onChange={(event) => setName(event.target.value)}
            error={fieldErrors.name}
          />
          <NewPasswordFields
            password={password}
            confirmation={confirmation}
            onPasswordChange={setPassword}
            onConfirmationChange={setConfirmation}
            passwordError={fieldErrors.password}
            confirmationError={mismatch}
          />
          <Button type="submit" isFullWidth isLoading={accept.isPending}>
            Create account and sign in
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

/** A link that cannot be used: the reason, and the two ways on (a new invitation, or signing in if it was used). */
function UnusableLink({ message }: { message: string }) {
  return (
    <Card title="This invitation cannot be used" headingLevel={1}>
      <Stack gap={4}>
        <FormAlert tone="warning">{message}</FormAlert>
        <p>
          Invitations work once, for 7 days. Ask the owner or admin who invited you to send a new one. If you
          already accepted it, <Link to="/sign-in">sign in</Link> instead.
        </p>
      </Stack>
    </Card>
  );
}
