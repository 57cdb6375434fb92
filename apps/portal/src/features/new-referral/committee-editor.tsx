import { Button, buttonClassName, SelectField, TextField } from '@warmpath/ui';
import { useEffect, useRef } from 'react';

import { fieldIdFor } from './field-ids.js';
import { type ContactDraft, type DraftChange, MAXIMUM_CONTACTS } from './referral-draft.js';

/** Props of {@link CommitteeEditor}. */
export interface CommitteeEditorProps {
  contacts: readonly ContactDraft[];
  roles: readonly { value: string; label: string }[];
  errors: Readonly<Record<string, string>>;
  onChange: (change: DraftChange) => void;
  newContactId: () => string;
}

/**
 * The buying committee: the people at the company the referrer introduces, at least one. Each person is a group
 * named "Contact N", and each field's accessible name says whose it is ("Contact 2 Email"), so a screen-reader user
 * moving field by field always knows where they are.
 */
export function CommitteeEditor({ contacts, roles, errors, onChange, newContactId }: CommitteeEditorProps) {
  const addButton = useRef<HTMLButtonElement>(null);
  const previousCount = useRef(contacts.length);
  useEffect(() => {
    // Move focus with the change: into the person just added, or back to "Add" after a removal.
    const count = contacts.length;
    if (count > previousCount.current) {
      const added = document.getElementById(fieldIdFor(`contacts.${count - 1}.name`));
      added?.focus();
    } else if (count < previousCount.current) {
      addButton.current?.focus();
    }
    previousCount.current = count;
  }, [contacts.length]);

  return (
    <div className="committee">
      {contacts.map((contact, index) => {
        const number = index + 1;
        const change = (field: 'name' | 'email' | 'role' | 'title', value: string) =>
          onChange({ type: 'contact', id: contact.id, field, value });
        const who = <span className="wp-visually-hidden">Contact {number} </span>;
        return (
          <fieldset key={contact.id} className="committee__contact">
            <legend className="committee__legend">Contact {number}</legend>
            <div className="committee__fields">
              <TextField
                id={fieldIdFor(`contacts.${index}.name`)}
                label={<>{who}Name</>}
                autoComplete="off"
                required
                value={contact.name}
                onChange={(event) => change('name', event.currentTarget.value)}
                error={errors[`contacts.${index}.name`]}
              />
              <TextField
                id={fieldIdFor(`contacts.${index}.email`)}
                label={<>{who}Email</>}
                type="email"
                autoComplete="off"
                required
                value={contact.email}
                onChange={(event) => change('email', event.currentTarget.value)}
                hint="Their work email."
                error={errors[`contacts.${index}.email`]}
              />
              <SelectField
                id={fieldIdFor(`contacts.${index}.role`)}
                label={<>{who}Role</>}
                required
                placeholder="Choose their role…"
                options={roles}
                value={contact.role}
                onChange={(event) => change('role', event.currentTarget.value)}
                hint="Their part in the buying decision."
                error={errors[`contacts.${index}.role`]}
              />
              <TextField
                id={fieldIdFor(`contacts.${index}.title`)}
                label={<>{who}Job title (optional)</>}
                autoComplete="off"
                value={contact.title}
                onChange={(event) => change('title', event.currentTarget.value)}
                error={errors[`contacts.${index}.title`]}
              />
            </div>
            {contacts.length > 1 ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() => onChange({ type: 'removeContact', id: contact.id })}
              >
                Remove contact {number}
              </Button>
            ) : null}
          </fieldset>
        );
      })}
      {contacts.length < MAXIMUM_CONTACTS ? (
        <button
          ref={addButton}
          type="button"
          className={buttonClassName({ variant: 'secondary' })}
          onClick={() => onChange({ type: 'addContact', id: newContactId() })}
        >
          Add another contact
        </button>
      ) : (
        <p className="portal-muted">You can name up to {MAXIMUM_CONTACTS} people in one referral.</p>
      )}
    </div>
  );
}
