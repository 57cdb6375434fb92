import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Card, FormAlert, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { formErrorsOf } from '../../api/field-errors.js';
import { trpc } from '../../api/trpc.js';
import { SaveActions } from '../../components/save-actions.js';

/**
 * The referrer's name, as the company sees it; the email and the company they work for are shown but changed only by
 * the company.
 */
export function ProfileForm({
  name: savedName,
  email,
  company,
}: {
  name: string;
  email: string;
  company: string | null;
}) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(savedName);
  const [isSaved, setIsSaved] = useState(false);
  const update = useMutation(
    trpc.portal.account.updateProfile.mutationOptions({
      onSuccess: async () => {
        setIsSaved(true);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.portal.me.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.portal.account.get.queryKey() }),
        ]);
      },
    }),
  );
  const errors = formErrorsOf(update);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setIsSaved(false);
    update.mutate({ name });
  };
  return (
    <Card title="Your details">
      <form className="portal-form" onSubmit={submit}>
        {errors && !errors.fieldErrors.name ? <FormAlert>{errors.formMessage}</FormAlert> : null}
        <TextField
          label="Email"
          type="email"
          value={email}
          readOnly
          hint="Ask your contact at the company to change it."
        />
        {company !== null ? <TextField label="Company" value={company} readOnly /> : null}
        <TextField
          label="Name"
          name="name"
          autoComplete="name"
          required
          maxLength={200}
          value={name}
          onChange={(event) => {
            setName(event.currentTarget.value);
            setIsSaved(false);
          }}
          error={errors?.fieldErrors.name}
        />
        <SaveActions isSaving={update.isPending} isSaved={isSaved} savedMessage="Saved.">
          Save details
        </SaveActions>
      </form>
    </Card>
  );
}
