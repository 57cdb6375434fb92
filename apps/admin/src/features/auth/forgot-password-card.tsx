import { useMutation } from '@tanstack/react-query';
import { Button, Card, FormAlert, Stack, TextField } from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { validateSignIn } from '../../auth/sign-in-form.js';

/**
 * "Forgot password?": asks for a reset link by email. The server answers alike whether an account uses the email,
 * so the confirmation says "if".
 */
export function ForgotPasswordCard({ onBack }: { onBack: () => void }) {
  const [email, setEmail] = useState('');
  const [emailError, setEmailError] = useState<string | undefined>();
  const request = useMutation(trpc.auth.requestPasswordReset.mutationOptions());

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = validateSignIn({ email, password: '-' }).email;
    setEmailError(problem);
    if (!problem) request.mutate({ email: email.trim() });
  }

  return (
    <Card
      title="Reset your password"
      description="We email you a link to choose a new password. It works once, for one hour."
      headingLevel={1}
    >
      <Stack gap={4}>
        {request.isSuccess ? (
          <FormAlert tone="success" title="Check your email">
            If a staff account uses {email.trim()}, a reset link is on its way. Nothing arrived after a few
            minutes? Check the spam folder, or ask an owner or admin of this installation to send you one.
          </FormAlert>
        ) : (
          <form onSubmit={submit} noValidate aria-label="Ask for a reset link">
            <Stack gap={4}>
              {request.isError ? <FormAlert>{describeError(request.error)}</FormAlert> : null}
              <TextField
                label="Email"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
                error={emailError}
              />
              <Button type="submit" isFullWidth isLoading={request.isPending}>
                Email me a reset link
              </Button>
            </Stack>
          </form>
        )}
        <Button variant="ghost" onClick={onBack}>
          Back to sign in
        </Button>
      </Stack>
    </Card>
  );
}
