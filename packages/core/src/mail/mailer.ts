import { z } from 'zod';

/** One email Warmpath sends (invitations, password resets, magic links, SLA alerts). Plain text always; HTML optional. */
export const mailMessageSchema = z.strictObject({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().optional(),
});
export type MailMessage = z.infer<typeof mailMessageSchema>;

/**
 * Where outgoing email goes. The server picks one from its configuration: SMTP when `SMTP_URL` is set, otherwise a
 * mailer that writes each message to the log (so a local install works without a mail server); tests use
 * {@link MemoryMailer}. `send` rejects when the message could not be handed over.
 */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

/** Keeps messages in memory: for tests and for embedding, where a caller reads what would have been sent. */
export class MemoryMailer implements Mailer {
  readonly sent: MailMessage[] = [];

  async send(message: MailMessage): Promise<void> {
    this.sent.push(mailMessageSchema.parse(message));
  }

  /** Messages sent to `address` (case-insensitive), oldest first. */
  to(address: string): MailMessage[] {
    const wanted = address.trim().toLowerCase();
    return this.sent.filter((message) => message.to.toLowerCase() === wanted);
  }

  /** The newest message to `address`, if any. */
  lastTo(address: string): MailMessage | undefined {
    return this.to(address).at(-1);
  }

  /** The first http(s) URL in the newest message to `address` (the link a person would click). */
  lastLinkTo(address: string): string | undefined {
    return this.lastTo(address)?.text.match(/https?:\/\/\S+/)?.[0];
  }

  clear() {
    this.sent.length = 0;
  }
}
