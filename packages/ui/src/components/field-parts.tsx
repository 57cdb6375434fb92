import type { ReactNode } from 'react';

/**
 * The ids that tie a control to its hint and error, and the `aria-describedby` naming them. The parts of
 * `FieldFrame`, for controls it cannot frame (a fieldset of checkboxes has a legend, not a label).
 */
export function describedByIds(controlId: string, hint: ReactNode, error: ReactNode) {
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = error ? `${controlId}-error` : undefined;
  return { hintId, errorId, describedBy: [hintId, errorId].filter(Boolean).join(' ') || undefined };
}

/** The red star after a required field's label; hidden from screen readers, which announce `required` instead. */
export function RequiredMark({ isRequired }: { isRequired: boolean | undefined }) {
  return isRequired ? (
    <span className="wp-field__required" aria-hidden="true">
      {' '}
      *
    </span>
  ) : null;
}

/** A field's hint and error lines, with the ids its control's `aria-describedby` names. */
export function FieldMessages({
  hint,
  hintId,
  error,
  errorId,
}: {
  hint: ReactNode;
  hintId: string | undefined;
  error: ReactNode;
  errorId: string | undefined;
}) {
  return (
    <>
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
    </>
  );
}
