/** What the sign-in form holds. */
export interface SignInValues {
  email: string;
  password: string;
}

/** A message per field that is not ready to send. */
export type SignInFieldErrors = Partial<Record<keyof SignInValues, string>>;

// Deliberately loose: the server has the final word; this only catches typos before a round trip.
const emailShape = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Checks the form before it is sent, with messages that say how to fix each field. */
export function validateSignIn(values: SignInValues): SignInFieldErrors {
  const errors: SignInFieldErrors = {};
  const email = values.email.trim();
  if (email === '') errors.email = 'Enter your email address.';
  else if (!emailShape.test(email)) errors.email = 'Enter an email address like name@company.com.';
  if (values.password === '') errors.password = 'Enter your password.';
  return errors;
}
