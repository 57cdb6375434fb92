import type { Mailer, MailMessage } from '../mail/mailer.js';

/** Where a mail that could not be handed over is reported (the server passes its logger). */
export type MailErrorReporter = (error: unknown, message: Pick<MailMessage, 'subject'>) => void;

/**
 * Hands a message to the mailer without waiting for it. Sign-in and enrolment answers must not depend on whether
 * an email was sent (nor take longer when one was), or the answer would tell which addresses are known; a failed
 * handover is reported, never thrown.
 */
export function sendInBackground(mailer: Mailer, message: MailMessage, report: MailErrorReporter): void {
  try {
    mailer.send(message).catch((error: unknown) => report(error, { subject: message.subject }));
  } catch (error) {
    report(error, { subject: message.subject });
  }
}

/** Reports nothing: for callers (tests, scripts) that do not care. */
export const ignoreMailErrors: MailErrorReporter = () => {};
