import { type Mailer, type MailMessage, mailMessageSchema } from '@warmpath/core';
import nodemailer from 'nodemailer';

/**
 * Sends through an SMTP server (nodemailer). `url` is `smtp://user:pass@host:587` (STARTTLS when offered) or
 * `smtps://…:465`; `from` is the sender every message carries.
 */
export function createSmtpMailer(options: { url: string; from: string }): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(options.url);
  return {
    async send(message: MailMessage) {
      const parsed = mailMessageSchema.parse(message);
      await transport.sendMail({ from: options.from, ...parsed });
    },
    close: () => transport.close(),
  };
}
