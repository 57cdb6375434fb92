import type { MailMessage } from '../mail/mailer.js';

/** The magic sign-in link email. The link sits on its own line so mail clients keep it clickable. */
export function magicLinkEmail({ to, url }: { to: string; url: string }): MailMessage {
  return {
    to,
    subject: 'Your sign-in link for the referral portal',
    text: [
      'Hello,',
      '',
      'Use this link to sign in to the referral portal. It works once, within 15 minutes:',
      '',
      url,
      '',
      'If you did not ask for it, ignore this email: nobody can sign in without the link.',
    ].join('\n'),
  };
}

/** The email that confirms a self-enrolment. */
export function enrolmentVerificationEmail({
  to,
  name,
  trackName,
  url,
}: {
  to: string;
  name: string;
  trackName: string;
  url: string;
}): MailMessage {
  return {
    to,
    subject: `Confirm your email to join ${trackName}`,
    text: [
      `Hello ${name},`,
      '',
      `Confirm your email address to join ${trackName} and get your referral link. This link works once, within 24 hours:`,
      '',
      url,
      '',
      'If you did not sign up, ignore this email.',
    ].join('\n'),
  };
}

/** The portal password reset email with its single-use link. */
export function portalPasswordResetEmail({
  to,
  name,
  url,
}: {
  to: string;
  name: string;
  url: string;
}): MailMessage {
  return {
    to,
    subject: 'Reset your referral portal password',
    text: [
      `Hello ${name},`,
      '',
      'Someone (hopefully you) asked to reset the password you use to sign in to the referral portal. Choose a new one here:',
      '',
      url,
      '',
      'The link works once, for one hour. If you did not ask for it, ignore this email: your password stays as it is.',
    ].join('\n'),
  };
}
