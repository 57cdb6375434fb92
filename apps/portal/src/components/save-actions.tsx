import { Button } from '@warmpath/ui';
import type { ReactNode } from 'react';

/** Props of {@link SaveActions}. */
export interface SaveActionsProps {
  /** The submit button's text. */
  children: ReactNode;
  /** The save is on its way: the button shows a spinner and takes no second click. */
  isSaving: boolean;
  /** The last save went through; the form clears it when the user submits or edits again. */
  isSaved: boolean;
  /** What the status line says once saved ("Saved."). */
  savedMessage: string;
}

/**
 * The submit row of a form that saves in place (the account page): the button, and beside it a status line saying
 * the save went through. The line is rendered empty until then because screen readers announce changes to a
 * `status` region that already exists, not one that appears with its text.
 */
export function SaveActions({ children, isSaving, isSaved, savedMessage }: SaveActionsProps) {
  return (
    <div className="portal-form__actions">
      <Button type="submit" isLoading={isSaving}>
        {children}
      </Button>
      <span role="status" className="portal-muted">
        {isSaved ? savedMessage : ''}
      </span>
    </div>
  );
}
