import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './field-frame.js';

/** Props of {@link TextAreaField}. */
export interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line text input, with hint and error like {@link TextField}. */
export function TextAreaField({
  label,
  hint,
  error,
  id,
  className,
  required,
  rows = 4,
  ...rest
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} required={required} id={id} className={className}>
      {({ id: controlId, describedBy, isInvalid }) => (
        <textarea
          {...rest}
          id={controlId}
          rows={rows}
          required={required}
          className="wp-field__input wp-field__textarea"
          aria-invalid={isInvalid || undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldFrame>
  );
}
