/**
 * A portal path to return to after signing in, or undefined. Only same-app paths are kept: `//evil.example` and
 * absolute URLs would turn the sign-in page into an open redirect.
 */
export function safeRedirectPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2000) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return undefined;
  return value;
}
