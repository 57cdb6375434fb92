import { TextField } from '@warmpath/ui';
import type { ReactNode } from 'react';

/** Props of {@link SignInEmailField}. */
export interface SignInEmailFieldProps {
  email: string;
  onEmailChange: (email: string) => void;
  /** `username` beside a password, so password managers file the two together; `email` otherwise. */
  autoComplete: 'email' | 'username';
  hint?: ReactNode;
}

/**
 * The sign-in page's one email field, shown by whichever way of signing in is open. The page holds its value, so
 * the address typed is kept when the visitor switches between the two.
 */
export function SignInEmailField({ email, onEmailChange, autoComplete, hint }: SignInEmailFieldProps) {
  return (
    <TextField
      label="Email"
      type="email"
      name="email"
      autoComplete={autoComplete}
      required
      value={email}
      onChange={(event) => onEmailChange(event.currentTarget.value)}
      hint={hint}
    />
  );
}
