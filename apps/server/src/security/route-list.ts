import type { FastifyInstance } from 'fastify';

/** One registered HTTP route: a method and the URL pattern it was registered with (`/api/v1/tracks/:slug`). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const LINE = /^((?:[│ ] {3})*)(?:├── |└── )(.+?)(?: \(([A-Z, ]+)\))?$/;

/**
 * Every route of a ready Fastify app, read from `printRoutes({ commonPrefix: false })`: Fastify keeps no public list
 * of its routes once registered, and an `onRoute` hook cannot be added to an app from outside after the fact. Each
 * tree line is a path segment appended to its parent's path; the methods in parentheses are the routes at that
 * path. HEAD routes are left out: Fastify derives them from GET routes, with the same hooks.
 */
export function listRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes: RegisteredRoute[] = [];
  const pathAtDepth: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    if (line.trim() === '') continue;
    const match = LINE.exec(line);
    if (!match) throw new Error(`Unrecognised line in Fastify's route tree: ${JSON.stringify(line)}`);
    const depth = (match[1] ?? '').length / 4;
    const url = (depth === 0 ? '' : (pathAtDepth[depth - 1] ?? '')) + (match[2] ?? '');
    pathAtDepth[depth] = url;
    pathAtDepth.length = depth + 1;
    for (const method of (match[3] ?? '').split(', ')) {
      if (method && method !== 'HEAD') routes.push({ method, url });
    }
  }
  return routes;
}

/** The routes of the public REST API v1. */
export function listRestV1Routes(app: FastifyInstance): RegisteredRoute[] {
  return listRoutes(app).filter((route) => route.url === '/api/v1' || route.url.startsWith('/api/v1/'));
}

/** `METHOD /url`, the key of a route in the access table. */
export function routeKey(route: RegisteredRoute): string {
  return `${route.method} ${route.url}`;
}

/** Routes of the built admin and portal apps (files, and index.html for client-side routes), built or not. */
const STATIC_APP_ROUTE = /^\/(admin|portal)(\*|\/|\/\*|\/index\.html|\/assets\/.+)?$/;

/**
 * The HTTP routes outside tRPC and REST v1 whose access the matrix checks: all but the static apps' files and
 * plugin routes (`/plugins/…`, which authenticate their callers themselves: webhook signatures, OAuth state).
 */
export function listOtherHttpRoutes(app: FastifyInstance): RegisteredRoute[] {
  return listRoutes(app).filter(
    (route) =>
      !route.url.startsWith('/trpc/') &&
      route.url !== '/api/v1' &&
      !route.url.startsWith('/api/v1/') &&
      !route.url.startsWith('/plugins/') &&
      !STATIC_APP_ROUTE.test(route.url),
  );
}
