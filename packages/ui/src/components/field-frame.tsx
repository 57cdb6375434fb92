import { type ReactNode, useId } from 'react';
import { cx } from '../class-names.js';
import { describedByIds, FieldMessages, RequiredMark } from './field-parts.js';

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
  const { hintId, errorId, describedBy } = describedByIds(controlId, hint, error);
  return (
    <div className={cx('wp-field', error ? 'wp-field--invalid' : undefined, className)}>
      <label className="wp-field__label" htmlFor={controlId}>
        {label}
        <RequiredMark isRequired={required} />
      </label>
      {children({ id: controlId, describedBy, isInvalid: Boolean(error) })}
      <FieldMessages hint={hint} hintId={hintId} error={error} errorId={errorId} />
    </div>
  );
}
