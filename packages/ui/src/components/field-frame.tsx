import { type ReactNode, useId } from 'react';
import { cx } from '../class-names.js';

/** What every labelled control shares: its label, hint and error, and the ids that tie them to the control. */
export interface FieldFrameProps {
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: ReactNode | undefined;
  required?: boolean | undefined;
  id?: string | undefined;
  className?: string | undefined;
  /** Renders the control with the id and the `aria-describedby` it must carry. */
  children: (control: { id: string; describedBy: string | undefined; isInvalid: boolean }) => ReactNode;
}

/** The label above, hint and error below, wired through `aria-describedby`; shared by every form field. */
export function FieldFrame({ label, hint, error, required, id, className, children }: FieldFrameProps) {
  const generatedId = useId();
  const controlId = id ?? generatedId;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cx('wp-field', error ? 'wp-field--invalid' : undefined, className)}>
      <label className="wp-field__label" htmlFor={controlId}>
        {label}
        {required ? (
          <span className="wp-field__required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {children({ id: controlId, describedBy, isInvalid: Boolean(error) })}
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
