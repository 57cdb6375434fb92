import { cx } from '@warmpath/ui';
import { type ReactNode, type SelectHTMLAttributes, useId } from 'react';
import { describedByIds, FieldMessages, RequiredMark } from './field-parts.js';

/** Props of {@link SelectField}. */
export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: ReactNode;
  options: readonly { value: string; label: string }[];
  /** The words of the empty first choice ("Choose…"); without it the first option is preselected. */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
}

/** A labelled native select (keyboard and screen-reader friendly everywhere), styled like TextField. */
export function SelectField({
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  className,
  required,
  ...selectProps
}: SelectFieldProps) {
  const generatedId = useId();
  const selectId = id ?? generatedId;
  const { hintId, errorId, describedBy } = describedByIds(selectId, hint, error);
  return (
    <div className={cx('wp-field', error ? 'wp-field--invalid' : undefined, className)}>
      <label className="wp-field__label" htmlFor={selectId}>
        {label}
        <RequiredMark isRequired={required} />
      </label>
      <select
        {...selectProps}
        id={selectId}
        required={required}
        className="wp-field__input portal-select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
