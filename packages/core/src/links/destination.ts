import { REF_PARAM } from './link-code-format.js';

const MAX_URL_LENGTH = 2048;
const ABSOLUTE_HTTP_URL = /^https?:\/\/[^/]/i;

/**
 * True for characters the WHATWG parser would silently strip or reinterpret (controls, tabs, newlines, spaces, `\`
 * read as `/`): a requested destination containing one is refused rather than repaired into something else.
 */
function hasSuspiciousCharacter(raw: string): boolean {
  for (let index = 0; index < raw.length; index++) {
    const code = raw.charCodeAt(index);
    if (code <= 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}

/**
 * The comparable form of an absolute http(s) URL, or undefined when `raw` is not one: scheme and host lower-cased,
 * IDN hosts in punycode, default ports dropped, a trailing `/` of a non-root path ignored. Relative and
 * protocol-relative URLs (`//evil.com`), other schemes (`javascript:`), credentials (`https://a.com@evil.com`) and
 * URLs with whitespace, control characters or backslashes are refused.
 */
export function normaliseDestinationUrl(raw: string): string | undefined {
  if (raw.length > MAX_URL_LENGTH || hasSuspiciousCharacter(raw) || !ABSOLUTE_HTTP_URL.test(raw)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  const path =
    url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
  return `${url.protocol}//${url.host}${path}${url.search}${url.hash}`;
}

function queryKey(part: string): string {
  const key = part.split('=', 1)[0] ?? '';
  try {
    return decodeURIComponent(key.replaceAll('+', ' '));
  } catch {
    return key;
  }
}

/**
 * `url` with `wp_ref=<code>` in its query. The other parameters keep their exact encoding and order (a landing page
 * may rely on them byte for byte); a `wp_ref` already in the URL is replaced.
 */
export function withRefParam(url: string, code: string): string {
  const parsed = new URL(url);
  const kept = parsed.search
    .slice(1)
    .split('&')
    .filter((part) => part !== '' && queryKey(part) !== REF_PARAM);
  kept.push(`${REF_PARAM}=${encodeURIComponent(code)}`);
  parsed.search = `?${kept.join('&')}`;
  return parsed.href;
}

/** Where a link may send a visitor, ready to answer requests without parsing the track's URLs again. */
export interface LinkRedirects {
  /** The landing URL with the code added: the answer unless `to` names an allowed destination. */
  readonly landing: string;
  /** Normalised allowed destination → that destination (as configured) with the code added. */
  readonly allowed: ReadonlyMap<string, string>;
}

/** Precomputes the redirects of one link code from its track's landing URL and allowed destinations. */
export function buildLinkRedirects(link: {
  code: string;
  landingUrl: string;
  allowedDestinations: readonly string[];
}): LinkRedirects {
  const allowed = new Map<string, string>();
  for (const destination of link.allowedDestinations) {
    const key = normaliseDestinationUrl(destination);
    if (key !== undefined && !allowed.has(key)) allowed.set(key, withRefParam(destination, link.code));
  }
  return { landing: withRefParam(link.landingUrl, link.code), allowed };
}

/**
 * The redirect for a request's `to` parameter: the matching allowed destination when `requested` is a single
 * string naming exactly one of them, otherwise the landing URL. The answer is always built from the track's own
 * configuration, never from the requested text, so no input can redirect anywhere else (no open redirect).
 */
export function pickRedirect(redirects: LinkRedirects, requested: unknown): string {
  if (typeof requested !== 'string' || redirects.allowed.size === 0) return redirects.landing;
  const key = normaliseDestinationUrl(requested);
  return (key !== undefined && redirects.allowed.get(key)) || redirects.landing;
}
