import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { listRoutes, recordRoutes } from './route-list.js';

describe('the recorded route list the access matrix is checked against', () => {
  it('names every route with its full URL, prefixed and encapsulated ones included, HEAD twins left out', async () => {
    const app = Fastify();
    recordRoutes(app);
    app.get('/healthz', async () => 'ok');
    await app.register(
      async (scope) => {
        scope.post('/things/:id', async () => 'done');
        await scope.register(async (inner) => inner.get('/deep/*', async () => 'deep'));
      },
      { prefix: '/api/v1' },
    );
    app.route({ method: ['PUT', 'DELETE'], url: '/both', handler: async () => 'ok' });
    await app.ready();
    expect(listRoutes(app)).toEqual([
      { method: 'GET', url: '/healthz' },
      { method: 'POST', url: '/api/v1/things/:id' },
      { method: 'GET', url: '/api/v1/deep/*' },
      { method: 'PUT', url: '/both' },
      { method: 'DELETE', url: '/both' },
    ]);
    await app.close();
  });

  it('refuses to answer for an app whose routes were never recorded, rather than answer an empty list', () => {
    expect(() => listRoutes(Fastify())).toThrow(/recordRoutes/);
  });
});
