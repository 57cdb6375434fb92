import { TextField } from './text-field.js';

/**
 * The password hint of every form that sets one, staff and referrers alike; the server's rule (core's
 * `passwordSchema`) has the last word.
 */
export const PASSWORD_HINT = 'At least 8 characters. A few unrelated words make a strong one.';

/** The message when the two typed passwords differ. */
export const PASSWORDS_DIFFER = 'The two passwords differ. Type the same password twice.';

/** A new password typed twice, each with its error (the server's rule on the first, a mismatch on the second). */
export function NewPasswordFields({
  password,
  confirmation,
  onPasswordChange,
  onConfirmationChange,
  passwordError,
  confirmationError,
}: {
  password: string;
  confirmation: string;
  onPasswordChange: (value: string) => void;
  onConfirmationChange: (value: string) => void;
  passwordError: string | undefined;
  confirmationError: string | undefined;
}) {
  return (
    <>
      <TextField
        label="New password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        required
        value={password}
        onChange={(event) => onPasswordChange(event.target.value)}
        hint={PASSWORD_HINT}
        error={passwordError}
      />
      <TextField
        label="Confirm password"
        type="password"
        name="confirm-password"
        autoComplete="new-password"
        required
        value={confirmation}
        onChange={(event) => onConfirmationChange(event.target.value)}
        error={confirmationError}
      />
    </>
  );
}
