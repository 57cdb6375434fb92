import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferInput } from '@trpc/tanstack-react-query';
import { Button, Card, FormAlert, TextField } from '@warmpath/ui';
import { type FormEvent, useReducer, useRef, useState } from 'react';
import { CHECK_MARKED_FIELDS, readServerFormErrors } from '../../api/field-errors.js';
import { type Trpc, trpc } from '../../api/trpc.js';
import { randomUuid } from '../../lib/random-uuid.js';
import { CommitteeEditor } from './committee-editor.js';
import { fieldIdFor } from './field-ids.js';
import { IntakeFieldInput } from './intake-field-input.js';
import type { IntakeField } from './intake-form.js';
import {
  applyDraftChange,
  type DraftChange,
  emptyDraft,
  toSubmission,
  validateDraft,
} from './referral-draft.js';

/** A buying-committee role as the server names it. */
type ContactRole = inferInput<Trpc['portal']['referrals']['submit']>['contacts'][number]['role'];

/** Props of {@link ReferralForm}. */
export interface ReferralFormProps {
  trackSlug: string;
  fields: readonly IntakeField[];
  contactRoles: readonly { value: ContactRole; label: string }[];
  isAcceptingReferrals: boolean;
  onSubmitted: (referralId: string) => void;
}

/** The first field (in the order of the page) that has an error gets focus, so keyboard users land on it. */
function focusFirstError(
  errors: Record<string, string>,
  fields: readonly IntakeField[],
  contactCount: number,
) {
  const order = [
    'company.name',
    'company.domain',
    ...Array.from({ length: contactCount }, (_, index) =>
      ['name', 'email', 'role', 'title'].map((part) => `contacts.${index}.${part}`),
    ).flat(),
    ...fields.map((field) => `answers.${field.key}`),
  ];
  const first = order.find((path) => errors[path]);
  if (first) document.getElementById(fieldIdFor(first))?.focus();
}

/**
 * A referral for one track: the company, the people introduced, the track's own questions. Everything typed stays
 * put when the server refuses or fails; the server's field errors appear under the fields they name. A submission
 * id, kept until the server accepts, makes a double click or a retry after a lost answer create one referral only.
 */
export function ReferralForm({
  trackSlug,
  fields,
  contactRoles,
  isAcceptingReferrals,
  onSubmitted,
}: ReferralFormProps) {
  const queryClient = useQueryClient();
  const [draft, change] = useReducer(applyDraftChange, undefined, () => emptyDraft(randomUuid()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formMessage, setFormMessage] = useState<string | null>(null);
  const submissionId = useRef(randomUuid());
  const alert = useRef<HTMLDivElement>(null);

  const submit = useMutation(
    trpc.portal.referrals.submit.mutationOptions({
      onSuccess: async (referral) => {
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.portal.referrals.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.portal.tracks.mine.queryKey() }),
        ]);
        onSubmitted(referral.id);
      },
      onError: (error) => {
        const serverErrors = readServerFormErrors(error);
        setErrors(serverErrors.fieldErrors);
        setFormMessage(serverErrors.formMessage);
        if (Object.keys(serverErrors.fieldErrors).length > 0) {
          focusFirstError(serverErrors.fieldErrors, fields, draft.contacts.length);
        } else {
          alert.current?.focus();
        }
      },
    }),
  );

  const update = (draftChange: DraftChange) => {
    change(draftChange);
    // A corrected field loses its error; the others keep theirs until the next attempt.
    const path =
      draftChange.type === 'company'
        ? draftChange.field === 'companyName'
          ? 'company.name'
          : 'company.domain'
        : draftChange.type === 'answer'
          ? `answers.${draftChange.key}`
          : draftChange.type === 'contact'
            ? `contacts.${draft.contacts.findIndex((contact) => contact.id === draftChange.id)}.${draftChange.field}`
            : null;
    if (path && errors[path]) {
      const { [path]: _, ...rest } = errors;
      setErrors(rest);
      // Once every marked field is corrected, "check the fields marked below" no longer holds.
      if (Object.keys(rest).length === 0 && formMessage === CHECK_MARKED_FIELDS) setFormMessage(null);
    }
    // Rows shift when a contact is removed: errors by index would point at the wrong person.
    if (draftChange.type === 'removeContact') setErrors({});
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (submit.isPending) return;
    const roles = contactRoles.map((role) => role.value);
    const found = validateDraft(draft, fields, roles);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFormMessage(CHECK_MARKED_FIELDS);
      focusFirstError(found, fields, draft.contacts.length);
      return;
    }
    setFormMessage(null);
    submit.mutate(toSubmission(draft, fields, roles, trackSlug, submissionId.current));
  };

  return (
    <form className="portal-form referral-form" onSubmit={onSubmit} noValidate aria-label="New referral">
      <p className="portal-muted">
        Fields marked <span aria-hidden="true">*</span>
        <span className="wp-visually-hidden">as required</span> are required.
      </p>
      {formMessage ? (
        <div ref={alert} tabIndex={-1} className="referral-form__alert">
          <FormAlert>{formMessage}</FormAlert>
        </div>
      ) : null}

      <Card title="The company" headingLevel={2}>
        <div className="portal-form__fields">
          <TextField
            id={fieldIdFor('company.name')}
            label="Company name"
            required
            autoComplete="organization"
            value={draft.companyName}
            onChange={(event) =>
              update({ type: 'company', field: 'companyName', value: event.currentTarget.value })
            }
            error={errors['company.name']}
          />
          <TextField
            id={fieldIdFor('company.domain')}
            label="Company website or domain"
            autoComplete="off"
            inputMode="url"
            value={draft.companyDomain}
            onChange={(event) =>
              update({ type: 'company', field: 'companyDomain', value: event.currentTarget.value })
            }
            hint="Like acme.com. Leave it empty to use the domain of a contact’s work email."
            error={errors['company.domain']}
          />
        </div>
      </Card>

      <Card
        title="The people you are introducing"
        headingLevel={2}
        description="Who takes part in the decision to buy? Add everyone you know there, at least one person."
      >
        <CommitteeEditor
          contacts={draft.contacts}
          roles={contactRoles}
          errors={errors}
          onChange={update}
          newContactId={() => randomUuid()}
        />
        {errors.contacts ? <p className="wp-field__error">{errors.contacts}</p> : null}
      </Card>

      {fields.length > 0 ? (
        <Card title="About the opportunity" headingLevel={2}>
          <div className="portal-form__fields">
            {fields.map((field) => (
              <IntakeFieldInput
                key={field.key}
                field={field}
                value={draft.answers[field.key]}
                onChange={(value) => update({ type: 'answer', key: field.key, value })}
                error={errors[`answers.${field.key}`]}
              />
            ))}
          </div>
        </Card>
      ) : null}

      <div className="referral-form__actions">
        <Button type="submit" isLoading={submit.isPending} disabled={!isAcceptingReferrals}>
          Submit referral
        </Button>
        {!isAcceptingReferrals ? (
          <p className="portal-muted">This track is paused; it takes new referrals again soon.</p>
        ) : null}
      </div>
    </form>
  );
}
