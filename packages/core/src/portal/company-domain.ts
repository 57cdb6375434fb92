import type { ValidationIssue } from '../errors.js';

/**
 * The most common free and consumer mail providers. Their domains never stand for a referred company: taking one
 * as the company's domain would merge unrelated referrals into one "gmail.com" company.
 */
const CONSUMER_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'ymail.com',
  'icloud.com',
  'me.com',
  'mac.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'gmx.net',
  'web.de',
  't-online.de',
  'mail.ru',
  'yandex.ru',
  'yandex.com',
  'qq.com',
  '163.com',
  'zoho.com',
  'fastmail.com',
  'hey.com',
]);

/**
 * The company domain of a portal referral: the one given, else the domain of the first contact with a work email.
 * Undefined (with an issue on `company.domain`) when there is neither.
 */
export function companyDomainOf(
  company: { domain?: string | undefined },
  contacts: readonly { email: string }[],
  issues: ValidationIssue[],
): string | undefined {
  if (company.domain) return company.domain;
  for (const contact of contacts) {
    const domain = contact.email.split('@')[1]?.toLowerCase();
    if (domain && !CONSUMER_MAIL_DOMAINS.has(domain)) return domain;
  }
  issues.push({
    path: 'company.domain',
    message: "Enter the company's website: no contact has a work email to take it from",
  });
  return undefined;
}
