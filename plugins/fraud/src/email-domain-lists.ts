import { createRequire } from 'node:module';
import { disposableEmailBlocklistSet } from 'disposable-email-domains-js';
import { z } from 'zod';

// `email-providers` ships no type declarations (its default export is this same JSON array): load the data file
// and check its shape, so an upstream format change fails loudly at start instead of flagging nothing.
const loadJson = createRequire(import.meta.url);
const freeMailDomains = z.array(z.string().min(1)).parse(loadJson('email-providers/all.json'));

/**
 * Domains of free e-mail providers (gmail.com, gmx.de, qq.com…), from the maintained `email-providers` package.
 * It also lists many disposable domains: check {@link DISPOSABLE_EMAIL_DOMAINS} first.
 */
export const FREE_MAIL_DOMAINS: ReadonlySet<string> = new Set(
  freeMailDomains.map((domain) => domain.toLowerCase()),
);

/**
 * Domains of disposable (throwaway) mailbox services (mailinator.com, yopmail.com…), from the maintained
 * `disposable-email-domains-js` package, the community-curated disposable-email-domains block list.
 */
export const DISPOSABLE_EMAIL_DOMAINS: ReadonlySet<string> = disposableEmailBlocklistSet();
