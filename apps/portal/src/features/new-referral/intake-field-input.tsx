import { SelectField, TextAreaField, TextField } from '@warmpath/ui';
import { CheckboxGroupField } from '../../components/checkbox-group-field.js';

import { fieldIdFor } from './field-ids.js';
import type { IntakeField } from './intake-form.js';
import type { AnswerDraft } from './referral-draft.js';

/** Props of {@link IntakeFieldInput}. */
export interface IntakeFieldInputProps {
  field: IntakeField;
  value: AnswerDraft | undefined;
  onChange: (value: AnswerDraft) => void;
  error?: string | undefined;
}

const inputTypes: Record<string, string> = { email: 'email', url: 'url', number: 'number', date: 'date' };

const hints: Record<string, string> = {
  url: 'A full address, like https://example.com',
  email: 'Like name@company.com',
};

/** One question of the track's form, with the control its type calls for. */
export function IntakeFieldInput({ field, value, onChange, error }: IntakeFieldInputProps) {
  const id = fieldIdFor(`answers.${field.key}`);
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'textarea':
      return (
        <TextAreaField
          id={id}
          label={field.label}
          required={field.required}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      );
    case 'select':
      return (
        <SelectField
          id={id}
          label={field.label}
          required={field.required}
          placeholder="Choose…"
          options={(field.options ?? []).map((option) => ({ value: option, label: option }))}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          error={error}
        />
      );
    case 'multiselect':
      return (
        <CheckboxGroupField
          label={field.label}
          required={field.required}
          options={field.options ?? []}
          value={typeof value === 'string' || value === undefined ? [] : value}
          onChange={onChange}
          hint="Choose all that apply."
          error={error}
        />
      );
    default:
      return (
        <TextField
          id={id}
          label={field.label}
          type={inputTypes[field.type] ?? 'text'}
          inputMode={field.type === 'number' ? 'decimal' : undefined}
          required={field.required}
          value={text}
          onChange={(event) => onChange(event.currentTarget.value)}
          hint={hints[field.type]}
          error={error}
        />
      );
  }
}
