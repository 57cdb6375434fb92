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

/**
 * A normalised domain and each parent domain of at least two labels, most specific first:
 * `a.b.example.com` → `a.b.example.com`, `b.example.com`, `example.com`.
 */
export function domainAndParents(domain: string): string[] {
  const labels = domain.split('.');
  const candidates: string[] = [];
  for (let start = 0; labels.length - start >= 2; start++) candidates.push(labels.slice(start).join('.'));
  return candidates.length > 0 ? candidates : [domain];
}

/** True when a normalised domain or one of its parent domains is in `domains`. */
export function isDomainOrParentListed(domain: string, domains: ReadonlySet<string>): boolean {
  return domainAndParents(domain).some((candidate) => domains.has(candidate));
}
