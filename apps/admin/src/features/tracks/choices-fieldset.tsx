import { cx, describedByIds, FieldMessages } from '@warmpath/ui';
import { type ReactNode, useId } from 'react';

/** Props of {@link ChoicesFieldset}. */
export interface ChoicesFieldsetProps {
  legend: ReactNode;
  /** What is wrong with the choice as a whole; marks the group invalid and is read with it. */
  error?: string | undefined;
  children: ReactNode;
}

/**
 * A named group of checkboxes (visible stages, the round-robin pool) that can be marked invalid as a whole, as
 * the UI kit's `Fieldset` looks, with the error under the choices and `aria-invalid` for the editor's focus.
 */
export function ChoicesFieldset({ legend, error, children }: ChoicesFieldsetProps) {
  const groupId = useId();
  const { errorId, describedBy } = describedByIds(groupId, undefined, error);
  return (
    <fieldset
      className={cx('wp-fieldset', error ? 'wp-field--invalid' : undefined)}
      aria-invalid={error ? true : undefined}
      aria-describedby={describedBy}
    >
      <legend className="wp-fieldset__legend">{legend}</legend>
      <div className="wp-fieldset__body">
        <div className="checkbox-grid">{children}</div>
        <FieldMessages hint={undefined} hintId={undefined} error={error} errorId={errorId} />
      </div>
    </fieldset>
  );
}
