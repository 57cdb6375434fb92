import { cx, describedByIds, FieldMessages, RequiredMark } from '@warmpath/ui';
import { type ReactNode, useId } from 'react';

/** Props of {@link CheckboxGroupField}. */
export interface CheckboxGroupFieldProps {
  label: ReactNode;
  options: readonly string[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  required?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  className?: string;
}

/** A question with several possible answers: a fieldset of checkboxes whose legend is the question. */
export function CheckboxGroupField({
  label,
  options,
  value,
  onChange,
  required,
  hint,
  error,
  className,
}: CheckboxGroupFieldProps) {
  const groupId = useId();
  const { hintId, errorId, describedBy } = describedByIds(groupId, hint, error);
  const toggle = (option: string, isChecked: boolean) => {
    const chosen = new Set(value);
    if (isChecked) chosen.add(option);
    else chosen.delete(option);
    // Keep the options' own order, whatever order they were ticked in.
    onChange(options.filter((candidate) => chosen.has(candidate)));
  };
  return (
    <fieldset
      className={cx('wp-field', 'portal-choices', error ? 'wp-field--invalid' : undefined, className)}
      aria-describedby={describedBy}
      aria-invalid={error ? true : undefined}
    >
      <legend className="wp-field__label">
        {label}
        <RequiredMark isRequired={required} />
      </legend>
      {options.map((option, index) => {
        const optionId = `${groupId}-${index}`;
        return (
          <div key={option} className="portal-choices__option">
            <input
              id={optionId}
              type="checkbox"
              checked={value.includes(option)}
              onChange={(event) => toggle(option, event.currentTarget.checked)}
            />
            <label htmlFor={optionId}>{option}</label>
          </div>
        );
      })}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </fieldset>
  );
}
