import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, FormAlert, NewPasswordFields, PASSWORDS_DIFFER, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { SaveActions } from '../../components/save-actions.js';

/**
 * Sets a password for signing in without an emailed link, or changes it (which needs the current one). Optional:
 * the emailed link keeps working either way.
 */
export function PasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const queryClient = useQueryClient();
  const [currentPassword, setCurrentPassword] = useState('');
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [mismatch, setMismatch] = useState<string | undefined>();
  const [isSaved, setIsSaved] = useState(false);
  const save = useMutation(
    trpc.portal.account.setPassword.mutationOptions({
      onSuccess: async () => {
        setIsSaved(true);
        setCurrentPassword('');
        setPassword('');
        setConfirmation('');
        await queryClient.invalidateQueries({ queryKey: trpc.portal.account.get.queryKey() });
      },
    }),
  );
  const errors = formErrorsOf(save);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaved(false);
    if (password !== confirmation) {
      setMismatch(PASSWORDS_DIFFER);
      return;
    }
    setMismatch(undefined);
    save.mutate(hasPassword ? { currentPassword, password } : { password });
  };
  const hasFieldErrors = errors !== null && Object.keys(errors.fieldErrors).length > 0;
  return (
    <Card
      title={hasPassword ? 'Change your password' : 'Set a password'}
      description={
        hasPassword
          ? 'You can sign in with your password or with a link we email you.'
          : 'Optional: with a password you can sign in without waiting for an email.'
      }
    >
      <form className="portal-form" onSubmit={submit}>
        {errors && !hasFieldErrors ? <FormAlert>{errors.formMessage}</FormAlert> : null}
        {/* Lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" />
        {hasPassword ? (
          <TextField
            label="Current password"
            type="password"
            autoComplete="current-password"
            required
            value={currentPassword}
            onChange={(event) => setCurrentPassword(event.currentTarget.value)}
            error={errors?.fieldErrors.currentPassword}
          />
        ) : null}
        <NewPasswordFields
          password={password}
          confirmation={confirmation}
          onPasswordChange={setPassword}
          onConfirmationChange={setConfirmation}
          passwordError={errors?.fieldErrors.password}
          confirmationError={mismatch}
        />
        <SaveActions isSaving={save.isPending} isSaved={isSaved} savedMessage="Password saved.">
          {hasPassword ? 'Change password' : 'Set password'}
        </SaveActions>
      </form>
    </Card>
  );
}
