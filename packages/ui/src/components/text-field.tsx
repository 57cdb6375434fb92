import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './field-frame.js';

/** Props of {@link TextField}. */
export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  /** The visible label; every field has one (placeholders are not labels). */
  label: ReactNode;
  /** Help shown under the field, read by screen readers after the label. */
  hint?: ReactNode;
  /** The problem with the current value; marks the field invalid and is announced with it. */
  error?: ReactNode;
  ref?: Ref<HTMLInputElement>;
}

/**
 * A labelled text input with optional hint and error message, both wired to the input through
 * `aria-describedby` so assistive technology reads them with the field.
 */
export function TextField({ label, hint, error, id, className, required, ...inputProps }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {({ id: controlId, describedBy, isInvalid }) => (
        <input
          {...inputProps}
          id={controlId}
          required={required}
          className="wp-field__input"
          aria-invalid={isInvalid || undefined}
          // A caller's own description (e.g. a character count) is read before the hint and the error.
          aria-describedby={
            [inputProps['aria-describedby'], describedBy].filter(Boolean).join(' ') || undefined
          }
        />
      )}
    </FieldFrame>
  );
}
