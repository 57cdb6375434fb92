import type { MountedRoute } from '@warmpath/plugin-sdk';

/** A plugin route that answers a request, with the values of its `:name` segments. */
export interface MatchedPluginRoute {
  route: MountedRoute;
  params: Record<string, string>;
}

/**
 * Finds the plugin route for a method and path among the routes loaded now. Looked up per request rather than
 * registered with Fastify once, so an instance reloaded with new settings (or disabled) answers with its current
 * routes. A plain segment beats a `:name` one, as in Fastify's router.
 */
export function matchPluginRoute(
  routes: readonly MountedRoute[],
  method: string,
  path: string,
): MatchedPluginRoute | undefined {
  const segments = path.split('/');
  let best: (MatchedPluginRoute & { paramCount: number }) | undefined;
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let paramCount = 0;
    const matches = pattern.every((part, index) => {
      const segment = segments[index] as string;
      if (!part.startsWith(':')) return part === segment;
      if (segment === '') return false;
      paramCount += 1;
      params[part.slice(1)] = safeDecode(segment);
      return true;
    });
    if (matches && (best === undefined || paramCount < best.paramCount)) best = { route, params, paramCount };
  }
  return best && { route: best.route, params: best.params };
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
