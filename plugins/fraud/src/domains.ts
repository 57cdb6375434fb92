/** An e-mail address as the host normalises it: trimmed, lower-case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The domain of an e-mail address, normalised, or null when it has none. */
export function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  return at < 0 ? null : normaliseDomain(email.slice(at + 1)) || null;
}

/** A domain as the host normalises it: lower-case, no scheme, path, `www.` or trailing dot. */
export function normaliseDomain(domain: string): string {
  return domain
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[/?#].*$/, '')
    .replace(/^www\./, '')
    .replace(/\.$/, '');
}

/**
 * True when two normalised domains are the same organisation's: equal, or (with `includeSubdomains`) one a
 * sub-domain of the other. Only whole labels match: `notacme.com` is not `acme.com`.
 */
export function isSameOrganisationDomain(a: string, b: string, includeSubdomains: boolean): boolean {
  if (a === b) return true;
  return includeSubdomains && (a.endsWith(`.${b}`) || b.endsWith(`.${a}`));
}
