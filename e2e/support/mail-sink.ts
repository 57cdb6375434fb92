import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { parseMail } from './mail-message.js';

/**
 * A local SMTP server that accepts every message and writes it, parsed, as one JSON file in `directory`. The
 * server under test sends real email to it (SMTP_URL), and the specs, in other processes, read the files.
 */
export async function startMailSink(directory: string): Promise<{ port: number; close(): Promise<void> }> {
  await mkdir(directory, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to make up, and nodemailer does not insist on STARTTLS.
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((recipient) => recipient.address.toLowerCase());
        const mail = parseMail(Buffer.concat(chunks).toString('utf8'), to);
        received += 1;
        const file = path.join(directory, `${String(received).padStart(4, '0')}.json`);
        writeFile(file, JSON.stringify(mail)).then(() => callback(), callback);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  if (address === null || typeof address === 'string') throw new Error('The mail sink has no TCP port');
  return { port: address.port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
