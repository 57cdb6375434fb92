import type { Mailer, MailMessage } from '@warmpath/core';
import { mailMessageSchema } from '@warmpath/core';
import type { Logger } from '../logger.js';

/**
 * The mailer of an install without `SMTP_URL`: each message is written to the log at `warn`, so whoever runs a
 * local or trial install can still follow an invitation or sign-in link. Not for production: links in logs are
 * credentials, so the boot log says when this mailer is in use.
 */
export function createLogMailer(logger: Logger): Mailer {
  return {
    async send(message: MailMessage) {
      const { to, subject, text } = mailMessageSchema.parse(message);
      logger.warn({ mail: { to, subject, text } }, 'email not sent (SMTP_URL is not set); its text follows');
    },
  };
}
