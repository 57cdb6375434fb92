import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { expect } from '@playwright/test';
import { e2eEnvironment } from './environment.js';
import type { ReceivedMail } from './mail-message.js';

async function allMail(): Promise<ReceivedMail[]> {
  const directory = e2eEnvironment().mailDirectory;
  const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(
    files.map(async (file) => JSON.parse(await readFile(path.join(directory, file), 'utf8')) as ReceivedMail),
  );
}

/** The newest email to `address`, waiting for it to arrive (email is sent by a background job). */
export async function lastMailTo(address: string): Promise<ReceivedMail> {
  let found: ReceivedMail | undefined;
  await expect
    .poll(
      async () => {
        found = (await allMail()).filter((mail) => mail.to.includes(address.toLowerCase())).at(-1);
        return found !== undefined;
      },
      { message: `an email to ${address}`, timeout: 15_000 },
    )
    .toBe(true);
  if (!found) throw new Error(`No email to ${address}`);
  return found;
}

/** The first link in an email's text that starts with `prefix`. */
export function linkIn(mail: ReceivedMail, prefix: string): string {
  const link = mail.text.match(/https?:\/\/\S+/g)?.find((url) => url.startsWith(prefix));
  if (!link) throw new Error(`No link starting with ${prefix} in "${mail.subject}":\n${mail.text}`);
  return link.replace(/[).,>]+$/, '');
}

/**
 * The link starting with `prefix` in the newest email to `address` that has one, waiting for that email: mail goes
 * out in the background, so the newest email to arrive may still be an earlier one (an invitation before a reset).
 */
export async function awaitLinkTo(address: string, prefix: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(
      async () => {
        const mail = (await allMail())
          .filter((candidate) => candidate.to.includes(address.toLowerCase()))
          .filter((candidate) => candidate.text.includes(prefix))
          .at(-1);
        link = mail ? linkIn(mail, prefix) : undefined;
        return link !== undefined;
      },
      { message: `an email to ${address} with a link starting ${prefix}`, timeout: 15_000 },
    )
    .toBe(true);
  if (!link) throw new Error(`No email to ${address} with a link starting ${prefix}`);
  return link;
}
