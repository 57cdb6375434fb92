/**
 * The in-app path to return to after signing in, or undefined when the value is not one. Only same-app paths
 * pass (`/tracks?x=1`), never another origin (`//evil.example`, `https://…`, `/\\evil.example`), so the sign-in
 * page cannot be used as an open redirect.
 */
export function safeRedirectPath(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return undefined;
  // Control characters could smuggle a scheme or host past the checks above in some URL parsers.
  for (const character of value) {
    const code = character.charCodeAt(0);
    if (code < 0x20 || code === 0x7f) return undefined;
  }
  if (value === '/sign-in' || value.startsWith('/sign-in?')) return undefined;
  return value;
}
