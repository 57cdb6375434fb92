import type { MountedRoute } from '@warmpath/plugin-sdk';
import { describe, expect, it } from 'vitest';
import { matchPluginRoute } from './match-plugin-route.js';

const route = (method: MountedRoute['method'], path: string): MountedRoute => ({
  plugin: 'p',
  instance: 'default',
  method,
  prefix: '/plugins/p/default',
  path,
  handler: async () => ({ status: 200 }),
});

describe('matching plugin routes at request time', () => {
  const routes = [
    route('POST', '/plugins/p/default/webhooks/:source'),
    route('POST', '/plugins/p/default/webhooks/stripe'),
    route('GET', '/plugins/p/default/'),
    route('GET', '/plugins/p/default/items/:id/notes/:note'),
  ];

  it('prefers a plain segment to a :name one, as Fastify does', () => {
    expect(matchPluginRoute(routes, 'POST', '/plugins/p/default/webhooks/stripe')?.route.path).toBe(
      '/plugins/p/default/webhooks/stripe',
    );
    expect(matchPluginRoute(routes, 'POST', '/plugins/p/default/webhooks/erp')?.params).toEqual({
      source: 'erp',
    });
  });

  it('decodes parameters and matches the method, the number of segments and the trailing slash', () => {
    expect(matchPluginRoute(routes, 'GET', '/plugins/p/default/items/a%20b/notes/7')?.params).toEqual({
      id: 'a b',
      note: '7',
    });
    expect(matchPluginRoute(routes, 'GET', '/plugins/p/default/')?.route.path).toBe('/plugins/p/default/');
    expect(matchPluginRoute(routes, 'GET', '/plugins/p/default/webhooks/erp')).toBeUndefined();
    expect(matchPluginRoute(routes, 'POST', '/plugins/p/default/webhooks/')).toBeUndefined();
    expect(matchPluginRoute(routes, 'GET', '/plugins/p/other/')).toBeUndefined();
  });
});
