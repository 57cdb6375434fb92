import { Button, CopyButton, Dialog, FormAlert } from '@warmpath/ui';
import type { FormEvent, ReactNode } from 'react';

/** A secret the server returned once, on creation. */
export interface RevealedSecret {
  /** What was created (the alert's title): the key's name, the endpoint's URL. */
  createdName: string;
  secret: string;
  /** The copy button's label, e.g. "Copy key". */
  copyLabel: string;
}

/** Props of {@link CreateThenRevealDialog}. */
export interface CreateThenRevealDialogProps {
  isOpen: boolean;
  /** Called by Cancel, Done and Escape; the caller resets its form and mutation there. */
  onClose: () => void;
  /** The form's element id (the footer's submit button sits outside the form). */
  formId: string;
  title: string;
  description: string;
  submitLabel: string;
  isSubmitting: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Why the creation was refused, shown under the fields with `errorTitle`; the fields keep their input. */
  error: string | null;
  errorTitle: string;
  /** Set once created: the dialog then only shows the secret, with its own title and description. */
  revealed: RevealedSecret | null;
  revealTitle: string;
  revealDescription: string;
  /** The form's fields. */
  children: ReactNode;
}

/**
 * Creates something whose secret is shown only once (API keys, webhook signing secrets): first a form, then, once
 * the server answers, the secret with a copy button and a single Done. There is no way back to the form from the
 * reveal, so a second submit cannot create a second secret by accident.
 */
export function CreateThenRevealDialog(props: CreateThenRevealDialogProps) {
  const { revealed } = props;
  return (
    <Dialog
      isOpen={props.isOpen}
      onClose={props.onClose}
      title={revealed ? props.revealTitle : props.title}
      description={revealed ? props.revealDescription : props.description}
      footer={
        revealed ? (
          <Button onClick={props.onClose}>Done</Button>
        ) : (
          <>
            <Button variant="secondary" onClick={props.onClose}>
              Cancel
            </Button>
            <Button type="submit" form={props.formId} isLoading={props.isSubmitting}>
              {props.submitLabel}
            </Button>
          </>
        )
      }
    >
      {revealed ? (
        <FormAlert tone="success" title={revealed.createdName}>
          <span className="link-cell">
            <code>{revealed.secret}</code>
            <CopyButton value={revealed.secret} label={revealed.copyLabel} />
          </span>
        </FormAlert>
      ) : (
        <form id={props.formId} className="form-stack" onSubmit={props.onSubmit} noValidate>
          {props.children}
          {props.error !== null ? <FormAlert title={props.errorTitle}>{props.error}</FormAlert> : null}
        </form>
      )}
    </Dialog>
  );
}
