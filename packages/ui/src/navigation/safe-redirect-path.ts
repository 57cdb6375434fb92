/** Options of {@link safeRedirectPath}. */
export interface SafeRedirectOptions {
  /** The app's base path as served (`/admin/`, `/portal/`; Vite's `BASE_URL`): the target must stay under it. */
  base: string;
  /** App paths never returned to, such as the sign-in page itself (`/sign-in`, with or without a query). */
  excludedPaths?: readonly string[];
}

const MAXIMUM_LENGTH = 2048;
/** Enough to unwrap `%25`-stacked encodings far beyond what any link legitimately carries. */
const MAXIMUM_DECODING_ROUNDS = 5;
/** Resolves paths without touching the real origin; a target that leaves it is refused. */
const PLACEHOLDER_ORIGIN = 'https://app.invalid';
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * The app path to return to after signing in (`/tracks?x=1`, relative to the app's base as the router writes
 * `location.href`), or undefined when the value is not safely one. Refused: anything but a string starting with a
 * single `/`; backslashes and control characters anywhere; `//` at the start; paths that leave the app's base
 * (`/../portal/`); and any of these hidden behind percent-encoding (`%5c`, `%2f%2f`, `%0a`, `%2e%2e`, or
 * `%255c` encoded twice), because browsers and URL parsers decode and normalise them into another origin or app.
 * So the sign-in page cannot be used as an open redirect.
 */
export function safeRedirectPath(value: unknown, options: SafeRedirectOptions): string | undefined {
  if (typeof value !== 'string' || value.length > MAXIMUM_LENGTH || !value.startsWith('/')) return undefined;
  const base = withSlashes(options.base);
  const excluded = options.excludedPaths ?? [];
  for (const form of decodedForms(value)) {
    if (form.startsWith('//') || form.includes('\\') || CONTROL_CHARACTER.test(form)) return undefined;
    const appPath = appPathOf(form, base);
    if (appPath === undefined) return undefined;
    if (excluded.some((path) => appPath === path || appPath === `${path}/`)) return undefined;
  }
  return value;
}

/** `admin` → `/admin/`: the base with its leading and trailing slash, however it was written. */
function withSlashes(base: string): string {
  const trimmed = base.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

/** The value, then each decoding of it that changes it, until one does not decode (a literal `%` is fine). */
function decodedForms(value: string): string[] {
  const forms = [value];
  let current = value;
  for (let round = 0; round < MAXIMUM_DECODING_ROUNDS; round += 1) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      break;
    }
    if (decoded === current) break;
    forms.push(decoded);
    current = decoded;
  }
  return forms;
}

/**
 * The path inside the app that `path` leads to once the URL parser has resolved dot segments under the base (the
 * parser also reads `%2e%2e` as `..`), or undefined when it leaves the base or the origin.
 */
function appPathOf(path: string, base: string): string | undefined {
  // A form that no longer starts with `/` (it decoded from `%2f…`) is resolved as written after the base.
  const underBase = `${base}${path.replace(/^\//, '')}`;
  let url: URL;
  try {
    url = new URL(underBase, PLACEHOLDER_ORIGIN);
  } catch {
    return undefined;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return undefined;
  if (url.pathname === base.slice(0, -1)) return '/';
  if (!url.pathname.startsWith(base)) return undefined;
  return `/${url.pathname.slice(base.length)}`;
}

/**
 * The sign-in page's `redirect` search parameter, for a route's `validateSearch`: the safe path, or `undefined`
 * under the key all the same. TanStack Router merges a route's validated search over the raw query string, so a
 * refused value left out would still reach the page as typed; it must be overwritten.
 */
export function redirectSearchParam(
  value: unknown,
  options: SafeRedirectOptions,
): { redirect: string | undefined } {
  return { redirect: safeRedirectPath(value, options) };
}
