import type { FastifyInstance } from 'fastify';

/** One registered HTTP route: a method and the URL pattern it was registered with (`/api/v1/tracks/:slug`). */
export interface RegisteredRoute {
  method: string;
  url: string;
}

const routesByApp = new WeakMap<FastifyInstance, RegisteredRoute[]>();

/**
 * Starts recording the routes registered on `app` from now on, through an `onRoute` hook (Fastify keeps no public
 * list of its routes, and a hook sees only routes registered after it): call it on a new instance before any
 * route, as `buildApp` does. The hook is inherited by every plugin context registered later, so prefixed and
 * encapsulated routes are recorded with their full URL. HEAD routes are left out: Fastify derives them from GET
 * routes, with the same hooks.
 */
export function recordRoutes(app: FastifyInstance): void {
  const routes: RegisteredRoute[] = [];
  routesByApp.set(app, routes);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') routes.push({ method, url: route.url });
    }
  });
}

/** Every route registered on `app` since `recordRoutes(app)`. */
export function listRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes = routesByApp.get(app);
  if (!routes) throw new Error('No routes recorded: call recordRoutes(app) before registering routes');
  return [...routes];
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
