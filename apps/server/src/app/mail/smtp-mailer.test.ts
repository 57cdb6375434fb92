import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from './smtp-mailer.js';

describe('SMTP mailer', () => {
  const received: { from: string; to: string[]; data: string }[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let data = '';
        stream.on('data', (chunk: Buffer) => {
          data += chunk.toString('utf8');
        });
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            data,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands the message to the SMTP server with the configured sender', async () => {
    const mailer = createSmtpMailer({
      url: `smtp://127.0.0.1:${port}`,
      from: 'Warmpath <no-reply@acme.test>',
    });
    await mailer.send({
      to: 'ada@buyer.test',
      subject: 'You are invited',
      text: 'Open https://warmpath.acme.test/admin/invite?token=abc to join.',
    });
    mailer.close();
    expect(received).toHaveLength(1);
    expect(received[0]?.from).toBe('no-reply@acme.test');
    expect(received[0]?.to).toEqual(['ada@buyer.test']);
    expect(received[0]?.data).toContain('Subject: You are invited');
    expect(received[0]?.data).toContain('https://warmpath.acme.test/admin/invite?token=abc');
  });

  it('rejects when the server cannot be reached, and refuses a malformed address', async () => {
    const unreachable = createSmtpMailer({ url: 'smtp://127.0.0.1:1', from: 'x@acme.test' });
    await expect(unreachable.send({ to: 'ada@buyer.test', subject: 's', text: 't' })).rejects.toThrow();
    await expect(unreachable.send({ to: 'not an address', subject: 's', text: 't' })).rejects.toThrow();
    unreachable.close();
  });
});
