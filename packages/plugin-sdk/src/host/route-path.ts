const SEGMENT = /^(:[A-Za-z_][A-Za-z0-9_]*|[A-Za-z0-9._~-]+)$/;

/** The base path of a plugin instance's routes. */
export function pluginBasePath(pluginId: string, instance: string): string {
  return `/plugins/${pluginId}/${instance}`;
}

/**
 * Why a plugin route path is unacceptable, or null when it is fine: it must start with `/` and be made of
 * plain or `:param` segments (no `..`, no wildcards, nothing that could escape the plugin's prefix).
 */
export function routePathProblem(path: string): string | null {
  if (!path.startsWith('/')) return `route path "${path}" must start with "/"`;
  if (path === '/') return null;
  const segments = path.slice(1).split('/');
  const bad = segments.find((segment) => !SEGMENT.test(segment) || segment === '.' || segment === '..');
  return bad === undefined ? null : `route path "${path}" has an invalid segment "${bad}"`;
}
