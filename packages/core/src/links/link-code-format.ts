/**
 * What a link code may look like in a URL: letters, digits, `-` and `_`, at most 64 characters. Anything else is
 * refused before a lookup, and codes matching it need no escaping in a URL, a cookie or a form field.
 */
export const LINK_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** True when `value` has the shape of a link code (it may still be unknown). */
export function isLinkCode(value: unknown): value is string {
  return typeof value === 'string' && LINK_CODE_PATTERN.test(value);
}

/** The query parameter and cookie that carry a link code to the landing page (docs/api.md "Links"). */
export const REF_PARAM = 'wp_ref';
