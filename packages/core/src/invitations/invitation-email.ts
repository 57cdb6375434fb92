import type { MailMessage } from '../mail/mailer.js';

/** The invitation email: who invited them, to what, and the single-use link. */
export function invitationEmail(invite: {
  to: string;
  name: string;
  inviterName: string | null;
  url: string;
  expiresAt: Date;
}): MailMessage {
  const by = invite.inviterName ? `${invite.inviterName} has invited you` : 'You have been invited';
  return {
    to: invite.to,
    subject: 'You are invited to Warmpath',
    text: [
      `Hello ${invite.name},`,
      '',
      `${by} to join the Warmpath console. Choose your password here:`,
      '',
      invite.url,
      '',
      `The link works once, until ${invite.expiresAt.toUTCString()}.`,
      'If you did not expect this invitation, ignore this email.',
    ].join('\n'),
  };
}
