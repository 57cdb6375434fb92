import { type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { cx } from '../class-names.js';

/** Props of {@link CheckboxField}. */
export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'children'> {
  label: ReactNode;
  hint?: ReactNode;
}

/** A checkbox with its label beside it (the whole label toggles it) and an optional hint. */
export function CheckboxField({ label, hint, id, className, ...rest }: CheckboxFieldProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  return (
    <div className={cx('wp-checkbox', className)}>
      <input
        {...rest}
        id={controlId}
        type="checkbox"
        className="wp-checkbox__input"
        aria-describedby={hintId}
      />
      <div>
        <label htmlFor={controlId} className="wp-checkbox__label">
          {label}
        </label>
        {hint ? (
          <p id={hintId} className="wp-field__hint">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
