import { ValidationError } from '../errors.js';

const HOSTNAME = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * A company domain as stored and compared: lower-case, trimmed, without scheme, `www.`, port, path or trailing dot.
 * Accepts what people paste (`https://www.Acme.com/about`). Throws a ValidationError on `path` when no domain
 * remains.
 */
export function normaliseDomain(input: string, path = 'domain'): string {
  let value = input.trim().toLowerCase();
  value = value.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  value = value.split(/[/?#]/, 1)[0] ?? '';
  value = value
    .replace(/^[^@]*@/, '')
    .replace(/:\d+$/, '')
    .replace(/\.$/, '')
    .replace(/^www\./, '');
  if (!HOSTNAME.test(value)) {
    throw new ValidationError([
      { path, message: `"${input.slice(0, 100)}" is not a domain (e.g. acme.com)` },
    ]);
  }
  return value;
}

/** The domain of a normalised email address. */
export function emailDomain(email: string): string {
  return email.slice(email.lastIndexOf('@') + 1);
}
