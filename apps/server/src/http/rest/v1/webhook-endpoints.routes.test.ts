import { emitDomainEvent } from '@warmpath/core';
import { startTestWebhookReceiver, type TestWebhookReceiver } from '@warmpath/core/testing';
import { waitFor } from '@warmpath/jobs/testing';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblemJson, type RestCaller, restCaller } from '../../../testing/rest-test-kit.js';
import { startTestServer, type TestServer, testStacks } from '../../../testing/test-server.js';

const stacks = await testStacks();

function headersOf(request: { headers: Record<string, string | string[] | undefined> }) {
  return Object.fromEntries(
    Object.entries(request.headers).map(([name, value]) => [
      name,
      Array.isArray(value) ? value.join(',') : (value ?? ''),
    ]),
  );
}

describe.each(stacks)('webhook endpoints on $name', (stack) => {
  let server: TestServer;
  let receiver: TestWebhookReceiver;
  let call: RestCaller;
  beforeAll(async () => {
    server = await startTestServer({ stack });
    receiver = await startTestWebhookReceiver();
    call = restCaller(server);
  });
  afterAll(async () => {
    await server?.close();
    await receiver?.close();
  });

  async function emit(type: string, data: Record<string, unknown>) {
    return server.runtime.database.db
      .transaction()
      .execute((trx) => emitDomainEvent(trx, type, data, new Date()));
  }

  async function deliveriesOf(endpointId: string) {
    const res = await call({ method: 'GET', url: `/api/v1/webhook-endpoints/${endpointId}/deliveries` });
    expect(res.statusCode).toBe(200);
    return res.json().data as {
      id: string;
      messageId: string;
      status: string;
      attempts: number;
      lastStatusCode: number | null;
    }[];
  }

  it('creates, lists and deletes endpoints; the secret is shown once', async () => {
    const created = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      body: {
        url: 'https://crm.example.invalid/hooks',
        events: ['referral.created', 'referral.status_changed'],
      },
    });
    expect(created.statusCode).toBe(201);
    const endpoint = created.json();
    expect(endpoint).toMatchObject({
      id: expect.any(String),
      url: 'https://crm.example.invalid/hooks',
      events: ['referral.created', 'referral.status_changed'],
      secret: expect.stringMatching(/^whsec_[A-Za-z0-9+/]+=*$/),
    });

    const list = await call({ method: 'GET', url: '/api/v1/webhook-endpoints?limit=200' });
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ nextCursor: null });
    expect(list.json().data).toContainEqual(expect.objectContaining({ id: endpoint.id, url: endpoint.url }));
    expect(list.body).not.toContain('whsec_');

    const one = await call({ method: 'GET', url: `/api/v1/webhook-endpoints/${endpoint.id}` });
    expect(one.json()).not.toHaveProperty('secret');

    const deleted = await call({ method: 'DELETE', url: `/api/v1/webhook-endpoints/${endpoint.id}` });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expectProblemJson(await call({ method: 'DELETE', url: `/api/v1/webhook-endpoints/${endpoint.id}` }), 404);
    expectProblemJson(
      await call({ method: 'GET', url: `/api/v1/webhook-endpoints/${endpoint.id}/deliveries` }),
      404,
    );
    expectProblemJson(await call({ method: 'DELETE', url: '/api/v1/webhook-endpoints/nope' }), 404);

    const audit = await server.runtime.services.audit.list({ targetId: endpoint.id });
    expect(audit.data.map((entry) => entry.action)).toEqual([
      'webhook_endpoint.deleted',
      'webhook_endpoint.created',
    ]);
    expect(audit.data[1]?.actor.type).toBe('api_key');
  });

  it('lists disabled endpoints too, as the console does, saying whether each is enabled', async () => {
    const create = async (url: string) =>
      (await call({ method: 'POST', url: '/api/v1/webhook-endpoints', body: { url, events: ['*'] } })).json();
    const on = await create('https://on.example.invalid/hooks');
    const off = await create('https://off.example.invalid/hooks');
    await server.runtime.services.webhooks.updateEndpoint(off.id, { enabled: false });

    const list = (await call({ method: 'GET', url: '/api/v1/webhook-endpoints?limit=200' })).json().data;
    expect(list).toContainEqual(expect.objectContaining({ id: on.id, enabled: true, disabledAt: null }));
    expect(list).toContainEqual(
      expect.objectContaining({ id: off.id, enabled: false, disabledAt: expect.any(String) }),
    );
    const one = await call({ method: 'GET', url: `/api/v1/webhook-endpoints/${off.id}` });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: off.id, enabled: false });

    const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
    const listed =
      doc.paths['/api/v1/webhook-endpoints'].get.responses['200'].content['application/json'].schema;
    expect(JSON.stringify(listed)).toContain('"enabled"');
    expect(JSON.stringify(listed)).toContain('"disabledAt"');
  });

  it('is described in the OpenAPI document, with the events endpoint', async () => {
    const doc = (await call({ method: 'GET', url: '/api/v1/openapi.json', key: null })).json();
    expect(Object.keys(doc.paths['/api/v1/webhook-endpoints'])).toEqual(
      expect.arrayContaining(['get', 'post']),
    );
    expect(doc.paths['/api/v1/webhook-endpoints/{id}'].delete).toBeDefined();
    expect(doc.paths['/api/v1/webhook-endpoints/{id}/deliveries'].get).toBeDefined();
    expect(doc.paths['/api/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/redeliver'].post).toBeDefined();
    expect(doc.paths['/api/v1/events'].post.responses['202']).toBeDefined();
  });

  it('refuses bad URLs, unknown event names and unknown fields with a 400 naming each', async () => {
    const res = await call({
      method: 'POST',
      url: '/api/v1/webhook-endpoints',
      body: { url: 'javascript:alert(1)', events: ['referral.created', 'deal.closed'], secret: 'mine' },
    });
    const body = expectProblemJson(res, 400);
    expect(body.errors?.map((error) => error.path)).toEqual(
      expect.arrayContaining(['body.url', 'body.events.1', 'body.secret']),
    );
    expectProblemJson(
      await call({
        method: 'POST',
        url: '/api/v1/webhook-endpoints',
        body: { url: 'https://a.invalid/', events: [] },
      }),
      400,
    );
  });

  it('needs webhooks:read to list and webhooks:write to change', async () => {
    expectProblemJson(await call({ method: 'GET', url: '/api/v1/webhook-endpoints', key: null }), 401);
    const { key: reader } = await server.runtime.services.apiKeys.createApiKey({
      name: 'webhook reader',
      scopes: ['webhooks:read'],
    });
    expect((await call({ method: 'GET', url: '/api/v1/webhook-endpoints', key: reader })).statusCode).toBe(
      200,
    );
    expectProblemJson(
      await call({
        method: 'POST',
        url: '/api/v1/webhook-endpoints',
        key: reader,
        body: { url: 'https://a.invalid/', events: ['*'] },
      }),
      403,
    );
    const { key: other } = await server.runtime.services.apiKeys.createApiKey({
      name: 'other',
      scopes: ['events:write'],
    });
    expectProblemJson(await call({ method: 'GET', url: '/api/v1/webhook-endpoints', key: other }), 403);
    expectProblemJson(await call({ method: 'DELETE', url: '/api/v1/webhook-endpoints/x', key: reader }), 403);
  });

  describe('delivery to a local receiver', () => {
    let endpointId: string;
    let secret: string;
    beforeAll(async () => {
      const res = await call({
        method: 'POST',
        url: '/api/v1/webhook-endpoints',
        body: { url: receiver.url, events: ['referral.created'], description: 'receiver' },
      });
      ({ id: endpointId, secret } = res.json());
    });

    it('delivers a domain event signed per Standard Webhooks', async () => {
      const before = receiver.requests.length;
      const event = await emit('referral.created', { id: 'ref-1', status: 'submitted' });
      await emit('participant.created', { id: 'not subscribed' });
      await waitFor(() => receiver.requests.length > before, { message: 'a webhook request' });

      const request = receiver.requests[before]!;
      expect(request.headers['webhook-id']).toBe(event.id);
      expect(request.headers['content-type']).toBe('application/json');
      expect(new Webhook(secret).verify(request.body, headersOf(request))).toEqual({
        type: 'referral.created',
        timestamp: event.occurredAt,
        data: { id: 'ref-1', status: 'submitted' },
      });
      await waitFor(async () =>
        (await deliveriesOf(endpointId)).some((d) => d.messageId === event.id && d.status === 'succeeded'),
      );
      expect(receiver.requests.slice(before).every((r) => r.headers['webhook-id'] === event.id)).toBe(true);
    });

    it('retries a refused delivery with the same webhook-id, logging each attempt', async () => {
      receiver.respondWith(500);
      const before = receiver.requests.length;
      const event = await emit('referral.created', { id: 'ref-2' });
      await waitFor(() => receiver.requests.length >= before + 2, { message: 'a retry' });
      const [first, second] = receiver.requests.slice(before);
      expect(first?.headers['webhook-id']).toBe(event.id);
      expect(second?.headers['webhook-id']).toBe(event.id);
      expect(new Webhook(secret).verify(second!.body, headersOf(second!))).toMatchObject({
        data: { id: 'ref-2' },
      });

      await waitFor(async () =>
        (await deliveriesOf(endpointId)).some((d) => d.messageId === event.id && d.status === 'succeeded'),
      );
      const delivery = (await deliveriesOf(endpointId)).find((d) => d.messageId === event.id);
      expect(delivery).toMatchObject({ attempts: 2, lastStatusCode: 200, status: 'succeeded' });
    });

    it('marks a delivery failed after the last attempt; a redelivery sends it again with the same webhook-id', async () => {
      receiver.respondWith(500, 502, 503);
      const before = receiver.requests.length;
      const event = await emit('referral.created', { id: 'ref-3' });
      await waitFor(
        async () =>
          (await deliveriesOf(endpointId)).some((d) => d.messageId === event.id && d.status === 'failed'),
        {
          message: 'the delivery to fail',
        },
      );
      const failed = (await deliveriesOf(endpointId)).find((d) => d.messageId === event.id)!;
      expect(failed).toMatchObject({ attempts: 3, lastStatusCode: 503 });
      expect(receiver.requests.length).toBe(before + 3);

      const redelivered = await call({
        method: 'POST',
        url: `/api/v1/webhook-endpoints/${endpointId}/deliveries/${failed.id}/redeliver`,
      });
      expect(redelivered.statusCode).toBe(202);
      expect(redelivered.json()).toMatchObject({ id: failed.id, status: 'pending', messageId: event.id });
      await waitFor(() => receiver.requests.length > before + 3, { message: 'the redelivery' });
      const resent = receiver.requests[before + 3]!;
      expect(resent.headers['webhook-id']).toBe(event.id);
      expect(new Webhook(secret).verify(resent.body, headersOf(resent))).toMatchObject({
        data: { id: 'ref-3' },
      });
      await waitFor(async () =>
        (await deliveriesOf(endpointId)).some((d) => d.id === failed.id && d.status === 'succeeded'),
      );
      expect((await deliveriesOf(endpointId)).find((d) => d.id === failed.id)).toMatchObject({ attempts: 4 });

      const audit = await server.runtime.services.audit.list({ targetId: failed.id });
      expect(audit.data[0]).toMatchObject({
        action: 'webhook_delivery.redelivered',
        actor: { type: 'api_key' },
      });
      expectProblemJson(
        await call({
          method: 'POST',
          url: `/api/v1/webhook-endpoints/${endpointId}/deliveries/0190b000-0000-7000-8000-000000000000/redeliver`,
        }),
        404,
      );
    });
  });
});
