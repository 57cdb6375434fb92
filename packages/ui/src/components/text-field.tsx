import { type InputHTMLAttributes, type ReactNode, type Ref, useId } from 'react';
import { cx } from '../class-names.js';

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
  const generatedId = useId();
  const inputId = id ?? generatedId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy =
    [inputProps['aria-describedby'], hintId, errorId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cx('wp-field', error ? 'wp-field--invalid' : undefined, className)}>
      <label className="wp-field__label" htmlFor={inputId}>
        {label}
        {required ? (
          <span className="wp-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      <input
        {...inputProps}
        id={inputId}
        required={required}
        className="wp-field__input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      />
      {hint ? (
        <p id={hintId} className="wp-field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="wp-field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
