import type { HttpMethod, PluginHttpRequest, PluginHttpResponse } from '../dto/plugin-http.schema.js';
import type { MountedRoute } from '../host/plugin-host.js';

/** A request to a plugin route in the test host. */
export interface TestRouteRequest {
  method: HttpMethod;
  /** The full path, e.g. `/plugins/my-plugin/default/webhooks`. */
  path: string;
  query?: Record<string, string | string[]>;
  /** Header names are lower-cased. */
  headers?: Record<string, string>;
  /** A string is sent as the raw body (parsed as JSON when it is JSON); anything else is sent as JSON. */
  body?: unknown;
}

/** Runs the route matching the request, as the host's router would; 404 when none matches. */
export async function callRoute(
  routes: readonly MountedRoute[],
  request: TestRouteRequest,
): Promise<PluginHttpResponse> {
  for (const route of routes) {
    if (route.method !== request.method) continue;
    const params = matchPath(route.path, request.path);
    if (params) return route.handler(toPluginRequest(request, params));
  }
  return { status: 404, body: { title: 'Not Found' } };
}

function matchPath(pattern: string, path: string): Record<string, string> | null {
  const patternSegments = pattern.split('/');
  const pathSegments = path.split('/');
  if (patternSegments.length !== pathSegments.length) return null;
  const params: Record<string, string> = {};
  for (const [index, segment] of patternSegments.entries()) {
    const actual = pathSegments[index] ?? '';
    if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(actual);
    else if (segment !== actual) return null;
  }
  return params;
}

function toPluginRequest(request: TestRouteRequest, params: Record<string, string>): PluginHttpRequest {
  const headers = Object.fromEntries(
    Object.entries(request.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]),
  );
  let rawBody: string | null = null;
  let body: unknown;
  if (typeof request.body === 'string') {
    rawBody = request.body;
    body = parseJson(request.body);
  } else if (request.body !== undefined) {
    rawBody = JSON.stringify(request.body);
    body = JSON.parse(rawBody);
  }
  return {
    method: request.method,
    path: request.path,
    params,
    query: request.query ?? {},
    headers,
    body,
    rawBody,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
