import { cx } from '@warmpath/ui';
import { type ReactNode, type TextareaHTMLAttributes, useId } from 'react';
import { describedByIds, FieldMessages, RequiredMark } from './field-parts.js';

/** Props of {@link TextareaField}. */
export interface TextareaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled multi-line text box, styled like TextField. */
export function TextareaField({
  label,
  hint,
  error,
  id,
  className,
  required,
  ...textareaProps
}: TextareaFieldProps) {
  const generatedId = useId();
  const textareaId = id ?? generatedId;
  const { hintId, errorId, describedBy } = describedByIds(textareaId, hint, error);
  return (
    <div className={cx('wp-field', error ? 'wp-field--invalid' : undefined, className)}>
      <label className="wp-field__label" htmlFor={textareaId}>
        {label}
        <RequiredMark isRequired={required} />
      </label>
      <textarea
        rows={4}
        {...textareaProps}
        id={textareaId}
        required={required}
        className="wp-field__input portal-textarea"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
