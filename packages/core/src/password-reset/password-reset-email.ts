import type { MailMessage } from '../mail/mailer.js';

/** The password reset email with its single-use link. */
export function passwordResetEmail(reset: { to: string; name: string; url: string }): MailMessage {
  return {
    to: reset.to,
    subject: 'Reset your Warmpath password',
    text: [
      `Hello ${reset.name},`,
      '',
      'Someone (hopefully you) asked to reset the password of your Warmpath account. Choose a new one here:',
      '',
      reset.url,
      '',
      'The link works once, for one hour. If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}
