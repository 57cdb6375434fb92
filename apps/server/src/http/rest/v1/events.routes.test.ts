import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblemJson } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

function signal(id: string, extra: Record<string, unknown> = {}) {
  return { id, type: 'product.activated', occurredAt: '2026-06-01T12:00:00Z', ...extra };
}

describe.each(stacks)('POST /api/v1/events on $name', (stack) => {
  let server: TestServer;
  let post: (body: unknown, key?: string | null) => Promise<LightMyRequestResponse>;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    post = (body, key = server.apiKey) =>
      server.app.inject({
        method: 'POST',
        url: '/api/v1/events',
        headers: {
          'content-type': 'application/json',
          ...(key === null ? {} : { authorization: `Bearer ${key}` }),
        },
        payload: typeof body === 'string' ? body : JSON.stringify(body),
      });
  });
  afterAll(() => server?.close());

  it('accepts new events with 202 and counts ids seen before as duplicates', async () => {
    const first = await post({
      events: [
        signal('evt-1', {
          person: { email: 'ops@umbrella.com', name: 'Alice' },
          company: { domain: 'umbrella.com', name: 'Umbrella' },
          properties: { plan: 'pro' },
        }),
        signal('evt-2', { company: { domain: 'www.umbrella.com' } }),
      ],
    });
    expect(first.statusCode).toBe(202);
    expect(first.json()).toEqual({ accepted: 2, duplicates: 0 });

    const again = await post({ events: [signal('evt-2'), signal('evt-3'), signal('evt-3')] });
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual({ accepted: 1, duplicates: 2 });

    const rows = await server.runtime.database.db
      .selectFrom('events')
      .leftJoin('companies', 'companies.id', 'events.company_id')
      .select(['events.external_id', 'companies.domain'])
      .orderBy('events.external_id')
      .execute();
    expect(rows).toEqual([
      { external_id: 'evt-1', domain: 'umbrella.com' },
      { external_id: 'evt-2', domain: 'umbrella.com' },
      { external_id: 'evt-3', domain: null },
    ]);
  });

  it('takes 1 to 500 events per request', async () => {
    const full = Array.from({ length: 500 }, (_, index) => signal(`bulk-${index}`));
    const res = await post({ events: full });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toEqual({ accepted: 500, duplicates: 0 });

    const tooMany = expectProblemJson(await post({ events: [...full, signal('bulk-500')] }), 400);
    expect(tooMany.errors?.map((error) => error.path)).toEqual(['body.events']);
    const none = expectProblemJson(await post({ events: [] }), 400);
    expect(none.errors?.map((error) => error.path)).toEqual(['body.events']);
  });

  it('refuses malformed events with a 400 naming each field', async () => {
    const res = await post({
      events: [
        signal('ok'),
        { id: 'x', type: 'y', occurredAt: 'last tuesday', person: { email: 'not-an-email' }, extra: true },
        { type: 'no id', occurredAt: '2026-06-01T12:00:00Z' },
      ],
      more: 1,
    });
    const body = expectProblemJson(res, 400);
    expect(body.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining([
        'body.events.1.occurredAt',
        'body.events.1.person.email',
        'body.events.1.extra',
        'body.events.2.id',
        'body.more',
      ]),
    );

    const domain = expectProblemJson(
      await post({ events: [signal('bad-domain', { company: { domain: 'nope' } })] }),
      400,
    );
    expect(domain.errors).toEqual([{ path: 'events.0.company.domain', message: expect.any(String) }]);
    expectProblemJson(await post('[not json'), 400);
  });

  it('needs a key with events:write', async () => {
    expectProblemJson(await post({ events: [signal('anon')] }, null), 401);
    const { key } = await server.runtime.services.apiKeys.createApiKey({
      name: 'reader',
      scopes: ['webhooks:read'],
    });
    expectProblemJson(await post({ events: [signal('forbidden')] }, key), 403);
  });
});
